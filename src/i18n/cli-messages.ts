import { renderMessage } from '../engine/render-message.js';
import type { Locale } from '../types.js';

/** Every sentence the CLI itself prints, in both languages. */
const MESSAGES = {
  setupFailed: { zh: 'ptlint 无法开始检查：', en: 'ptlint could not start:' },
  tooManyWarnings: { zh: '警告数 {{count}} 超过了 --max-warnings {{max}}', en: '{{count}} warnings exceed --max-warnings {{max}}' },
  unknownFormat: { zh: '未知的输出格式“{{format}}”，可用：{{formats}}', en: 'unknown format “{{format}}”; available: {{formats}}' },
  badLocale: { zh: '--locale 只能是 zh 或 en', en: '--locale must be zh or en' },
  badJobs: { zh: '--jobs 应为不小于 1 的整数', en: '--jobs takes a whole number ≥ 1' },
  badMaxWarnings: { zh: '--max-warnings 应为不小于 0 的整数', en: '--max-warnings takes a whole number ≥ 0' },
  outputFailed: { zh: '无法写入 --output 文件 {{file}}：{{reason}}', en: 'cannot write --output file {{file}}: {{reason}}' },
  noFiles: { zh: '没有找到要检查的 YAML 文件', en: 'no YAML files to lint' },
  importCannotRead: { zh: '无法读取：{{reason}}', en: 'cannot read: {{reason}}' },
  importCannotWrite: { zh: '无法写入 {{file}}：{{reason}}', en: 'cannot write {{file}}: {{reason}}' },
  importWrote: { zh: '{{source}} → {{count}} 个文件写入 {{folder}}', en: '{{source}} → {{count}} files written to {{folder}}' },
  importUnmapped: { zh: '未映射', en: 'unmapped' },
  importNote: { zh: '说明', en: 'note' },
  importStrictFailed: {
    zh: '--strict：有 {{count}} 处内容未能映射，见上',
    en: '--strict: {{count}} pieces of content could not be mapped, see above',
  },
  staleBaseline: {
    zh: '基线 {{file}} 中有 {{count}} 条记录已不再出现（已修正或已改动），可用 --write-baseline 更新基线',
    en: '{{count}} entries of the baseline {{file}} no longer occur (fixed or changed); update it with --write-baseline',
  },
} as const;

export type CliMessage = keyof typeof MESSAGES;

export function cliMessage(id: CliMessage, locale: Locale, values: Record<string, string | number> = {}): string {
  return renderMessage(MESSAGES[id], locale, values);
}
