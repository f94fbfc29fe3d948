import { defineFilingFunction } from '../engine/function-api.js';
import { isBlankValue } from '../domain/blank-values.js';
import { normalizeName } from '../domain/indicator-rows.js';
import { perOptions } from '../domain/per-document.js';

interface Options {
  /** the field of each row that must not repeat (e.g. 三级指标) */
  field: string;
  /** characters removed before comparing (whitespace, punctuation, quotation marks), as a regular expression source */
  ignore: string;
}

/**
 * Reports a row of a table whose `field` repeats an earlier row's, once the `ignore` characters are removed:
 * as `duplicateEntry` when every other field repeats too, whitespace aside (the same row twice), else `duplicateValue`.
 * Rows with a blank field are not compared. Selected value: the table (e.g. 绩效指标).
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['field', 'ignore'],
    properties: {
      field: { type: 'string', minLength: 1 },
      ignore: { type: 'string', format: 'regex' },
    },
  },
  messageIds: ['duplicateEntry', 'duplicateValue'],
  run(target, options, context) {
    if (!Array.isArray(target.value)) return;
    const ignore = ignorePattern(options);
    const comparable = (value: unknown) => String(value ?? '').replace(ignore, '');
    const firstRowByKey = new Map<string, { index: number; row: Record<string, unknown> }>();
    target.value.forEach((entry, index) => {
      if (entry === null || typeof entry !== 'object' || isBlankValue((entry as Record<string, unknown>)[options.field])) return;
      const row = entry as Record<string, unknown>;
      const key = comparable(row[options.field]);
      const first = firstRowByKey.get(key);
      if (!first) {
        firstRowByKey.set(key, { index, row });
        return;
      }
      const sameRow = sameFields(first.row, row);
      context.report({
        messageId: sameRow ? 'duplicateEntry' : 'duplicateValue',
        data: { field: options.field, value: String(row[options.field]).trim(), row: index + 1, firstRow: first.index + 1 },
        path: [...target.path, index, options.field],
        related: [{ document: context.document, path: [...target.path, first.index, options.field] }],
      });
    });
  },
});

function sameFields(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => normalizeName(a[key]) === normalizeName(b[key]));
}

/** Compiled once per rule; global, and used only through replace, which starts from lastIndex 0 and leaves it there. */
const ignorePattern = perOptions((options: Options) => new RegExp(options.ignore, 'gu'));
