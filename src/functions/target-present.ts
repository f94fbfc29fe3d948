import { defineFilingFunction } from '../engine/function-api.js';
import { indicatorNames } from '../domain/indicator-rows.js';
import { indicatorTargetOf } from '../domain/target-cells.js';

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
    const name = indicatorNames(context.document, target.value).name;
    if (name === '') return;
    const { target: parsed, path } = indicatorTargetOf(context.facts(context.document), target.path, target.value);
    if (parsed.kind !== 'empty') return;
    context.report({ messageId: 'empty', data: { name }, path, part: 'key' });
  },
});
