import type { Filing, Narrative, UnitSummary } from '../../../src/generated/schema-types.js';

/**
 * Lays an example filing out as the printed Shanghai form does — title, year, header pairs, the 项目资金 block,
 * the goals, the indicator table with merged 一级/二级 cells — as a grid that the .xlsx and .docx builders render.
 */
export interface GridCell {
  value: string | number;
  /** an Excel number format for numeric cells, e.g. `#,##0.00` */
  numFmt?: string;
  rowSpan?: number;
  colSpan?: number;
}

/** `null` marks a position covered by a span above or to the left, or an empty cell. */
export type GridRow = Array<GridCell | null>;

export interface FormGrid {
  title: string;
  year: string;
  rows: GridRow[];
}

export const GRID_WIDTH = 6;

const HEADER_GROUPS: ReadonlyArray<ReadonlyArray<keyof Filing>> = [
  ['项目名称', '项目性质', '项目类别'],
  ['主管部门', '实施单位'],
  ['计划开始日期', '计划完成日期'],
];

export function formGrid(filing: Filing): FormGrid {
  const rows: GridRow[] = [];
  for (const group of HEADER_GROUPS) {
    const row: GridRow = [];
    for (const key of group.filter((candidate) => candidate in filing)) row.push(text(key), valueCell(filing[key] as string | null));
    rows.push(padded(row));
  }

  const funding = filing.项目资金;
  if (funding) {
    const total = funding.项目资金总额 ?? {};
    const annual = funding.年度资金申请总额 ?? {};
    rows.push(padded([{ value: `项目资金（${funding.单位 ?? '元'}）`, rowSpan: 4 }, text('项目资金总额'), amount(total.合计), text('年度资金申请总额'), amount(annual.合计)]));
    rows.push(padded([null, text('其中：财政资金'), amount(total.财政资金), text('其中：当年财政拨款'), amount(annual.当年财政拨款)]));
    rows.push(padded([null, null, null, text('上年结转资金'), amount(annual.上年结转资金)]));
    rows.push(padded([null, text('其他资金'), amount(total.其他资金), text('其他资金'), amount(annual.其他资金)]));
  }

  const goals = filing.绩效目标;
  if (goals) {
    const overallLabel = goals.总目标期间 ? `项目总目标（${goals.总目标期间}）` : '项目总目标';
    rows.push(padded([{ value: '项目绩效目标', rowSpan: 2 }, { value: overallLabel, colSpan: 2 }, null, { value: '年度总目标', colSpan: 2 }, null]));
    rows.push(padded([null, spanned(goals.项目总目标, 2), null, spanned(goals.年度总目标, 2), null]));
  }

  const indicators = filing.绩效指标 ?? [];
  if (indicators.length > 0) {
    rows.push(padded([{ value: '绩效指标', rowSpan: indicators.length + 1 }, text('一级指标'), text('二级指标'), text('三级指标'), text('年度指标值')]));
    indicators.forEach((indicator, index) => {
      const previous = indicators[index - 1];
      const sameLevel1 = previous !== undefined && previous.一级指标 === indicator.一级指标;
      const sameLevel2 = sameLevel1 && previous.二级指标 === indicator.二级指标;
      const level1Span = runLength(indicators, index, (row) => row.一级指标 === indicator.一级指标);
      const level2Span = runLength(indicators, index, (row) => row.一级指标 === indicator.一级指标 && row.二级指标 === indicator.二级指标);
      rows.push(
        padded([
          null,
          sameLevel1 ? null : { ...text(indicator.一级指标 ?? ''), rowSpan: level1Span },
          sameLevel2 ? null : { ...text(indicator.二级指标 ?? ''), rowSpan: level2Span },
          valueCell(indicator.三级指标 ?? null),
          valueCell(indicator.年度指标值 === undefined || indicator.年度指标值 === null ? null : String(indicator.年度指标值)),
        ]),
      );
    });
  }
  return { title: filing.表名 ?? '财政项目支出绩效目标申报表', year: `（${filing.年度}年度）`, rows };
}

/** The lines of a 项目经费情况说明 as Word prints them: numbered section headings, then their text. */
export function narrativeLines(title: string, narrative: Narrative): string[] {
  const numerals = ['一', '二', '三', '四', '五', '六', '七'];
  const lines = [title];
  Object.entries(narrative).forEach(([key, value], index) => {
    lines.push(`${numerals[index]}、${key}`);
    if (typeof value === 'string') lines.push(value);
    else if (Array.isArray(value)) lines.push(...value);
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      const arrangement = value as { 资金测算?: { 说明?: string | null } | null; 资金类型?: string | null; 执行计划?: string | null };
      const parts = [
        ['资金测算', arrangement.资金测算?.说明],
        ['资金类型', arrangement.资金类型],
        ['执行计划', arrangement.执行计划],
      ].filter(([, text]) => typeof text === 'string');
      parts.forEach(([label, text], part) => lines.push(`${part + 1}.${label}：${text}`));
    }
  });
  return lines;
}

/** The unit summary's opening lines: unit, title, section heading, the statement. */
export function summaryLines(summary: UnitSummary): string[] {
  return [summary.单位名称, summary.表名 ?? '', '绩效目标设置情况', summary.说明 ?? ''].filter((line) => line !== '');
}

function text(value: string): GridCell {
  return { value };
}

function valueCell(value: string | null): GridCell | null {
  return value === null || value === '' ? null : { value };
}

function spanned(value: string | null | undefined, colSpan: number): GridCell | null {
  return value ? { value, colSpan } : null;
}

/** Amounts as a spreadsheet holds them: numbers, `1,100,000.00` as a number shown with separators. */
function amount(value: number | string | null | undefined): GridCell | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return { value };
  if (/^\d{1,3}(,\d{3})*\.\d{2}$/.test(value)) return { value: Number(value.replace(/,/g, '')), numFmt: '#,##0.00' };
  return { value };
}

function padded(row: GridRow): GridRow {
  return [...row, ...Array<null>(Math.max(0, GRID_WIDTH - row.length)).fill(null)];
}

function runLength<T>(rows: readonly T[], from: number, same: (row: T) => boolean): number {
  let length = 0;
  while (from + length < rows.length && same(rows[from + length])) length += 1;
  return length;
}
