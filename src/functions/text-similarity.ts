import { defineFilingFunction } from '../engine/function-api.js';
import { perOptions } from '../domain/per-document.js';
import { comparableText, containment, similarity } from '../domain/text-similarity.js';

interface Options {
  /** the two fields of the selected mapping to compare */
  fields: [string, string];
  /** report when the similarity of the two texts reaches this (0–1) */
  threshold: number;
  /** report when this share of the shorter text's n-grams occurs in the longer (0–1); omit to skip */
  containmentThreshold?: number;
  /** length of the character runs compared for containment */
  gram?: number;
  /** characters removed before comparing (punctuation, whitespace, numbering), as a regular expression source */
  ignore: string;
  /** texts shorter than this (after removal) are not compared */
  minLength?: number;
}

/**
 * Reports two text fields of one mapping that say the same thing: identical, one containing the other, or nearly
 * identical once punctuation and numbering are removed. Selected value: the mapping (e.g. 绩效目标).
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['fields', 'threshold', 'ignore'],
    properties: {
      fields: { type: 'array', items: [{ type: 'string' }, { type: 'string' }], minItems: 2, maxItems: 2 },
      threshold: { type: 'number', minimum: 0, maximum: 1 },
      containmentThreshold: { type: 'number', minimum: 0, maximum: 1 },
      ignore: { type: 'string', format: 'regex' },
      minLength: { type: 'integer', minimum: 0 },
      gram: { type: 'integer', minimum: 2 },
    },
  },
  messageIds: ['identical', 'contains', 'similar'],
  run(target, options, context) {
    if (target.value === null || typeof target.value !== 'object') return;
    const record = target.value as Record<string, unknown>;
    const [first, second] = options.fields;
    const ignore = ignorePattern(options);
    const a = comparableText(String(record[first] ?? ''), ignore);
    const b = comparableText(String(record[second] ?? ''), ignore);
    const minLength = options.minLength ?? 1;
    if (a.length < minLength || b.length < minLength) return;
    const path = [...target.path, second];
    const related = [{ document: context.document, path: [...target.path, first] }];
    const data = { first, second };
    if (a === b) {
      context.report({ messageId: 'identical', path, data, related });
      return;
    }
    const score = similarity(a, b);
    if (score >= options.threshold) {
      context.report({ messageId: 'similar', path, data: { ...data, similarity: `${Math.round(score * 100)}%` }, related });
      return;
    }
    if (options.containmentThreshold === undefined) return;
    const contained = containment(a, b, options.gram ?? 4);
    if (contained >= options.containmentThreshold) {
      const [shorter, longer] = a.length <= b.length ? [first, second] : [second, first];
      context.report({ messageId: 'contains', path, data: { ...data, shorter, longer, share: `${Math.round(contained * 100)}%` }, related });
    }
  },
});

/** Compiled once per rule; global, and used only through replace, which starts from lastIndex 0 and leaves it there. */
const ignorePattern = perOptions((options: Options) => new RegExp(options.ignore, 'gu'));
