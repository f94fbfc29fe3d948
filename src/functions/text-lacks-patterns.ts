import { defineFilingFunction } from '../engine/function-api.js';
import { optionAlternation, optionPattern } from '../domain/per-document.js';

interface Options {
  /** regular expressions (Unicode); a text that matches none of them is reported */
  patterns: string[];
  /** texts shorter than this (whitespace removed) are left alone: a blank field is required-fields' finding */
  minLength?: number;
  /** how many characters of the text the message quotes */
  quoteLength?: number;
}

/**
 * Reports a text that contains none of the patterns — e.g. a goal with no quantity and no deadline. Selected value:
 * a string (e.g. `$.绩效目标.年度总目标`).
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['patterns'],
    properties: {
      patterns: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1, format: 'regex' } },
      minLength: { type: 'integer', minimum: 1 },
      quoteLength: { type: 'integer', minimum: 4 },
    },
  },
  messageIds: ['noMatch'],
  run(target, options, context) {
    if (typeof target.value !== 'string') return;
    const text = target.value;
    if (text.replace(/\s/gu, '').length < (options.minLength ?? 1)) return;
    const anyOf = optionAlternation(options, options.patterns);
    if (anyOf ? anyOf.test(text) : options.patterns.some((pattern) => optionPattern(options, pattern, 'u').test(text))) return;
    context.report({ messageId: 'noMatch', data: { excerpt: excerpt(text, options.quoteLength ?? 30) } });
  },
});

/** The text's opening, on one line, cut at `length` characters with an ellipsis. */
function excerpt(text: string, length: number): string {
  const oneLine = text.replace(/\s+/gu, ' ').trim();
  const characters = [...oneLine];
  return characters.length > length ? `${characters.slice(0, length).join('')}…` : oneLine;
}
