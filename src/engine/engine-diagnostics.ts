import { ruleDocsUrl } from '../package-root.js';
import type { RuleMeta } from '../types.js';

/**
 * Diagnostics the pipeline itself raises, with the metadata formatters need for them. They are not rules: they
 * cannot be configured, only suppressed inline.
 */
const ENGINE_DIAGNOSTICS: Array<Omit<RuleMeta, 'docsUrl' | 'fixable' | 'hasSuggestions'>> = [
  {
    id: 'parse-error',
    severity: 'error',
    description: { zh: '文件不是有效的 YAML，无法读取', en: 'The file is not valid YAML and cannot be read' },
  },
  {
    id: 'duplicate-key',
    severity: 'error',
    description: { zh: '同一层级出现重复的栏目名', en: 'A key appears twice in the same mapping' },
  },
  {
    id: 'schema-violation',
    severity: 'error',
    description: { zh: '内容不符合申报表格式（filing.schema.json / unit.schema.json）', en: 'The content does not follow the filing format (filing.schema.json / unit.schema.json)' },
  },
  {
    id: 'encoding-error',
    severity: 'error',
    description: { zh: '文件不是 UTF-8 文本', en: 'The file is not UTF-8 text' },
  },
  {
    id: 'limit-exceeded',
    severity: 'error',
    description: { zh: '文件超过资源限制（大小、别名展开次数、嵌套层数），未检查', en: 'The file exceeds a resource limit (size, alias expansions, nesting depth) and was not linted' },
  },
  {
    id: 'unused-suppression',
    severity: 'warning',
    description: { zh: 'ptlint-disable 注释没有屏蔽任何问题', en: 'A ptlint-disable comment suppresses nothing' },
  },
  {
    id: 'rule-failed',
    severity: 'error',
    description: { zh: '规则运行时出错；其余规则照常检查', en: 'A rule failed while running; the other rules still ran' },
  },
];

export function engineDiagnosticMeta(): RuleMeta[] {
  return ENGINE_DIAGNOSTICS.map((meta) => ({ ...meta, fixable: false, hasSuggestions: false, docsUrl: ruleDocsUrl(meta.id) }));
}
