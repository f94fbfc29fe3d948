import { dirname } from 'node:path';
import type { LintDocument } from '../document/lint-document.js';
import type { YamlPath } from '../types.js';
import { groupBy } from './group-by.js';

/**
 * How the documents of one run relate to the unit that filed them. A unit's filings sit together in one folder,
 * with its unit summary (unit.schema.json) beside them; the summary may list the projects (`项目`) and declare
 * merged projects (`合并项目`). Project names are matched by `projectNameKey`.
 */
export interface UnitFolder {
  folder: string;
  filings: LintDocument[];
  summaries: LintDocument[];
}

/** A project name written in a unit summary, with where it is written. */
export interface NamedProject {
  name: string;
  path: YamlPath;
}

/** A merged (综合) project and the sub-projects it merges, as a unit summary declares them. */
export interface DeclaredUmbrella {
  name: string;
  path: YamlPath;
  parts: NamedProject[];
}

/** Groups documents by folder, in first-seen order; a document selected several times counts once. */
export function unitFolders(documents: Iterable<LintDocument>): UnitFolder[] {
  const folders = new Map<string, UnitFolder>();
  const seen = new Set<LintDocument>();
  for (const document of documents) {
    if (seen.has(document)) continue;
    seen.add(document);
    const folder = dirname(document.filePath);
    let group = folders.get(folder);
    if (!group) {
      group = { folder, filings: [], summaries: [] };
      folders.set(folder, group);
    }
    if (document.kind === 'filing') group.filings.push(document);
    if (document.kind === 'unit') group.summaries.push(document);
  }
  return [...folders.values()];
}

const NAME_NOISE = /[\s\u3000"'“”‘’「」『』《》〈〉]/gu;

/** A project name as compared across documents: whitespace and quotation marks are typing, not identity. */
export function projectNameKey(name: unknown): string {
  return typeof name === 'string' || typeof name === 'number' ? String(name).replace(NAME_NOISE, '') : '';
}

/** The 项目名称 of a filing as written, '' when absent. */
export function projectNameOf(document: LintDocument): string {
  const name = document.valueAt(['项目名称']);
  return typeof name === 'string' || typeof name === 'number' ? String(name).trim() : '';
}

/** A name quoted for a message: “…”, or 「…」 when the name holds curly quotation marks itself (“两新”党建). */
export function quoteName(name: string): string {
  return /[“”]/u.test(name) ? `「${name}」` : `“${name}”`;
}

/** Filings by project name key; several filings may share one name. */
export function filingsByName(filings: readonly LintDocument[]): Map<string, LintDocument[]> {
  const byName = groupBy(filings, (filing) => projectNameKey(projectNameOf(filing)));
  byName.delete('');
  return byName;
}

/** The summary's `项目` list; undefined when the summary has none, so that the whole folder is meant. */
export function listedProjects(summary: LintDocument): NamedProject[] | undefined {
  const list = summary.valueAt(['项目']);
  if (!Array.isArray(list)) return undefined;
  return namedProjects(list, ['项目']);
}

/** The summary's `合并项目` relations that name an umbrella and at least one part. */
export function declaredUmbrellas(summary: LintDocument): DeclaredUmbrella[] {
  const relations = summary.valueAt(['合并项目']);
  if (!Array.isArray(relations)) return [];
  const umbrellas: DeclaredUmbrella[] = [];
  relations.forEach((relation: unknown, index) => {
    if (relation === null || typeof relation !== 'object') return;
    const { 项目名称: name, 子项目: parts } = relation as Record<string, unknown>;
    const path: YamlPath = ['合并项目', index];
    const named = Array.isArray(parts) ? namedProjects(parts, [...path, '子项目']) : [];
    if (projectNameKey(name) === '' || named.length === 0) return;
    umbrellas.push({ name: String(name).trim(), path: [...path, '项目名称'], parts: named });
  });
  return umbrellas;
}

/** The filings a folder's unit summaries declare as merged projects (their indicators repeat their parts'). */
export function declaredUmbrellaFilings(folder: UnitFolder): Set<LintDocument> {
  const byName = filingsByName(folder.filings);
  const umbrellas = folder.summaries.flatMap(declaredUmbrellas);
  return new Set(umbrellas.flatMap((umbrella) => byName.get(projectNameKey(umbrella.name)) ?? []));
}

function namedProjects(list: readonly unknown[], listPath: YamlPath): NamedProject[] {
  const named: NamedProject[] = [];
  list.forEach((name, index) => {
    if (projectNameKey(name) !== '') named.push({ name: String(name).trim(), path: [...listPath, index] });
  });
  return named;
}
