import type { Decimal } from 'decimal.js';
import { defineFilingFunction } from '../engine/function-api.js';
import { indicatorNames } from '../domain/indicator-rows.js';
import { isRecurringProject, type RecurringCriteria } from '../domain/project-term.js';
import { indicatorTargetOf } from '../domain/target-cells.js';
import { isQuantity, type Comparator, type ParsedTarget } from '../values/target.js';

interface Floor {
  /** a lower bound at or below this asks for (almost) nothing */
  atMost: number;
  /** units (first part) the floor applies to; every unit when omitted */
  units?: string[];
  /** applies only to recurring projects (see `recurring`), where one occurrence a year is no real target */
  recurringOnly?: boolean;
  /** names containing one of these are once-a-year events (七一, 国庆…), for which one occurrence is the plan */
  exceptNamesWith?: string[];
}

interface Options {
  floors: Floor[];
  /** how a filing says it is a recurring project: category fields and the words they contain */
  recurring?: RecurringCriteria;
}

/**
 * Reports a lower-bound target that asks for next to nothing: `≥0` is met by doing nothing (`alwaysMet`); a floor
 * from `floors` such as `≥1次` for an activity of a recurring project is met by doing it once (`minimal`). `>v`
 * counts as a floor of v only when v is below `atMost` (`>0次` is `≥1次`). Exact values, ranges and ceilings are
 * not floors. Selected value: an indicator row.
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['floors'],
    properties: {
      floors: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['atMost'],
          properties: {
            atMost: { type: 'number', minimum: 0 },
            units: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
            recurringOnly: { type: 'boolean' },
            exceptNamesWith: { type: 'array', items: { type: 'string', minLength: 1 } },
          },
        },
      },
      recurring: {
        type: 'object',
        additionalProperties: false,
        required: ['fields', 'words'],
        properties: {
          fields: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
          words: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
        },
      },
    },
  },
  messageIds: ['alwaysMet', 'minimal'],
  run(target, options, context) {
    const { target: parsed, path } = indicatorTargetOf(context.facts(context.document), target.path, target.value);
    if (!isQuantity(parsed)) return;
    // Whether the project is recurring matters only to floors that say so: asked when such a floor is reached.
    let recurring: boolean | undefined;
    const isRecurring = () => (recurring ??= options.recurring !== undefined && isRecurringProject(context.document.data, options.recurring));
    const { comparator, value } = parsed;
    const name = indicatorNames(context.document, target.value).name;
    if (!options.floors.some((floor) => appliesTo(floor, parsed, isRecurring, name) && asksAtMost(comparator, value, floor.atMost))) return;
    const data = { name, value: parsed.raw.trim(), unit: parsed.unit ?? '' };
    context.report({ messageId: asksAtMost(comparator, value, 0) ? 'alwaysMet' : 'minimal', path, data });
  },
});

function appliesTo(floor: Floor, target: ParsedTarget, isRecurring: () => boolean, name: string): boolean {
  if (floor.recurringOnly && !isRecurring()) return false;
  if (floor.exceptNamesWith?.some((word) => name.includes(word))) return false;
  return floor.units === undefined || (target.unitParts !== undefined && floor.units.includes(target.unitParts[0]));
}

/** Whether a lower bound asks for no more than `atMost`: `≥v` with v ≤ atMost, or `>v` with v < atMost. */
function asksAtMost(comparator: Comparator, value: Decimal, atMost: number): boolean {
  if (comparator === '≥') return value.lessThanOrEqualTo(atMost);
  if (comparator === '>') return value.lessThan(atMost);
  return false;
}
