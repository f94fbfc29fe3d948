/**
 * Maps the 绩效指标 table. Its header row says which columns hold 一级/二级/三级指标 and the target value(s).
 *
 * Where columns are reliable (spreadsheets, Word tables) each cell goes by its column. In text extracted from PDF,
 * cells drift left and right around merged cells, so a row is read by content instead: category names are known
 * words, the first other cell is the 三级指标 and the last the value. A row may even carry the categories of the
 * next row before its own (`满意度指标 服务对象满意度指标 可持续影响指标 …`); the categories closest to the name are
 * the row's own, the earlier ones wait for the next row that has none.
 *
 * Blank categories are then filled: from a vertically merged cell where the source says so, otherwise from the
 * row above (a merged cell the text lost), from the 二级's place in the taxonomy, or, for the first rows of a table
 * whose merged label was printed lower down, from the first row below that has one. Every such value is noted.
 */
import { parseTarget } from '../values/target.js';
import type { IndicatorDraft } from './drafts.js';
import type { IssueCollector } from './import-issues.js';
import type { SourceCell, SourcePosition, SourceRow } from './source-model.js';
import { chineseCount, joinWrappedLines, normalizeLabel, wrapNote } from './text-cleanup.js';
import { matchCategory, matchLabel, parentCategory, type IndicatorColumnKey } from './vocabulary.js';

const WHERE = { zh: '（绩效指标表）', en: '(in the indicator table)' };

export interface IndicatorTable {
  columns: IndicatorColumnKey[];
  rows: IndicatorDraft[];
}

interface CategoryCell {
  level: 1 | 2;
  name: string;
  cell: SourceCell;
}

interface CategoryGroup {
  level1?: CategoryCell;
  level2?: CategoryCell;
}

/** One row as read, before blank categories are filled. */
interface RowReading {
  position: SourcePosition;
  own: CategoryGroup;
  /** categories printed in this row that belong to a later row */
  forLater?: CategoryGroup;
  name?: SourceCell;
  values: Map<IndicatorColumnKey, SourceCell>;
  notes: string[];
}

export function mapIndicatorRows(rows: readonly SourceRow[], columnsReliable: boolean, issues: IssueCollector): IndicatorTable {
  const columnOf = new Map<IndicatorColumnKey, number>();
  const readings: RowReading[] = [];
  let pendingOnly: { group: CategoryGroup; cells: SourceCell[] } | undefined;
  for (const row of rows) {
    const cells = row.cells.filter((cell) => matchLabel(cell.text)?.kind !== 'indicators-block');
    if (isHeaderRow(cells)) {
      for (const cell of cells) {
        const match = matchLabel(cell.text);
        if (match?.kind === 'indicator-column') columnOf.set(match.key, cell.column);
      }
      continue;
    }
    if (cells.length === 0) continue;
    const reading = columnsReliable ? readByColumn(row.position, cells, columnOf, issues) : readByContent(row.position, cells, columnOf, issues);
    if (reading.name === undefined && reading.values.size === 0) {
      // A row of category names only: the label of a merged cell printed on a line of its own.
      const group = mergeGroups(pendingOnly?.group, reading.own);
      pendingOnly = { group, cells: [...(pendingOnly?.cells ?? []), ...sourceCellsOf(reading.own)] };
      continue;
    }
    if (pendingOnly) {
      if (!hasCategory(reading.own)) {
        reading.own = pendingOnly.group;
        reading.notes.push(`一级、二级指标取自上方单独一行的“${groupText(pendingOnly.group)}”`);
      } else if (!agrees(pendingOnly.group, reading.own)) {
        issues.unmappedCells(pendingOnly.cells, WHERE);
      }
      pendingOnly = undefined;
    }
    readings.push(reading);
  }
  if (pendingOnly) issues.unmappedCells(pendingOnly.cells, WHERE);

  const columns = tableColumns(columnOf);
  return { columns, rows: fillCategories(readings, issues).map((reading) => toDraft(reading, columns)) };
}

function isHeaderRow(cells: readonly SourceCell[]): boolean {
  const keys = new Set(cells.flatMap((cell) => {
    const match = matchLabel(cell.text);
    return match?.kind === 'indicator-column' ? [match.key] : [];
  }));
  return keys.has('三级指标') || (keys.has('一级指标') && keys.has('二级指标'));
}

/** 一级, 二级, 三级, then the value columns in the header's order; 年度指标值 when the header names none. */
function tableColumns(columnOf: ReadonlyMap<IndicatorColumnKey, number>): IndicatorColumnKey[] {
  const rest = [...columnOf.entries()]
    .filter(([key]) => !['一级指标', '二级指标', '三级指标'].includes(key))
    .sort((a, b) => a[1] - b[1])
    .map(([key]) => key);
  return ['一级指标', '二级指标', '三级指标', ...(rest.length > 0 ? rest : (['年度指标值'] as const))];
}

function readByColumn(
  position: SourcePosition,
  cells: readonly SourceCell[],
  columnOf: ReadonlyMap<IndicatorColumnKey, number>,
  issues: IssueCollector,
): RowReading {
  const keyAt = new Map([...columnOf.entries()].map(([key, column]) => [column, key]));
  const reading: RowReading = { position, own: {}, values: new Map(), notes: [] };
  for (const cell of cells) {
    const key = keyAt.get(cell.column);
    if (key === '一级指标' || key === '二级指标') {
      const categoryCell: CategoryCell = { level: key === '一级指标' ? 1 : 2, name: normalizeLabel(cell.text), cell };
      if (key === '一级指标') reading.own.level1 = categoryCell;
      else reading.own.level2 = categoryCell;
    } else if (key === '三级指标') {
      reading.name = cell;
    } else if (key !== undefined) {
      reading.values.set(key, cell);
    } else {
      issues.unmappedCells([cell], WHERE);
    }
  }
  return reading;
}

function readByContent(
  position: SourcePosition,
  cells: readonly SourceCell[],
  columnOf: ReadonlyMap<IndicatorColumnKey, number>,
  issues: IssueCollector,
): RowReading {
  const reading: RowReading = { position, own: {}, values: new Map(), notes: [] };
  const categories: CategoryCell[] = [];
  const content: SourceCell[] = [];
  for (const cell of cells) {
    const match = matchCategory(cell.text);
    if (match?.kind === 'category') categories.push({ level: match.level, name: match.name, cell });
    else content.push(cell);
  }
  const groups = groupCategories(categories);
  reading.own = groups.pop() ?? {};
  if (groups.length > 0) {
    reading.forLater = groups.reduce<CategoryGroup>((merged, group) => mergeGroups(merged, group), {});
    reading.notes.push(`文本中此行还印有“${groupText(reading.forLater)}”，属下一行`);
  }
  const valueKeys = tableColumns(columnOf).slice(3);
  // a lone cell is the value when it reads as a target, else the name of a row left without a value
  const loneValue = content.length === 1 && looksLikeTarget(content[0].text);
  const nameCell = loneValue ? undefined : content[0];
  let valueCells = loneValue ? content : content.slice(1);
  if (valueKeys.length === 1 && valueCells.length > 1) {
    // one value column but several cells: the target is the last cell that reads as one, else the last cell
    const targets = valueCells.filter((cell) => looksLikeTarget(cell.text));
    const value = targets[targets.length - 1] ?? valueCells[valueCells.length - 1];
    issues.unmappedCells(valueCells.filter((cell) => cell !== value), WHERE);
    valueCells = [value];
  }
  valueCells.forEach((cell, index) => {
    const key = valueKeys[index];
    if (key === undefined) issues.unmappedCells([cell], WHERE);
    else reading.values.set(key, cell);
  });
  if (nameCell) reading.name = nameCell;
  reading.notes.unshift(...placementNotes(reading, columnOf));
  return reading;
}

/**
 * Where the text put the row's categories and name away from their header columns: `错入一级指标栏` when a cell
 * sits under another header, `右移两栏` otherwise, or once for the whole row when everything moved alike.
 */
function placementNotes(reading: RowReading, columnOf: ReadonlyMap<IndicatorColumnKey, number>): string[] {
  const placed: Array<{ text: string; key: IndicatorColumnKey; cell: SourceCell }> = [
    ...groupCells(reading.own).map((category) => ({ text: category.name, key: category.level === 1 ? ('一级指标' as const) : ('二级指标' as const), cell: category.cell })),
    ...(reading.name ? [{ text: reading.name.text, key: '三级指标' as const, cell: reading.name }] : []),
  ];
  const moved = placed.flatMap((entry) => {
    const home = columnOf.get(entry.key);
    return home === undefined || home === entry.cell.column ? [] : [{ ...entry, shift: entry.cell.column - home }];
  });
  if (moved.length > 1 && moved.length === placed.length && moved.every((entry) => entry.shift === moved[0].shift)) {
    return [`文本中本行各栏${shiftText(moved[0].shift)}`];
  }
  const keyAt = new Map([...columnOf.entries()].map(([key, column]) => [column, key]));
  return moved.map((entry) => {
    const occupied = keyAt.get(entry.cell.column);
    return `文本中“${entry.text}”${occupied ? `错入${occupied}栏` : shiftText(entry.shift)}`;
  });
}

/** Consecutive category cells form a group of at most one 一级 and one 二级; a new 一级, or a second 二级, starts another. */
function groupCategories(categories: readonly CategoryCell[]): CategoryGroup[] {
  const groups: CategoryGroup[] = [];
  let current: CategoryGroup = {};
  for (const category of categories) {
    if (category.level === 1 && current.level1 && !current.level2 && category.name === '成本指标') {
      // Pre-2021 templates file 成本指标 as a 二级 under 产出指标.
      current.level2 = { ...category, level: 2 };
      continue;
    }
    if ((category.level === 1 && hasCategory(current)) || (category.level === 2 && current.level2)) {
      groups.push(current);
      current = {};
    }
    if (category.level === 1) current.level1 = category;
    else current.level2 = category;
  }
  if (hasCategory(current)) groups.push(current);
  return groups;
}

/** Fills blank categories as the module comment describes; rows above the first labelled one are filled last. */
function fillCategories(readings: RowReading[], issues: IssueCollector): RowReading[] {
  let previous: CategoryGroup | undefined;
  let waiting: CategoryGroup | undefined;
  const unlabelledAtTop: RowReading[] = [];
  for (const reading of readings) {
    if (!hasCategory(reading.own) && waiting) {
      reading.own = completed(waiting, previous, reading.notes);
      reading.notes.push(`一级、二级指标取自上一文本行错位的“${groupText(waiting)}”`);
      waiting = undefined;
    } else if (!hasCategory(reading.own) && previous) {
      reading.own = { ...previous };
      reading.notes.push('一级、二级指标随上一行（合并单元格）');
    } else if (!hasCategory(reading.own)) {
      unlabelledAtTop.push(reading);
      continue;
    } else {
      if (waiting && !agrees(waiting, reading.own)) issues.unmappedCells(sourceCellsOf(waiting), WHERE);
      waiting = undefined;
      reading.own = completed(reading.own, previous, reading.notes);
    }
    if (reading.forLater) waiting = reading.forLater;
    previous = reading.own;
    for (const top of unlabelledAtTop.splice(0)) {
      top.own = { ...reading.own };
      top.notes.push('一级、二级指标取自下方首个印有标签的行（合并单元格的标签印在组中间）');
    }
  }
  if (waiting) issues.unmappedCells(sourceCellsOf(waiting), WHERE);
  return readings;
}

/** A group with a blank 一级 or 二级 completed from the row above or from the taxonomy, noting how. */
function completed(group: CategoryGroup, previous: CategoryGroup | undefined, notes: string[]): CategoryGroup {
  const result = { ...group };
  if (!result.level1 && result.level2) {
    const parent = parentCategory(result.level2.name);
    const above = previous?.level1;
    if (above && (parent === undefined || above.name === parent)) {
      result.level1 = above;
      notes.push('一级指标随上一行（合并单元格）');
    } else if (parent !== undefined) {
      result.level1 = { level: 1, name: parent, cell: result.level2.cell };
      notes.push(`一级指标按二级指标“${result.level2.name}”归为${parent}`);
    }
  } else if (result.level1 && !result.level2 && previous?.level1?.name === result.level1.name && previous.level2) {
    result.level2 = previous.level2;
    notes.push('二级指标随上一行（合并单元格）');
  }
  return result;
}

function toDraft(reading: RowReading, columns: readonly IndicatorColumnKey[]): IndicatorDraft {
  const fields = new Map<IndicatorColumnKey, string | null>();
  const notes = [...reading.notes];
  for (const key of columns) {
    if (key === '一级指标') fields.set(key, reading.own.level1?.name ?? null);
    else if (key === '二级指标') fields.set(key, reading.own.level2?.name ?? null);
    else if (key === '三级指标') fields.set(key, reading.name ? indicatorName(reading.name, notes) : null);
    else fields.set(key, reading.values.get(key)?.text.trim() ?? null);
  }
  return { fields, position: reading.position, notes };
}

/** A name's line breaks are wraps of the printed cell: joined between Chinese characters, else a space. */
function indicatorName(cell: SourceCell, notes: string[]): string {
  const joined = joinWrappedLines(cell.text.replace(/\s*\n\s*/g, ' '));
  if (joined.gaps.length > 0) notes.push(wrapNote(joined.gaps));
  return joined.text;
}

function looksLikeTarget(text: string): boolean {
  return ['quantity', 'range', 'deadline'].includes(parseTarget(text).kind);
}

function shiftText(shift: number): string {
  return shift > 0 ? `右移${chineseCount(shift)}栏` : `左移${chineseCount(-shift)}栏`;
}

function hasCategory(group: CategoryGroup): boolean {
  return group.level1 !== undefined || group.level2 !== undefined;
}

function agrees(a: CategoryGroup, b: CategoryGroup): boolean {
  const level1Agrees = !a.level1 || !b.level1 || a.level1.name === b.level1.name;
  const level2Agrees = !a.level2 || !b.level2 || a.level2.name === b.level2.name;
  return level1Agrees && level2Agrees;
}

function mergeGroups(a: CategoryGroup | undefined, b: CategoryGroup): CategoryGroup {
  return { ...(a ?? {}), ...Object.fromEntries(Object.entries(b).filter(([, value]) => value !== undefined)) };
}

function groupCells(group: CategoryGroup): CategoryCell[] {
  return [group.level1, group.level2].filter((category): category is CategoryCell => category !== undefined);
}

function sourceCellsOf(group: CategoryGroup): SourceCell[] {
  return groupCells(group).map((category) => category.cell);
}

function groupText(group: CategoryGroup): string {
  return groupCells(group).map((category) => category.name).join(' ');
}
