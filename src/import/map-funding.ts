/**
 * Maps the 项目资金 block: the whole-project side (项目资金总额, 财政资金, 其他资金) on the left, the budget-year side
 * (年度资金申请总额, 当年财政拨款, 上年结转资金, 其他资金) on the right. `其他资金` is printed on both sides, so its
 * side is read from its column relative to 年度资金申请总额, or from its order in the row.
 */
import { sourced, type AmountText, type AnnualKey, type FundingDraft, type Sourced, type TotalKey } from './drafts.js';
import type { IssueCollector } from './import-issues.js';
import type { SourceCell, SourceRow } from './source-model.js';
import { matchLabel, type FundingSlot } from './vocabulary.js';

const WHERE = { zh: '（项目资金栏）', en: '(in the funding block)' };

export function mapFundingRows(rows: readonly SourceRow[], issues: IssueCollector): FundingDraft {
  const funding: FundingDraft = { total: new Map(), annual: new Map() };
  const annualColumn = annualSideColumn(rows);
  for (const row of rows) {
    let eitherSeen = false;
    const cells = row.cells;
    let index = 0;
    while (index < cells.length) {
      const cell = cells[index];
      const match = matchLabel(cell.text);
      index += 1;
      if (match?.kind === 'funding-block') {
        if (match.unit && !funding.unit) funding.unit = sourced(match.unit, cell.position);
        continue;
      }
      if (match?.kind !== 'funding') {
        if (!cell.mergedFromAbove) issues.unmappedCells([cell], WHERE);
        continue;
      }
      const values: SourceCell[] = [];
      while (index < cells.length && matchLabel(cells[index].text) === undefined) values.push(cells[index++]);
      issues.unmappedCells(values.slice(1), WHERE);
      const slot = resolvedSlot(match.slot, cell, annualColumn, eitherSeen);
      if (match.slot.side === 'either') eitherSeen = true;
      const amount = sourced<AmountText>(values[0] ? values[0].text.replace(/\s+/g, '') : null, values[0]?.position ?? cell.position, cell.notes ?? []);
      if (slot.side === 'total') setAmount(funding.total, slot.key, amount, issues);
      else setAmount(funding.annual, slot.key, amount, issues);
    }
  }
  if (!funding.unit && [...funding.total.values(), ...funding.annual.values()].some((amount) => amount.value !== null)) {
    const first = rows[0];
    funding.unit = sourced('元', first?.position, ['表中未注明金额单位，按元计']);
  }
  return funding;
}

/** The column where the budget-year side starts: that of 年度资金申请总额, else of its first component. */
function annualSideColumn(rows: readonly SourceRow[]): number | undefined {
  const columns = rows.flatMap((row) =>
    row.cells.flatMap((cell) => {
      const match = matchLabel(cell.text);
      return match?.kind === 'funding' && match.slot.side === 'annual' ? [{ column: cell.column, total: match.slot.key === '合计' }] : [];
    }),
  );
  return (columns.find((entry) => entry.total) ?? columns.sort((a, b) => a.column - b.column)[0])?.column;
}

type ResolvedSlot = { side: 'total'; key: TotalKey } | { side: 'annual'; key: AnnualKey };

/** The slot of a label printed on both sides: right of 年度资金申请总额's column, or the second in its row, is annual. */
function resolvedSlot(slot: FundingSlot, cell: SourceCell, annualColumn: number | undefined, eitherSeen: boolean): ResolvedSlot {
  if (slot.side !== 'either') return slot;
  const annual = annualColumn === undefined ? eitherSeen : cell.column >= annualColumn;
  return annual ? { side: 'annual', key: slot.key } : { side: 'total', key: slot.key };
}

/** A second printing of the same amount is a repeated row; a different one is reported, the first kept. */
function setAmount<K extends string>(side: Map<K, Sourced<AmountText>>, key: K, amount: Sourced<AmountText>, issues: IssueCollector): void {
  const existing = side.get(key);
  if (!existing || existing.value === null) {
    side.set(key, amount);
    return;
  }
  if (amount.value !== null && amount.value !== existing.value && amount.position) {
    issues.unmapped(amount.position, {
      zh: `“${key}”印了两次且金额不同（${existing.value} 与 ${amount.value}），保留前者`,
      en: `${key} is printed twice with different amounts (${existing.value}, ${amount.value}); the first is kept`,
    });
  }
}
