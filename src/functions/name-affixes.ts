import { defineFilingFunction } from '../engine/function-api.js';
import { normalizeName } from '../domain/indicator-rows.js';
import { perOptions } from '../domain/per-document.js';

interface Options {
  /** a name starting with one of these is reported as `startsWith` (an action: 加强…, 做好…) */
  startsWith?: string[];
  /** a name ending with one of these is reported as `endsWith` (an abstract noun: …建设, …成效) */
  endsWith?: string[];
  /** a name ending with one of these names a measurable attribute (…率, …次数) and is never reported */
  unlessEndsWith?: string[];
  /** a regular expression removed from the start of the name before testing (a bracketed project name) */
  ignorePrefix?: string;
}

/**
 * Reports a name (typically a 三级指标, selected with `then.field`) that begins or ends with a listed word, unless
 * it ends with a measurable attribute. Whitespace inside the name is ignored. Selected value: a string.
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    anyOf: [{ required: ['startsWith'] }, { required: ['endsWith'] }],
    properties: {
      startsWith: { type: 'array', items: { type: 'string', minLength: 1 } },
      endsWith: { type: 'array', items: { type: 'string', minLength: 1 } },
      unlessEndsWith: { type: 'array', items: { type: 'string', minLength: 1 } },
      ignorePrefix: { type: 'string', format: 'regex' },
    },
  },
  messageIds: ['startsWith', 'endsWith'],
  run(target, options, context) {
    if (typeof target.value !== 'string') return;
    const written = normalizeName(target.value);
    const name = options.ignorePrefix ? written.replace(ignoredPrefix(options), '') : written;
    if (name === '' || options.unlessEndsWith?.some((ending) => name.endsWith(ending))) return;
    const leading = options.startsWith?.find((word) => name.startsWith(word) && name.length > word.length);
    if (leading !== undefined) {
      context.report({ messageId: 'startsWith', data: { name, word: leading } });
      return;
    }
    const trailing = options.endsWith?.find((word) => name.endsWith(word));
    if (trailing !== undefined) context.report({ messageId: 'endsWith', data: { name, word: trailing } });
  },
});

/** The ignorePrefix pattern anchored at the start, compiled once per rule (only asked for when ignorePrefix is set). */
const ignoredPrefix = perOptions((options: Options) => new RegExp(`^(?:${options.ignorePrefix})`, 'u'));
