import type { Decimal } from 'decimal.js';
import { defineFilingFunction } from '../engine/function-api.js';
import { indicatorNames } from '../domain/indicator-rows.js';
import { optionPattern, perOptions } from '../domain/per-document.js';
import { indicatorTargetOf } from '../domain/target-cells.js';
import type { ParsedTarget } from '../values/target.js';

interface Options {
  /** the check applies to targets in these units (the first part of the unit), e.g. `%` or 次, 场, 人 */
  units: string[];
  /** smallest number allowed */
  min?: number;
  /** largest number allowed */
  max?: number;
  /** whether the number must be whole */
  integer?: boolean;
  /** a regular expression; rows whose 三级指标 name matches are not checked (e.g. 增长率 may exceed 100%) */
  exceptNames?: string;
}

type Violation = 'belowMin' | 'aboveMax' | 'notInteger';

/**
 * Checks the numbers of an annual target written in one of `units`: each bound (both ends of a range) is at least
 * `min`, at most `max`, and whole when `integer` is set. One finding per row, for the first number that breaks a
 * check. Selected value: an indicator row.
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['units'],
    properties: {
      units: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      min: { type: 'number' },
      max: { type: 'number' },
      integer: { type: 'boolean' },
      exceptNames: { type: 'string', format: 'regex' },
    },
  },
  messageIds: ['belowMin', 'aboveMax', 'notInteger'],
  run(target, options, context) {
    const name = indicatorNames(context.document, target.value).name;
    if (options.exceptNames !== undefined && optionPattern(options, options.exceptNames, 'u').test(name)) return;
    const { target: parsed, path } = indicatorTargetOf(context.facts(context.document), target.path, target.value);
    const unit = parsed.unitParts?.[0];
    if (unit === undefined || !unitsOf(options).has(unit)) return;
    for (const number of numbersOf(parsed)) {
      const violation = violationOf(number, options);
      if (!violation) continue;
      context.report({
        messageId: violation,
        path,
        data: { name, value: parsed.raw.trim(), number: number.toFixed(), unit: parsed.unit ?? '', min: options.min ?? '', max: options.max ?? '' },
      });
      return;
    }
  },
});

const unitsOf = perOptions((options: Options): ReadonlySet<string> => new Set(options.units));

function numbersOf(target: ParsedTarget): Decimal[] {
  if (target.kind !== 'quantity' && target.kind !== 'range') return [];
  return [target.value, target.upper].filter((number): number is Decimal => number !== undefined);
}

function violationOf(number: Decimal, options: Options): Violation | undefined {
  if (options.min !== undefined && number.lessThan(options.min)) return 'belowMin';
  if (options.max !== undefined && number.greaterThan(options.max)) return 'aboveMax';
  if (options.integer && !number.isInteger()) return 'notInteger';
  return undefined;
}
