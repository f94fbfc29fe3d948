import { defineFilingFunction, type FilingContext } from '../engine/function-api.js';
import { isBlankValue } from '../domain/blank-values.js';
import { fieldLabel, isWithinFieldPattern, matchesFieldPattern, parseFieldPath } from '../domain/field-paths.js';
import { perOptions } from '../domain/per-document.js';
import type { DocumentKind, YamlPath } from '../types.js';

interface Options {
  /**
   * field patterns never reported as blank: fields other rules report, and fields that may rightly stay blank.
   * Fields below an ignored one are still checked; add `<field>.*` to leave them out too.
   */
  ignore?: string[];
  /** field → the field it depends on: a blank field is not reported while the field it depends on is blank too */
  dependsOn?: Record<string, string>;
  /** which documents are checked; filings only when omitted */
  documentKinds?: DocumentKind[];
}

interface Patterns {
  ignore: string[][];
  dependsOn: Array<[field: string[], dependency: string[]]>;
}

/**
 * Reports fields the document carries but leaves blank. A section (mapping or list) left wholly blank is one
 * finding on its key, not one per field, and none at all when it holds an ignored field: a blank section that
 * holds a required field is that rule's finding. A wholly blank row of a table is always reported, as a blank row.
 * Selected value: the document (`$`).
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      ignore: { type: 'array', items: { type: 'string', minLength: 1 } },
      dependsOn: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
      documentKinds: { type: 'array', minItems: 1, items: { enum: ['filing', 'unit'] } },
    },
  },
  messageIds: ['blankField', 'blankSection', 'blankRowField', 'blankRow'],
  run(target, options, context) {
    if (!(options.documentKinds ?? ['filing']).includes(context.document.kind)) return;
    visitEntries([...target.path], target.value, patternsOf(options), context);
  },
});

/** The field patterns, parsed once per rule: they are matched against every blank field of every filing. */
const patternsOf = perOptions(
  (options: Options): Patterns => ({
    ignore: (options.ignore ?? []).map(parseFieldPath),
    dependsOn: Object.entries(options.dependsOn ?? {}).map(([field, dependency]) => [parseFieldPath(field), parseFieldPath(dependency)]),
  }),
);

/**
 * Visits the entries of a mapping or list at `path`. The walk covers every field of the document, so it keeps one
 * path and extends it in place for the entry being visited; a finding takes a copy.
 */
function visitEntries(path: Array<string | number>, value: unknown, patterns: Patterns, context: FilingContext): void {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) visitEntry(path, index, value[index], patterns, context);
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) visitEntry(path, key, (value as Record<string, unknown>)[key], patterns, context);
  }
}

function visitEntry(path: Array<string | number>, key: string | number, value: unknown, patterns: Patterns, context: FilingContext): void {
  path.push(key);
  visit(path, value, patterns, context);
  path.pop();
}

function visit(path: Array<string | number>, value: unknown, patterns: Patterns, context: FilingContext): void {
  if (!isBlankValue(value)) {
    visitEntries(path, value, patterns, context);
    return;
  }
  if (patterns.ignore.some((pattern) => matchesFieldPattern(path, pattern))) return;
  if (!isTableRow(path) && (holdsIgnoredField(path, value, patterns.ignore) || dependencyIsBlank(path, patterns, context))) return;
  report([...path], value, context);
}

/** A wholly blank row is a leftover template line, reported as such whatever fields it holds. */
function isTableRow(path: YamlPath): boolean {
  return typeof path[path.length - 1] === 'number';
}

/** Whether an ignored field lies inside this blank section (or would, for a pattern naming a field below it). */
function holdsIgnoredField(path: YamlPath, value: unknown, ignore: readonly string[][]): boolean {
  if (value === null || typeof value !== 'object') return false;
  return ignore.some((pattern) => pattern.length > path.length && matchesFieldPattern(path, pattern.slice(0, path.length)));
}

function dependencyIsBlank(path: YamlPath, patterns: Patterns, context: FilingContext): boolean {
  return patterns.dependsOn.some(
    ([field, dependency]) => isWithinFieldPattern(path, field) && isBlankValue(context.document.valueAt(dependency)),
  );
}

function report(path: YamlPath, value: unknown, context: FilingContext): void {
  const row = enclosingRow(path);
  if (!row) {
    const section = value !== null && typeof value === 'object';
    context.report({ messageId: section ? 'blankSection' : 'blankField', data: { field: fieldLabel(path) }, path, part: 'key' });
    return;
  }
  const rowData = { table: fieldLabel(path.slice(0, row.index)), row: row.number };
  if (row.index === path.length - 1) context.report({ messageId: 'blankRow', data: rowData, path });
  else context.report({ messageId: 'blankRowField', data: { ...rowData, field: fieldLabel(path.slice(row.index + 1)) }, path, part: 'key' });
}

/** The innermost table row the path lies in: where its index sits in the path, and its 1-based number. */
function enclosingRow(path: YamlPath): { index: number; number: number } | undefined {
  for (let index = path.length - 1; index > 0; index--) {
    const segment = path[index];
    if (typeof segment === 'number') return { index, number: segment + 1 };
  }
  return undefined;
}
