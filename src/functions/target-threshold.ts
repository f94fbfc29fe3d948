import { Decimal } from 'decimal.js';
import { defineFilingFunction } from '../engine/function-api.js';
import { indicatorTargetOf } from '../domain/target-cells.js';

interface Options {
  /** smallest acceptable value */
  min: number;
  /** a value at or above this is reported as `atMaximum` (e.g. 100 for 满意度 = 100%) */
  ceiling?: number;
  /** the unit the value must carry, e.g. % */
  unit?: string;
}

/**
 * Checks that an indicator row's target is a lower bound (≥ or >) of at least `min` in `unit`, below `ceiling`.
 * Selected value: an indicator row. Blank and qualitative targets are left to target-missing and vague-target.
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['min'],
    properties: {
      min: { type: 'number' },
      ceiling: { type: 'number' },
      unit: { type: 'string', minLength: 1 },
    },
  },
  messageIds: ['belowMin', 'wrongUnit', 'notLowerBound', 'atMaximum'],
  run(target, options, context) {
    const { target: parsed, path } = indicatorTargetOf(context.facts(context.document), target.path, target.value);
    if (parsed.kind !== 'quantity' && parsed.kind !== 'range') return;
    const value = parsed.value!;
    const data = { name: String((target.value as Record<string, unknown>)['三级指标'] ?? ''), value: parsed.raw, min: options.min, unit: options.unit ?? '' };
    if (options.unit !== undefined && parsed.unit !== options.unit) {
      context.report({ messageId: 'wrongUnit', path, data });
      return;
    }
    if (value.lessThan(options.min)) {
      context.report({ messageId: 'belowMin', path, data });
      return;
    }
    if (options.ceiling !== undefined && value.greaterThanOrEqualTo(new Decimal(options.ceiling))) {
      context.report({ messageId: 'atMaximum', path, data: { ...data, ceiling: options.ceiling } });
      return;
    }
    if (parsed.kind === 'quantity' && parsed.comparator !== '≥' && parsed.comparator !== '>') {
      context.report({ messageId: 'notLowerBound', path, data });
    }
  },
});
