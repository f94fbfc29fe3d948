/**
 * Maps one form: its title and year lines, then its rows block by block — header fields, 项目资金, 项目绩效目标,
 * 绩效指标 — each block starting at the row that prints its first label.
 */
import { sourced, type FilingDraft } from './drafts.js';
import type { IssueCollector } from './import-issues.js';
import { mapFundingRows } from './map-funding.js';
import { mapGoalRows } from './map-goals.js';
import { mapHeaderRows } from './map-header.js';
import { mapIndicatorRows } from './map-indicators.js';
import { mapNarrative } from './map-narrative.js';
import type { FormRows } from './segment-document.js';
import { rowText, type SourceRow } from './source-model.js';
import { yearIn } from './text-cleanup.js';
import { matchLabel, type LabelMatch } from './vocabulary.js';

type Block = 'header' | 'funding' | 'goals' | 'indicators';

export function mapForm(form: FormRows, columnsReliable: boolean, issues: IssueCollector): FilingDraft {
  const blocks = splitBlocks(form.rows);
  const draft: FilingDraft = {
    ordinal: form.ordinal,
    position: (form.title ?? form.yearRow ?? form.rows[0]).position,
    ...mapHeaderRows(blocks.header, issues),
  };
  if (form.title) draft.表名 = sourced(rowText(form.title).replace(/\s+/g, ''), form.title.position);
  const year = yearOf(form);
  if (year) draft.年度 = year;
  else issues.note(draft.position, { zh: '表头未写年度', en: 'the form states no budget year' });
  if (blocks.funding.length > 0) draft.funding = mapFundingRows(blocks.funding, issues);
  if (blocks.goals.length > 0) draft.goals = mapGoalRows(blocks.goals, columnsReliable, issues);
  if (blocks.indicators.length > 0) draft.indicators = mapIndicatorRows(blocks.indicators, columnsReliable, issues);
  if (form.narrative) draft.narrative = mapNarrative(form.narrative, issues);
  return draft;
}

/** The year of `(2022年度)` under the title, else of the title itself (`2022年…申报表`). */
function yearOf(form: FormRows): FilingDraft['年度'] {
  for (const row of [form.yearRow, form.title]) {
    const year = row ? yearIn(rowText(row)) : undefined;
    if (row && year !== undefined) return sourced(year, row.position, row === form.title ? ['年度取自表名'] : []);
  }
  return undefined;
}

function splitBlocks(rows: readonly SourceRow[]): Record<Block, SourceRow[]> {
  const blocks: Record<Block, SourceRow[]> = { header: [], funding: [], goals: [], indicators: [] };
  let block: Block = 'header';
  for (const row of rows) {
    const labels = row.cells.map((cell) => matchLabel(cell.text)).filter((match): match is LabelMatch => match !== undefined);
    if (labels.filter((match) => match.kind === 'indicator-column').length >= 2) block = 'indicators';
    else if (block !== 'indicators' && labels.some((match) => match.kind === 'goal' || match.kind === 'goals-block')) block = 'goals';
    else if (block === 'header' && labels.some((match) => match.kind === 'funding' || match.kind === 'funding-block')) block = 'funding';
    blocks[block].push(row);
  }
  return blocks;
}
