import { renderMessage } from '../engine/render-message.js';
import type { LocalizedText, Locale } from '../types.js';

/** Every sentence the language server itself shows, in both languages; `{{name}}` placeholders. */
const MESSAGES = {
  setupFailed: { zh: 'ptlint 无法检查本文件：{{problems}}', en: 'ptlint cannot lint this file: {{problems}}' },
  applyFix: { zh: '修复：{{message}}', en: 'Fix: {{message}}' },
  disableForLine: { zh: '在本行禁用 {{rule}}', en: 'Disable {{rule}} for this line' },
  fixAll: { zh: '修复所有可自动修复的 ptlint 问题', en: 'Fix all auto-fixable ptlint problems' },
  rule: { zh: '规则', en: 'Rule' },
  why: { zh: '为什么', en: 'Why' },
  docs: { zh: '规则说明', en: 'Rule documentation' },
  targetParsed: { zh: '指标值解析结果', en: 'How this target value reads' },
  kind: { zh: '类型', en: 'Kind' },
  comparator: { zh: '比较符', en: 'Comparator' },
  number: { zh: '数值', en: 'Number' },
  upper: { zh: '上限', en: 'Upper bound' },
  unit: { zh: '计量单位', en: 'Unit' },
  deadline: { zh: '期限', en: 'Deadline' },
  endOfMonth: { zh: '月底', en: 'end of month' },
  words: { zh: '文字', en: 'Words' },
  notes: { zh: '注意', en: 'Notes' },
  noUnit: { zh: '（无）', en: '(none)' },
  skeleton: { zh: '新建申报表：每个栏目及其说明', en: 'New filing: every field with its explanation' },
  comparatorDetail: { zh: '比较符', en: 'comparator' },
  unitDetail: { zh: '计量单位', en: 'unit' },
  ruleDetail: { zh: '规则', en: 'rule' },
} satisfies Record<string, LocalizedText>;

export type LspMessage = keyof typeof MESSAGES;

export function lspMessage(id: LspMessage, locale: Locale, data?: Record<string, string | number>): string {
  return renderMessage(MESSAGES[id], locale, data);
}

/** Names of the 指标值 kinds and parse notes of src/values/target.ts. */
export const TARGET_KIND_NAMES: Record<string, LocalizedText> = {
  quantity: { zh: '定量（比较符 + 数值 + 单位）', en: 'quantity (comparator + number + unit)' },
  range: { zh: '区间', en: 'range' },
  deadline: { zh: '期限', en: 'deadline' },
  qualitative: { zh: '定性（文字）', en: 'qualitative (words)' },
  empty: { zh: '空', en: 'empty' },
  unparseable: { zh: '无法识别', en: 'not readable as a target' },
};

export const TARGET_NOTE_NAMES: Record<string, LocalizedText> = {
  'fullwidth-digits': { zh: '使用了全角数字', en: 'full-width digits' },
  'fullwidth-punctuation': { zh: '使用了全角符号', en: 'full-width punctuation' },
  'thousands-separator': { zh: '数值带千位分隔符', en: 'thousands separator' },
  'trailing-zeros': { zh: '小数末尾有多余的 0', en: 'trailing zeros' },
  'inner-whitespace': { zh: '中间有空格', en: 'whitespace inside' },
  'surrounding-whitespace': { zh: '首尾有空格', en: 'surrounding whitespace' },
  'redundant-comparator': { zh: '前后重复写了比较符', en: 'comparator written twice' },
  'conflicting-comparators': { zh: '前后比较符方向相反', en: 'comparators point opposite ways' },
  'mismatched-range-units': { zh: '区间两端单位不同', en: 'range ends have different units' },
  'inverted-range': { zh: '区间下限大于上限', en: 'lower bound above upper bound' },
  'invalid-date': { zh: '日期不存在', en: 'no such date' },
  'missing-number': { zh: '缺少数值', en: 'number missing' },
};
