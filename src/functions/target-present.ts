import { defineFilingFunction } from '../engine/function-api.js';
import { normalizeName } from '../domain/indicator-rows.js';

/**
 * Reports an indicator row that names an indicator (三级指标) but gives it no annual target, whether the template
 * has one 年度指标值 column or splits it into 比较符 / 数值 / 计量单位. A row without a name is a blank line, left
 * to blank-field. Selected value: an indicator row.
 */
export const ruleFunction = defineFilingFunction<Record<string, never>>({
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  messageIds: ['empty'],
  run(target, _options, context) {
    if (target.value === null || typeof target.value !== 'object') return;
    const name = normalizeName((target.value as Record<string, unknown>)['三级指标']);
    if (name === '') return;
    const { target: parsed, path } = context.facts(context.document).indicatorTarget(target.path);
    if (parsed.kind !== 'empty') return;
    context.report({ messageId: 'empty', data: { name }, path, part: 'key' });
  },
});
