import { defineFilingFunction } from '../engine/function-api.js';
import { normalizeName } from '../domain/indicator-rows.js';
import { optionPattern } from '../domain/per-document.js';
import { indicatorTargetOf } from '../domain/target-cells.js';
import type { TargetKind } from '../values/target.js';

interface Options {
  /** target kinds accepted whatever they say (e.g. deadline) */
  kinds?: TargetKind[];
  /** units accepted for a number or a range, compared with the unit's first part (`%`, `天`) */
  units?: string[];
  /** a well-formed target quoted in the message */
  example: string;
  /** a regular expression; rows whose 三级指标 name matches are left to other rules (…率 to rate-needs-percent) */
  skipNames?: string;
}

/** Left to target-missing and target-unparseable. */
const NOT_JUDGED: ReadonlySet<TargetKind> = new Set(['empty', 'unparseable']);

/**
 * Checks that an indicator row's target takes one of the accepted forms: a kind from `kinds`, or a number or range
 * in one of `units`. A word in place of a value is `word`; any other form (a count where a date or a % is due, a
 * number with no unit) is `otherForm`. Selected value: an indicator row.
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['example'],
    anyOf: [{ required: ['kinds'] }, { required: ['units'] }],
    properties: {
      kinds: { type: 'array', items: { enum: ['quantity', 'range', 'deadline', 'qualitative'] } },
      units: { type: 'array', items: { type: 'string', minLength: 1 } },
      example: { type: 'string', minLength: 1 },
      skipNames: { type: 'string', format: 'regex' },
    },
  },
  messageIds: ['word', 'otherForm'],
  run(target, options, context) {
    const row = target.value as Record<string, unknown>;
    const name = normalizeName(row['三级指标']);
    if (options.skipNames !== undefined && optionPattern(options, options.skipNames, 'u').test(name)) return;
    const { target: parsed, path } = indicatorTargetOf(context.facts(context.document), target.path, target.value);
    if (NOT_JUDGED.has(parsed.kind) || (options.kinds ?? []).includes(parsed.kind)) return;
    const unit = parsed.unitParts?.[0];
    const isNumber = parsed.kind === 'quantity' || parsed.kind === 'range';
    if (isNumber && unit !== undefined && (options.units ?? []).includes(unit)) return;
    const data = { name, value: parsed.raw.trim(), example: options.example, units: (options.units ?? []).join('、') };
    context.report({ messageId: parsed.kind === 'qualitative' ? 'word' : 'otherForm', path, data });
  },
});
