/**
 * Splits a 资金测算 text into its items (`其中党建阵地建设预算56万，群团工作预算为46万`) and its stated total
 * (`整个项目预算为102万`). Amounts keep their written unit; an item is named by the words before its amount, or,
 * when those are only `预算为`, by the sentence's `X的（经费测算）依据是：` with the reasons in between as its 依据.
 */
import type { BudgetCalculationDraft, BudgetItemDraft } from './drafts.js';

const AMOUNT_RE = /(\d+(?:\.\d+)?)\s*(万元|万|元)/g;
const TOTAL_WORDS_RE = /整个项目|项目总|总预算|合计|共计|总计|总额/;
const NAMED_BASIS_RE = /([^，。：:,；;]+?)的(?:经费)?(?:测算)?依据(?:是)?[：:，,]/;
const FILLER_BEFORE_RE = /^(?:其中[：:]?|另外|另|以及)/;
const FILLER_AFTER_RE = /(?:的)?(?:预算|测算|经费|资金|费用)?(?:约)?(?:为|是)?(?:约)?$/;

export function parseBudgetCalculation(text: string): BudgetCalculationDraft {
  const calculation: BudgetCalculationDraft = { 说明: text, 明细: [], notes: [] };
  for (const sentence of text.split(/(?<=[。；;])/)) {
    const amounts = [...sentence.matchAll(AMOUNT_RE)];
    const named = NAMED_BASIS_RE.exec(sentence);
    if (named && amounts.length === 1) {
      calculation.明细.push(namedItem(sentence, named, amounts[0]));
      continue;
    }
    for (const clause of sentence.split(/[，,]/)) {
      const amount = [...clause.matchAll(AMOUNT_RE)][0];
      if (!amount) continue;
      const written = amount[0].replace(/\s+/g, '');
      if (TOTAL_WORDS_RE.test(clause)) {
        calculation.合计 ??= written;
        continue;
      }
      const name = clause.slice(0, amount.index).trim().replace(FILLER_BEFORE_RE, '').replace(FILLER_AFTER_RE, '').trim();
      calculation.明细.push({ 名称: name === '' ? `第${calculation.明细.length + 1}项` : name, 金额: written });
    }
  }
  if (calculation.明细.length > 0) calculation.notes.push('明细由测算说明原文逐句拆出');
  if (calculation.明细.length > 0 && calculation.合计 === undefined) calculation.notes.push('原文未写合计');
  return calculation;
}

function namedItem(sentence: string, named: RegExpExecArray, amount: RegExpMatchArray): BudgetItemDraft {
  const basisStart = named.index + named[0].length;
  const basis = sentence
    .slice(basisStart, amount.index)
    .replace(/[，,]?(?:预算)?(?:约)?为?$/, '')
    .trim();
  return { 名称: named[1].trim(), 金额: amount[0].replace(/\s+/g, ''), ...(basis === '' ? {} : { 依据: basis }) };
}
