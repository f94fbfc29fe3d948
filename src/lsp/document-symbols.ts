import { SymbolKind, type DocumentSymbol, type Range as LspRange } from 'vscode-languageserver/node';
import { indicatorRows, type IndicatorRow } from '../domain/indicator-rows.js';
import type { LintDocument } from '../document/lint-document.js';
import type { SourceRange, YamlPath } from '../types.js';

/**
 * The outline of a filing: the project, its goals, and the indicator table as 一级 → 二级 → 三级. Rows keep their
 * order; a category appears once, spanning its rows.
 */
export function filingSymbols(document: LintDocument, rangeOf: (range: SourceRange) => LspRange): DocumentSymbol[] {
  const data = document.data as Record<string, unknown> | null;
  if (document.kind !== 'filing' || !data) return [];
  const entry = (path: YamlPath) => document.rangeOf(path, 'entry');
  const key = (path: YamlPath) => document.rangeOf(path, 'key');
  const make = (name: string, kind: SymbolKind, range: SourceRange, selection: SourceRange, children: DocumentSymbol[], detail?: string) =>
    symbol(name, kind, range, selection, rangeOf, children, detail);

  const rowSymbol = (row: IndicatorRow) => make(row.name || '—', SymbolKind.Field, entry(row.path), key([...row.path, '三级指标']), [], textOf(row.fields['年度指标值']));
  const categorySymbol = (name: string, rows: IndicatorRow[], field: string, kind: SymbolKind, children: DocumentSymbol[]) =>
    make(name || '—', kind, union(rows.map((row) => entry(row.path))), key([...rows[0].path, field]), children);
  const rows = indicatorRows(data['绩效指标'], ['绩效指标']);
  const level1Symbols = groupBy(rows, (row) => row.level1).map(([level1, level1Rows]) =>
    categorySymbol(
      level1,
      level1Rows,
      '一级指标',
      SymbolKind.Namespace,
      groupBy(level1Rows, (row) => row.level2).map(([level2, level2Rows]) => categorySymbol(level2, level2Rows, '二级指标', SymbolKind.Package, level2Rows.map(rowSymbol))),
    ),
  );

  const goalPaths = [['绩效目标'], ['绩效指标']].filter(([field]) => data[field] !== undefined && data[field] !== null);
  const goals = goalPaths.length > 0 ? [make('绩效目标', SymbolKind.Object, union(goalPaths.map(entry)), key(goalPaths[0]), level1Symbols, annualGoalOf(data))] : [];
  const selection = data['项目名称'] !== undefined ? key(['项目名称']) : { start: 0, end: 0 };
  return [make(textOf(data['项目名称']) || '项目', SymbolKind.Module, { start: 0, end: document.text.length }, selection, goals, textOf(data['年度']))];
}

function annualGoalOf(data: Record<string, unknown>): string {
  const goals = data['绩效目标'];
  return goals !== null && typeof goals === 'object' ? textOf((goals as Record<string, unknown>)['年度总目标']) : '';
}

function symbol(
  name: string,
  kind: SymbolKind,
  range: SourceRange,
  selection: SourceRange,
  rangeOf: (range: SourceRange) => LspRange,
  children: DocumentSymbol[],
  detail?: string,
): DocumentSymbol {
  const inside = selection.start >= range.start && selection.end <= range.end ? selection : range;
  return { name, kind, range: rangeOf(range), selectionRange: rangeOf(inside), children, ...(detail ? { detail } : {}) };
}

/** Consecutive-or-not rows grouped by a name, in order of first appearance. */
function groupBy(rows: readonly IndicatorRow[], nameOf: (row: IndicatorRow) => string): Array<[string, IndicatorRow[]]> {
  const groups = new Map<string, IndicatorRow[]>();
  for (const row of rows) groups.set(nameOf(row), [...(groups.get(nameOf(row)) ?? []), row]);
  return [...groups];
}

function union(ranges: readonly SourceRange[]): SourceRange {
  if (ranges.length === 0) return { start: 0, end: 0 };
  return { start: Math.min(...ranges.map((range) => range.start)), end: Math.max(...ranges.map((range) => range.end)) };
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value).replace(/\s+/g, ' ').trim();
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
