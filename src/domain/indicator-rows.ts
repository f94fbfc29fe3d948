import type { LintDocument } from '../document/lint-document.js';
import type { YamlPath } from '../types.js';
import { childPath } from './field-paths.js';
import { perDocument, perObject } from './per-document.js';

/** One row of the 绩效指标 table with its path, category names normalized for comparison. */
export interface IndicatorRow {
  path: YamlPath;
  index: number;
  level1: string;
  level2: string;
  name: string;
  fields: Record<string, unknown>;
}

/** Whitespace inside a category or name is a line-wrap artefact of the paper form, never meaningful. */
export function normalizeName(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[\s\u3000]+/g, '');
}

/**
 * The rows of a 绩效指标 table (the value selected at `$.绩效指标`), skipping entries that are not mappings. Given the
 * document the table is in, the rows' names are those indicatorNames remembers, and the rows themselves are
 * remembered per table and path: half a dozen rules list the rows of every filing. The list is then shared: never
 * mutate it or its rows.
 */
export function indicatorRows(table: unknown, tablePath: YamlPath, document?: LintDocument): readonly IndicatorRow[] {
  if (!Array.isArray(table)) return [];
  if (!document) return rowsOf(table, tablePath);
  const byTable = rowsByTable(document);
  const known = byTable.get(table);
  if (known && samePath(known.tablePath, tablePath)) return known.rows;
  const rows = rowsOf(table, tablePath, document);
  byTable.set(table, { tablePath, rows });
  return rows;
}

const rowsByTable = perDocument(() => new Map<readonly unknown[], { tablePath: YamlPath; rows: readonly IndicatorRow[] }>());

function samePath(a: YamlPath, b: YamlPath): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

function rowsOf(table: readonly unknown[], tablePath: YamlPath, document?: LintDocument): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  table.forEach((entry, index) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return;
    const fields = entry as Record<string, unknown>;
    const { level1, level2, name } = document ? indicatorNames(document, fields) : namesOf(fields);
    rows.push({ path: childPath(tablePath, index), index, level1, level2, name, fields });
  });
  return rows;
}

/** An indicator row's category names and 三级指标 name, normalized. */
export interface IndicatorNames {
  level1: string;
  level2: string;
  name: string;
}

const NO_NAMES: IndicatorNames = { level1: '', level2: '', name: '' };

/**
 * The normalized names of a row of the document (its plain data; '' for a row that is not a mapping). Some twenty
 * rules read them for every row, so they are normalized once per row, in a Map held per document.
 */
export function indicatorNames(document: LintDocument, row: unknown): IndicatorNames {
  if (row === null || typeof row !== 'object') return NO_NAMES;
  const names = namesByRow(document);
  let found = names.get(row);
  if (!found) {
    found = namesOf(row as Record<string, unknown>);
    names.set(row, found);
  }
  return found;
}

const namesByRow = perDocument(() => new Map<object, IndicatorNames>());

function namesOf(fields: Record<string, unknown>): IndicatorNames {
  return { level1: normalizeName(fields['一级指标']), level2: normalizeName(fields['二级指标']), name: normalizeName(fields['三级指标']) };
}

/**
 * Maps an alias (e.g. 进度指标) to its canonical category name (时效指标); unknown names, and every name when there
 * are no aliases, map to themselves. Only the aliases' own entries count (a name such as `constructor` is no alias).
 */
export function canonicalCategory(name: string, aliases: Readonly<Record<string, string>> | undefined): string {
  return aliases === undefined ? name : (aliasMap(aliases).get(name) ?? name);
}

/** The aliases of a rule's options as a Map, built once per options object: rules ask for every row's categories. */
const aliasMap = perObject((aliases: Readonly<Record<string, string>>): ReadonlyMap<string, string> => new Map(Object.entries(aliases)));
