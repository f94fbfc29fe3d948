import { defineFilingFunction, type FilingContext } from '../engine/function-api.js';
import { yamlScalarText } from '../edits/scalar-text.js';
import { valueRange } from '../domain/node-ranges.js';
import { perOptions } from '../domain/per-document.js';
import { scalarEdits } from '../domain/scalar-spans.js';
import type { TextEdit, YamlPath } from '../types.js';

interface Options {
  /** the row field holding the name (三级指标) */
  field: string;
  /** regular expressions for what a prefix looks like, matched at the start of a name (a bracketed label) */
  prefixPatterns: string[];
  /** named rows needed before a shared prefix is reported */
  minRows: number;
}

interface NamedRow {
  path: YamlPath;
  name: string;
}

/**
 * Reports when every named row of a table starts with the same prefix (e.g. the project name in brackets), with a
 * fix that removes it from each name. A row without a name does not count; a single row that differs clears the
 * table. Selected value: the 绩效指标 table.
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['field', 'prefixPatterns', 'minRows'],
    properties: {
      field: { type: 'string', minLength: 1 },
      prefixPatterns: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1, format: 'regex' } },
      minRows: { type: 'integer', minimum: 2 },
    },
  },
  messageIds: ['sharedPrefix'],
  fixable: true,
  run(target, options, context) {
    const rows = namedRows(target.value, target.path, options.field);
    if (rows.length < options.minRows) return;
    const prefix = sharedPrefix(rows, prefixPatterns(options));
    if (prefix === undefined) return;
    const edits = rows.flatMap((row) => removalEdits(row, prefix.length, context));
    context.report({
      messageId: 'sharedPrefix',
      path: rows[0].path,
      data: { prefix: prefix.trim(), count: rows.length },
      fix: { edits },
    });
  },
});

/** The prefix patterns anchored at the start, compiled once per rule. */
const prefixPatterns = perOptions((options: Options) => options.prefixPatterns.map((pattern) => new RegExp(`^(?:${pattern})`, 'u')));

function namedRows(table: unknown, tablePath: YamlPath, field: string): NamedRow[] {
  if (!Array.isArray(table)) return [];
  return table.flatMap((row: unknown, index) => {
    const name = row !== null && typeof row === 'object' ? (row as Record<string, unknown>)[field] : undefined;
    return typeof name === 'string' && name.trim() !== '' ? [{ path: [...tablePath, index, field], name }] : [];
  });
}

/** The prefix every name starts with, as written, if the first name has one that the others share. */
function sharedPrefix(rows: readonly NamedRow[], patterns: readonly RegExp[]): string | undefined {
  const first = rows[0].name;
  for (const pattern of patterns) {
    const prefix = pattern.exec(first)?.[0];
    if (prefix && prefix.trim() !== first.trim() && rows.every((row) => row.name.startsWith(prefix) && row.name.trim() !== prefix.trim())) {
      return prefix;
    }
  }
  return undefined;
}

/** Edits deleting the first `length` characters of a name, or rewriting the whole scalar where its source is not literal. */
function removalEdits(row: NamedRow, length: number, context: FilingContext): TextEdit[] {
  return (
    scalarEdits(context.document, row.path, row.name, [{ span: [0, length], text: '' }]) ?? [
      { range: valueRange(context.document, row.path), text: yamlScalarText(row.name.slice(length)) },
    ]
  );
}
