import { closest } from 'fastest-levenshtein';
import { defineFilingFunction, type FilingContext, type SuggestionReport } from '../engine/function-api.js';
import { childPath } from '../domain/field-paths.js';
import { normalizeName } from '../domain/indicator-rows.js';
import { perOptions } from '../domain/per-document.js';
import { yamlScalarText } from '../edits/scalar-text.js';
import type { YamlPath } from '../types.js';

interface Options {
  /** 一级 category → the 二级 categories that belong to it, by canonical name */
  taxonomy: Record<string, string[]>;
  /** accepted spelling → canonical name, at either level (进度指标 → 时效指标) */
  aliases?: Record<string, string>;
  /** the ending every category name carries (指标): a name that lacks only it is respelled, not unknown */
  suffix?: string;
}

/**
 * How a written category name relates to the names accepted at its place: accepted as written; one of them
 * spelled differently only by whitespace or a missing suffix (safe to rewrite); or none of them.
 */
type Resolution = { kind: 'accepted'; canonical: string } | { kind: 'respelled'; canonical: string; spelling: string } | { kind: 'unknown' };

interface Level {
  path: YamlPath;
  written: string;
}

/**
 * Checks each indicator row's categories against a taxonomy: the 一级 must be a known category, the 二级 one of
 * those under its 一级. A name that differs from an accepted one only by whitespace or a missing suffix gets a
 * fix; an unknown name gets the nearest accepted one as a suggestion; a 二级 filed under the wrong 一级 gets a
 * suggestion to move it. Blank categories are left to blank-field. Selected value: an indicator row.
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['taxonomy'],
    properties: {
      taxonomy: { type: 'object', minProperties: 1, additionalProperties: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } } },
      aliases: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
      suffix: { type: 'string', minLength: 1 },
    },
  },
  messageIds: ['respell', 'unknownLevel1', 'unknownLevel2', 'misfiled', 'replaceWith'],
  fixable: true,
  suggests: true,
  run(target, options, context) {
    if (target.value === null || typeof target.value !== 'object') return;
    const row = target.value as Record<string, unknown>;
    const level1 = writtenLevel(row, target.path, '一级指标');
    const level2 = writtenLevel(row, target.path, '二级指标');
    if (!level1) return;
    const level1Names = level1NamesOf(options);
    const resolved1 = resolve(level1.written, level1Names, options);
    if (resolved1.kind === 'unknown') {
      const parent = level2 && parentsOf(level2.written, options)[0];
      const nearest = parent ?? closest(normalizeName(level1.written), level1Names);
      reportUnknown('unknownLevel1', level1, nearest, { valid: level1Names.join(' / ') }, context);
      return;
    }
    if (resolved1.kind === 'respelled') reportRespelled(level1, resolved1.spelling, context);
    if (level2) checkLevel2(level2, level1, resolved1.canonical, options, context);
  },
});

/** Checks a 二级 against the 一级 it is filed under (`canonical1`, already resolved). */
function checkLevel2(level2: Level, level1: Level, canonical1: string, options: Options, context: FilingContext): void {
  const siblings = options.taxonomy[canonical1];
  const resolved = resolve(level2.written, siblings, options);
  if (resolved.kind === 'respelled') reportRespelled(level2, resolved.spelling, context);
  if (resolved.kind !== 'unknown') return;
  const nearest = closest(normalizeName(level2.written), siblings);
  const data = { level1: canonical1, valid: siblings.join(' / ') };
  const parent = parentsOf(level2.written, options).find((name) => name !== canonical1);
  if (!parent) {
    reportUnknown('unknownLevel2', level2, nearest, data, context);
    return;
  }
  context.report({
    messageId: 'misfiled',
    data: { ...data, written: level2.written, parent },
    path: level2.path,
    suggestions: [replacement(level1.path, parent, context), replacement(level2.path, nearest, context)],
  });
}

/** The taxonomy's 一级 names, listed once per rule (resolve remembers its sets by this array). */
const level1NamesOf = perOptions((options: Options): readonly string[] => Object.keys(options.taxonomy));

/**
 * The spellings accepted for a list of canonical names (the 一级 names, or the 二级 names under one 一级): the names
 * and their aliases. Built once per rule and list, as every row resolves its categories against them.
 */
const acceptedSets = perOptions((_options: Options) => new Map<readonly string[], ReadonlySet<string>>());

function acceptedSpellings(canonicalNames: readonly string[], options: Options): ReadonlySet<string> {
  const sets = acceptedSets(options);
  let accepted = sets.get(canonicalNames);
  if (!accepted) {
    const aliases = options.aliases ?? {};
    accepted = new Set([...canonicalNames, ...Object.keys(aliases).filter((alias) => canonicalNames.includes(aliases[alias]))]);
    sets.set(canonicalNames, accepted);
  }
  return accepted;
}

function resolve(written: string, canonicalNames: readonly string[], options: Options): Resolution {
  const accepted = acceptedSpellings(canonicalNames, options);
  const trimmed = written.trim();
  if (accepted.has(trimmed)) return { kind: 'accepted', canonical: canonicalOf(trimmed, options) };
  // the name without its whitespace, else with the suffix it lacks
  const compact = normalizeName(written);
  const spelling = accepted.has(compact) ? compact : options.suffix && !compact.endsWith(options.suffix) && accepted.has(compact + options.suffix) ? compact + options.suffix : undefined;
  return spelling ? { kind: 'respelled', canonical: canonicalOf(spelling, options), spelling } : UNKNOWN;
}

const UNKNOWN: Resolution = { kind: 'unknown' };

function canonicalOf(spelling: string, options: Options): string {
  return options.aliases?.[spelling] ?? spelling;
}

/** The 一级 categories a 二级 name is accepted under. */
function parentsOf(level2: string, options: Options): string[] {
  return Object.entries(options.taxonomy)
    .filter(([, children]) => resolve(level2, children, options).kind !== 'unknown')
    .map(([parent]) => parent);
}

function writtenLevel(row: Record<string, unknown>, rowPath: YamlPath, field: string): Level | undefined {
  const value = row[field];
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return { path: childPath(rowPath, field), written: value };
}

function reportRespelled(level: Level, spelling: string, context: FilingContext): void {
  context.report({
    messageId: 'respell',
    data: { written: level.written, name: spelling },
    path: level.path,
    fix: { edits: [{ range: context.document.rangeOf(level.path), text: yamlScalarText(spelling) }] },
  });
}

function reportUnknown(messageId: string, level: Level, nearest: string, data: Record<string, string>, context: FilingContext): void {
  context.report({
    messageId,
    data: { ...data, written: level.written, nearest },
    path: level.path,
    suggestions: [replacement(level.path, nearest, context)],
  });
}

function replacement(path: YamlPath, name: string, context: FilingContext): SuggestionReport {
  return { messageId: 'replaceWith', data: { name }, fix: { edits: [{ range: context.document.rangeOf(path), text: yamlScalarText(name) }] } };
}
