import type { LintDocument } from '../document/lint-document.js';
import { defineBatchFunction, type BatchContext, type BatchTarget } from '../engine/function-api.js';
import { groupBy } from '../domain/group-by.js';
import { indicatorNameKey } from '../domain/indicator-name-key.js';
import { indicatorNames } from '../domain/indicator-rows.js';
import { indicatorTargetOf } from '../domain/target-cells.js';
import { targetIdentity } from '../domain/target-identity.js';
import { declaredUmbrellaFilings, projectNameOf, quoteName, unitFolders } from '../domain/unit-folders.js';
import type { YamlPath } from '../types.js';
import type { ParsedTarget } from '../values/target.js';

interface Options {
  /** report an indicator found, with the same target, in at least this share of a unit's filings (0–1) */
  minShare: number;
  /** units with fewer filings than this are not judged */
  minFilings: number;
  /** a regular expression source: rows whose 一级指标 matches are left out (satisfaction measures legitimately repeat) */
  ignoreLevel1?: string;
  /** at most this many related locations per finding */
  maxRelated?: number;
}

/** One indicator row as compared across filings (what only a finding quotes is read when one is made). */
interface Occurrence {
  document: LintDocument;
  rowPath: YamlPath;
  /** the 三级指标 name as compared (see indicatorNameKey) */
  name: string;
  /** the target's identity (see targetIdentity) */
  value: string;
  target: ParsedTarget;
}

/**
 * Reports an indicator (same 三级指标 name, same target however spelled) that recurs in most filings of one unit's
 * folder — boilerplate that says nothing about each project. Every occurrence is reported, with related locations
 * in the other filings. Filings a unit summary declares as merged projects (合并项目) are not counted: they repeat
 * their parts' indicators by construction. Blank targets are left to target-missing. Selected value: an indicator row.
 */
export const ruleFunction = defineBatchFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['minShare', 'minFilings'],
    properties: {
      minShare: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
      minFilings: { type: 'integer', minimum: 2 },
      ignoreLevel1: { type: 'string', format: 'regex' },
      maxRelated: { type: 'integer', minimum: 0 },
    },
  },
  messageIds: ['repeated', 'sameIndicator'],
  run(targets, options, context) {
    const ignored = options.ignoreLevel1 === undefined ? undefined : new RegExp(options.ignoreLevel1, 'u');
    const occurrences = targets.map((target) => occurrenceOf(target, ignored, context)).filter((occurrence) => occurrence !== undefined);
    const occurrencesByDocument = groupBy(occurrences, (occurrence) => occurrence.document);
    for (const folder of unitFolders(context.documents)) {
      const umbrellas = declaredUmbrellaFilings(folder);
      const counted = folder.filings.filter((filing) => !umbrellas.has(filing));
      if (counted.length < options.minFilings) continue;
      const unitOccurrences = counted.flatMap((filing) => occurrencesByDocument.get(filing) ?? []);
      const byIndicator = groupBy(unitOccurrences, (occurrence) => `${occurrence.name}\u0000${occurrence.value}`);
      for (const sameIndicator of byIndicator.values()) reportIfBoilerplate(sameIndicator, counted.length, options, context);
    }
  },
});

function occurrenceOf(target: BatchTarget, ignored: RegExp | undefined, context: BatchContext): Occurrence | undefined {
  if (target.value === null || typeof target.value !== 'object' || Array.isArray(target.value)) return undefined;
  const written = indicatorNames(target.document, target.value);
  const name = indicatorNameKey(written.name, projectNameOf(target.document));
  if (name === '' || (ignored && ignored.test(written.level1))) return undefined;
  const { target: parsed } = indicatorTargetOf(context.facts(target.document), target.path, target.value);
  if (parsed.kind === 'empty') return undefined;
  return { document: target.document, rowPath: target.path, name, value: targetIdentity(parsed), target: parsed };
}

function namePathOf(occurrence: Occurrence): YamlPath {
  return [...occurrence.rowPath, '三级指标'];
}

function reportIfBoilerplate(occurrences: readonly Occurrence[], filingCount: number, options: Options, context: BatchContext): void {
  const filings = new Set(occurrences.map((occurrence) => occurrence.document));
  if (filings.size < 2 || filings.size / filingCount < options.minShare) return;
  for (const occurrence of occurrences) {
    const others = occurrences.filter((other) => other.document !== occurrence.document).slice(0, options.maxRelated ?? Number.POSITIVE_INFINITY);
    const namePath = namePathOf(occurrence);
    context.report(occurrence.document, {
      messageId: 'repeated',
      path: namePath,
      data: { name: quoteName(String(occurrence.document.valueAt(namePath)).trim()), value: occurrence.target.raw.trim(), count: filings.size, total: filingCount },
      related: others.map((other) => ({ document: other.document, path: namePathOf(other), messageId: 'sameIndicator', data: { project: quoteName(projectNameOf(other.document)) } })),
    });
  }
}
