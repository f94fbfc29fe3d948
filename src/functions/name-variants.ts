import { diffChars } from 'diff/lib/diff/character.js';
import { distance } from 'fastest-levenshtein';
import type { LintDocument } from '../document/lint-document.js';
import { defineBatchFunction, type BatchContext, type BatchTarget, type RelatedReport } from '../engine/function-api.js';
import { groupBy } from '../domain/group-by.js';
import { normalizeName } from '../domain/indicator-rows.js';
import { projectNameOf, quoteName, unitFolders } from '../domain/unit-folders.js';
import type { YamlPath } from '../types.js';

interface Options {
  /** two spellings at most this many characters apart (edit distance) may be one name */
  maxEdits: number;
  /** …and only if the edits are at most this share of the longer spelling, so short names are left alone */
  maxEditShare: number;
  /** a regular expression source: edits touching one of these characters tell two units apart (第一/第二, 区/县) */
  distinguishing: string;
  /** fields whose spelling is taken as the correct one when it is among the variants (a unit summary's 单位名称) */
  preferredFields?: string[];
  /** at most this many related locations per finding */
  maxRelated?: number;
}

/** One place a name is written. */
interface Occurrence {
  document: LintDocument;
  path: YamlPath;
  field: string;
  written: string;
}

/** The occurrences of one spelling (whitespace removed) within a folder. */
interface Spelling {
  key: string;
  occurrences: Occurrence[];
}

/**
 * Reports spellings of one name that differ by a character or two across the documents of a folder (one unit's
 * forms): a typo'd or outdated 实施单位 beside the correct one. The spelling used in a preferred field, else the one
 * used most often, is taken as correct and every other spelling is reported against it; when neither decides,
 * every spelling is reported. Names that differ in a distinguishing character (a numeral, a direction, an
 * administrative level) are different units and never reported. Selected values: the name fields of every document;
 * the comparison is pairwise over the distinct spellings of a folder.
 */
export const ruleFunction = defineBatchFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['maxEdits', 'maxEditShare', 'distinguishing'],
    properties: {
      maxEdits: { type: 'integer', minimum: 1 },
      maxEditShare: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
      distinguishing: { type: 'string', format: 'regex' },
      preferredFields: { type: 'array', items: { type: 'string', minLength: 1 } },
      maxRelated: { type: 'integer', minimum: 0 },
    },
  },
  messageIds: ['variant', 'inconsistent', 'writtenAs', 'writtenInSummary'],
  run(targets, options, context) {
    const occurrencesByDocument = groupBy(targets.flatMap(occurrenceOf), (occurrence) => occurrence.document);
    const distinguishing = new RegExp(options.distinguishing, 'u');
    for (const folder of unitFolders(occurrencesByDocument.keys())) {
      const occurrences = [...folder.filings, ...folder.summaries].flatMap((document) => occurrencesByDocument.get(document) ?? []);
      for (const cluster of variantClusters(spellingsOf(occurrences), (a, b) => isVariant(a, b, options, distinguishing))) {
        reportCluster(cluster, options, context);
      }
    }
  },
});

function occurrenceOf(target: BatchTarget): Occurrence[] {
  if (typeof target.value !== 'string' || normalizeName(target.value) === '') return [];
  return [{ document: target.document, path: target.path, field: String(target.path[target.path.length - 1]), written: target.value.trim() }];
}

function spellingsOf(occurrences: readonly Occurrence[]): Spelling[] {
  const byKey = groupBy(occurrences, (occurrence) => normalizeName(occurrence.written));
  return [...byKey].map(([key, sameSpelling]) => ({ key, occurrences: sameSpelling }));
}

/** Whether two distinct spellings are presumably one name mistyped. */
function isVariant(a: string, b: string, options: Options, distinguishing: RegExp): boolean {
  if (Math.abs(a.length - b.length) > options.maxEdits) return false;
  const edits = distance(a, b);
  if (edits === 0 || edits > options.maxEdits || edits / Math.max(a.length, b.length) > options.maxEditShare) return false;
  const changed = diffChars(a, b)
    .filter((change) => change.added || change.removed)
    .map((change) => change.value)
    .join('');
  return !distinguishing.test(changed);
}

/** Groups spellings linked by `areVariants` (transitively); only groups of two or more spellings are returned. */
function variantClusters(spellings: readonly Spelling[], areVariants: (a: string, b: string) => boolean): Spelling[][] {
  const parent = spellings.map((_, index) => index);
  const root = (index: number): number => (parent[index] === index ? index : (parent[index] = root(parent[index])));
  for (let i = 0; i < spellings.length; i++) {
    for (let j = i + 1; j < spellings.length; j++) {
      if (root(i) !== root(j) && areVariants(spellings[i].key, spellings[j].key)) parent[root(j)] = root(i);
    }
  }
  const clusters = groupBy(spellings.keys(), root);
  return [...clusters.values()].filter((cluster) => cluster.length > 1).map((cluster) => cluster.map((index) => spellings[index]));
}

/** The spelling taken as correct: the only one written in a preferred field, else the strictly most frequent. */
function referenceOf(cluster: readonly Spelling[], preferredFields: readonly string[]): Spelling | undefined {
  const preferred = cluster.filter((spelling) => spelling.occurrences.some((occurrence) => preferredFields.includes(occurrence.field)));
  if (preferred.length === 1) return preferred[0];
  const byFrequency = [...cluster].sort((a, b) => b.occurrences.length - a.occurrences.length);
  return byFrequency[0].occurrences.length > byFrequency[1].occurrences.length ? byFrequency[0] : undefined;
}

function reportCluster(cluster: readonly Spelling[], options: Options, context: BatchContext): void {
  const reference = referenceOf(cluster, options.preferredFields ?? []);
  const maxRelated = options.maxRelated ?? Number.POSITIVE_INFINITY;
  for (const spelling of cluster) {
    if (spelling === reference) continue;
    const others = reference ? [reference] : cluster.filter((other) => other !== spelling);
    const related = others.flatMap((other) => other.occurrences).slice(0, maxRelated).map(writtenAs);
    for (const occurrence of spelling.occurrences) {
      const data = { field: occurrence.field, name: quoteName(occurrence.written) };
      if (reference) {
        const edits = distance(spelling.key, reference.key);
        context.report(occurrence.document, {
          messageId: 'variant',
          path: occurrence.path,
          data: { ...data, reference: quoteName(reference.occurrences[0].written), count: reference.occurrences.length, edits },
          related,
        });
      } else {
        context.report(occurrence.document, {
          messageId: 'inconsistent',
          path: occurrence.path,
          data: { ...data, others: others.map((other) => quoteName(other.occurrences[0].written)).join('、') },
          related,
        });
      }
    }
  }
}

function writtenAs(occurrence: Occurrence): RelatedReport {
  const data = { field: occurrence.field, name: quoteName(occurrence.written) };
  const { document, path } = occurrence;
  if (document.kind === 'unit') return { document, path, messageId: 'writtenInSummary', data };
  return { document, path, messageId: 'writtenAs', data: { ...data, project: quoteName(projectNameOf(document)) } };
}
