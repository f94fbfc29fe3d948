import { defineFilingFunction, type FilingContext } from '../engine/function-api.js';
import { yamlScalarText } from '../edits/scalar-text.js';
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
  index: number;
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
    const rows = namedRows(target.value, options.field);
    if (rows.length < options.minRows) return;
    const prefix = sharedPrefix(rows, prefixPatterns(options));
    if (prefix === undefined) return;
    const pathOf = (row: NamedRow): YamlPath => [...target.path, row.index, options.field];
    const edits = rows.flatMap((row) => removalEdits(pathOf(row), row.name, prefix.length, context));
    context.report({
      messageId: 'sharedPrefix',
      path: pathOf(rows[0]),
      data: { prefix: prefix.trim(), count: rows.length },
      fix: { edits },
    });
  },
});

/** The prefix patterns anchored at the start, compiled once per rule. */
const prefixPatterns = perOptions((options: Options) => options.prefixPatterns.map((pattern) => new RegExp(`^(?:${pattern})`, 'u')));

/** The rows with a name, by index: their paths are only needed for a finding. */
function namedRows(table: unknown, field: string): NamedRow[] {
  if (!Array.isArray(table)) return [];
  const rows: NamedRow[] = [];
  table.forEach((row: unknown, index) => {
    const name = row !== null && typeof row === 'object' ? (row as Record<string, unknown>)[field] : undefined;
    if (typeof name === 'string' && name.trim() !== '') rows.push({ index, name });
  });
  return rows;
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
function removalEdits(path: YamlPath, name: string, length: number, context: FilingContext): TextEdit[] {
  return (
    scalarEdits(context.document, path, name, [{ span: [0, length], text: '' }]) ?? [
      { range: context.document.rangeOf(path), text: yamlScalarText(name.slice(length)) },
    ]
  );
}
