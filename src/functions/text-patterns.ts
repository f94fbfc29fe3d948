import { defineFilingFunction, type FilingContext } from '../engine/function-api.js';
import { fieldLabel } from '../domain/field-paths.js';
import { optionAlternation, perOptions } from '../domain/per-document.js';
import { textRange, textsUnder, type DocumentText } from '../domain/text-values.js';
import type { SourceRange } from '../types.js';

interface Options {
  /** regular expressions (Unicode); every text value is searched for each */
  patterns: string[];
}

/**
 * Reports text in any string value under the selected node that matches one of the patterns (e.g. a template
 * placeholder left in: `≥**%`, `XX`, `（必填）`), once per value, on the matched text where it can be found in
 * the source and on the whole value otherwise. Selected value: any node, typically the document (`$`).
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['patterns'],
    properties: { patterns: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1, format: 'regex' } } },
  },
  messageIds: ['matched'],
  run(target, options, context) {
    const { patterns, anyOf } = compiledPatterns(options);
    for (const text of textsUnder(context.document, target.path, target.value)) {
      if (anyOf && !anyOf.test(text.text)) continue;
      const match = firstMatch(text.text, patterns);
      if (match === undefined) continue;
      context.report({ messageId: 'matched', data: { field: fieldLabel(text.path), text: match }, path: text.path, range: matchRange(text, match, context) });
    }
  },
});

/**
 * The patterns, compiled once per rule rather than per document (without the global flag, exec keeps no state between
 * texts); and `anyOf`, all of them in one alternation (see optionAlternation): nearly every text matches none.
 */
const compiledPatterns = perOptions((options: Options) => {
  const patterns = options.patterns.map((pattern) => new RegExp(pattern, 'u'));
  return { patterns, anyOf: optionAlternation(options, options.patterns) };
});

/** The earliest match in the text, over all patterns. */
function firstMatch(text: string, patterns: readonly RegExp[]): string | undefined {
  let earliest: RegExpExecArray | undefined;
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match && match[0] !== '' && (!earliest || match.index < earliest.index)) earliest = match;
  }
  return earliest?.[0];
}

/** The matched text inside the scalar as written; quoting, escapes or folding may hide it, then the whole value. */
function matchRange(text: DocumentText, match: string, context: FilingContext): SourceRange {
  const scalar = textRange(context.document, text);
  const offset = context.document.text.slice(scalar.start, scalar.end).indexOf(match);
  return offset < 0 ? scalar : { start: scalar.start + offset, end: scalar.start + offset + match.length };
}
