import { defineFilingFunction } from '../engine/function-api.js';
import { indicatorNames } from '../domain/indicator-rows.js';
import { indicatorTargetOf } from '../domain/target-cells.js';
import type { TargetNote } from '../values/target.js';

interface Options {
  /** regular expressions; a value matching one is left to another rule (e.g. a template placeholder) */
  ignore?: string[];
}

/** Why the parser gave up, where it says; each has its own message. */
const REASON_MESSAGES: Partial<Record<TargetNote, string>> = {
  'missing-number': 'missingNumber',
  'conflicting-comparators': 'conflictingComparators',
  'mismatched-range-units': 'mismatchedRangeUnits',
  'invalid-date': 'invalidDate',
};

/**
 * Reports an indicator's annual target that fits no form of the 指标值 grammar (a quantity, range, deadline or
 * qualitative description), saying why where the parser knows. Selected value: an indicator row.
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { ignore: { type: 'array', items: { type: 'string', format: 'regex' } } },
  },
  messageIds: ['unparseable', 'missingNumber', 'conflictingComparators', 'mismatchedRangeUnits', 'invalidDate'],
  run(target, options, context) {
    const { target: parsed, path } = indicatorTargetOf(context.facts(context.document), target.path, target.value);
    if (parsed.kind !== 'unparseable') return;
    const leftToOtherRules = (options.ignore ?? []).map((pattern) => new RegExp(pattern, 'u'));
    if (leftToOtherRules.some((pattern) => pattern.test(parsed.raw))) return;
    const reason = parsed.notes?.map((note) => REASON_MESSAGES[note]).find((messageId) => messageId !== undefined);
    const name = indicatorNames(context.document, target.value).name;
    context.report({ messageId: reason ?? 'unparseable', data: { name, value: parsed.raw.trim() }, path });
  },
});
