import type { Decimal } from 'decimal.js';
import type { LintDocument } from '../document/lint-document.js';
import { defineFilingFunction } from '../engine/function-api.js';
import { fieldLabel } from '../domain/field-paths.js';
import { indicatorRows } from '../domain/indicator-rows.js';
import { resolveOptionPath } from '../domain/option-paths.js';
import { perOptions } from '../domain/per-document.js';
import { indicatorTargetOf } from '../domain/target-cells.js';
import { textsUnder } from '../domain/text-values.js';
import { wordAlternation } from '../domain/word-alternation.js';
import type { YamlPath } from '../types.js';
import { UNSIGNED_NUMERAL, decimalFromNumeral, toHalfWidth } from '../values/numerals.js';
import { isQuantity, type QuantityTarget } from '../values/target.js';

interface Options {
  /** where the filing states numbers (`$.` paths from the root); every text under each is read */
  sources: string[];
  /** count units a stated number and a target must share (家, 个, 人…) */
  units: string[];
  /** characters that end the object read after a stated number (的, 和, 、…) */
  objectStops: string[];
  /** the object is read for at most this many characters */
  maxObjectLength: number;
  /** the indicator's name must contain the object, or a run of at least this many of its characters */
  minSharedLength: number;
}

/** `55家党组织` in a text: a number, its unit and the object it counts. */
interface StatedCount {
  value: Decimal;
  unit: string;
  /** the number and unit as written: 55家 */
  counted: string;
  /** the Chinese words after the unit, read up to a stop character: 党组织 */
  object: string;
  path: YamlPath;
}

/** A stated count that speaks of a row's object, quoted as far as the name shares it: 55家党组织. */
interface MatchingCount {
  count: StatedCount;
  quoted: string;
}

const LOWER_BOUNDS: ReadonlySet<string> = new Set(['≥', '>', '=']);

/** Every stated count starts with a digit, half- or full-width: most texts have none and need no further reading. */
const HAS_DIGIT = /[0-9０-９]/u;

/**
 * Reports an indicator whose target (`≥50家`, `=50家`) is below a count the same filing states elsewhere for the
 * same object in the same unit (`对所属55家党组织…组织培训`): the target promises less than the filing says will be
 * done. A stated count matches a row when its object (the Chinese words right after the unit) and the row's name
 * share words (see sharedObjectEnd); when several match, the smallest decides, so a filing that also states a count at or below the target is
 * not reported. Selected value: the 绩效指标 table.
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['sources', 'units', 'objectStops', 'maxObjectLength', 'minSharedLength'],
    properties: {
      sources: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      units: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      objectStops: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 1 } },
      maxObjectLength: { type: 'integer', minimum: 2 },
      minSharedLength: { type: 'integer', minimum: 2 },
    },
  },
  messageIds: ['belowStated'],
  run(target, options, context) {
    const stated = statedCounts(context.document, options, target.path);
    if (stated.length === 0) return;
    const facts = context.facts(context.document);
    for (const row of indicatorRows(target.value, target.path, context.document)) {
      const { target: parsed, path } = indicatorTargetOf(facts, row.path, row.fields);
      if (!isQuantity(parsed) || !LOWER_BOUNDS.has(parsed.comparator)) continue;
      const unit = countUnit(parsed, compiled(options).units);
      if (unit === undefined) continue;
      const matching = stated.filter((count) => count.unit === unit).flatMap((count) => matchingCount(count, row.name, options.minSharedLength));
      if (matching.length === 0) continue;
      const { count: smallest, quoted } = matching.reduce((least, candidate) => (candidate.count.value.lessThan(least.count.value) ? candidate : least));
      if (!parsed.value.lessThan(smallest.value)) continue;
      context.report({
        messageId: 'belowStated',
        path,
        data: { name: row.name, value: parsed.raw.trim(), stated: quoted, field: fieldLabel(smallest.path), suggested: `≥${smallest.value.toFixed()}${unit}` },
        related: [{ document: context.document, path: smallest.path }],
      });
    }
  },
});

/** The unit of a target counted in one of the count units (a single unit, not per anything), else undefined. */
function countUnit(target: QuantityTarget, units: ReadonlySet<string>): string | undefined {
  if (target.unitParts?.length !== 1) return undefined;
  const unit = target.unitParts[0];
  return units.has(unit) ? unit : undefined;
}

/**
 * The options' count pattern and lists, built once per rule. The pattern is global and used only through matchAll,
 * which copies it, so sharing it leaves no lastIndex behind.
 */
const compiled = perOptions((options: Options) => ({
  pattern: new RegExp(String.raw`(?<![\d.,\-~—–至到])(?<value>${UNSIGNED_NUMERAL})\s*(?<unit>${wordAlternation(options.units)})(?<object>\p{Script=Han}+)`, 'gu'),
  units: new Set(options.units),
  objectStops: new Set(options.objectStops),
}));

/** Every `<number><unit><object>` in the source texts; numbers that end a range (`50-60人`) are not counts. */
function statedCounts(document: LintDocument, options: Options, selectedPath: YamlPath): StatedCount[] {
  const { pattern } = compiled(options);
  const counts: StatedCount[] = [];
  for (const source of options.sources) {
    const path = resolveOptionPath(source, selectedPath, options);
    for (const { path: textPath, text } of textsUnder(document, path, document.valueAt(path))) {
      if (!HAS_DIGIT.test(text)) continue;
      for (const match of toHalfWidth(text).matchAll(pattern)) {
        const { value, unit, object: following } = match.groups as Record<'value' | 'unit' | 'object', string>;
        const object = objectOf(following, options);
        if (object.length < 2) continue;
        const counted = text.slice(match.index, match.index + match[0].length - following.length);
        counts.push({ value: decimalFromNumeral(value), unit, counted, object, path: textPath });
      }
    }
  }
  return counts;
}

/** The object a count is of: the Chinese words after the unit, up to a stop character, at most maxObjectLength. */
function objectOf(following: string, options: Options): string {
  const characters = [...following];
  const stops = compiled(options).objectStops;
  const stop = characters.findIndex((character) => stops.has(character));
  return characters.slice(0, stop < 0 ? characters.length : stop).slice(0, options.maxObjectLength).join('');
}

/** The count as a match for the name, quoted up to what the name shares; none when they share nothing. */
function matchingCount(count: StatedCount, name: string, minShared: number): MatchingCount[] {
  const end = sharedObjectEnd(name, count.object, minShared);
  return end === undefined ? [] : [{ count, quoted: `${count.counted}${count.object.slice(0, end)}` }];
}

/**
 * How much of the object the name speaks of: the end of the last run of at least `minShared` characters of the
 * object that the name contains (`居民区党组织开展` against 服务覆盖党组织数量 → 6, after 党组织), or undefined when
 * the name shares no such run. The whole object counts when the name contains it, however short.
 */
function sharedObjectEnd(name: string, object: string, minShared: number): number | undefined {
  if (name.includes(object)) return object.length;
  for (let end = object.length; end >= minShared; end--) {
    for (let start = 0; start + minShared <= end; start++) {
      if (name.includes(object.slice(start, end))) return end;
    }
  }
  return undefined;
}
