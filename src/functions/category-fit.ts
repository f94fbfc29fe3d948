import { defineFilingFunction } from '../engine/function-api.js';
import { canonicalCategory, indicatorNames } from '../domain/indicator-rows.js';
import { indicatorTargetOf } from '../domain/target-cells.js';

/** Which rows a placement is about. */
interface Where {
  level1?: string[];
  level2?: string[];
}

/** A kind of indicator, told by its name or unit, that does not belong under some categories. */
interface Placement {
  /** the categories (canonical 一级 and/or 二级) the kind is misplaced under */
  under: Where;
  /** the name ends with one of these */
  nameEndsWith?: string[];
  /** the name contains one of these */
  nameContains?: string[];
  /** the target's unit (first part) is one of these */
  units?: string[];
  /** names containing one of these are never reported (e.g. 受益 in 受益人次, an effect) */
  unlessNameContains?: string[];
  /** where the kind belongs, as the message names it: 产出指标/数量指标 */
  belongs: string;
}

interface Options {
  placements: Placement[];
  /** alias → canonical category name */
  aliases?: Record<string, string>;
}

/**
 * Reports an indicator whose kind, told by its 三级指标 name or its unit, contradicts the categories it is filed
 * under (`人次` under 效益指标, a count under 质量指标, 及时 under 数量指标…). The first placement that fits a row
 * decides; one finding per row, on its 二级指标. Selected value: an indicator row.
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['placements'],
    properties: {
      placements: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['under', 'belongs'],
          anyOf: [{ required: ['nameEndsWith'] }, { required: ['nameContains'] }, { required: ['units'] }],
          properties: {
            under: {
              type: 'object',
              additionalProperties: false,
              minProperties: 1,
              properties: {
                level1: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
                level2: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
              },
            },
            nameEndsWith: { type: 'array', items: { type: 'string', minLength: 1 } },
            nameContains: { type: 'array', items: { type: 'string', minLength: 1 } },
            units: { type: 'array', items: { type: 'string', minLength: 1 } },
            unlessNameContains: { type: 'array', items: { type: 'string', minLength: 1 } },
            belongs: { type: 'string', minLength: 1 },
          },
        },
      },
      aliases: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
    },
  },
  messageIds: ['misplaced'],
  run(target, options, context) {
    if (target.value === null || typeof target.value !== 'object') return;
    const written = indicatorNames(context.document, target.value);
    const name = written.name;
    if (name === '') return;
    const aliases = options.aliases;
    const level1 = canonicalCategory(written.level1, aliases);
    const level2 = canonicalCategory(written.level2, aliases);
    const unit = indicatorTargetOf(context.facts(context.document), target.path, target.value).target.unitParts?.[0];
    for (const placement of options.placements) {
      if (!isUnder(placement.under, level1, level2)) continue;
      if (placement.unlessNameContains?.some((word) => name.includes(word))) continue;
      const signal = signalOf(placement, name, unit);
      if (signal === undefined) continue;
      context.report({
        messageId: 'misplaced',
        path: [...target.path, '二级指标'],
        data: { name, level1: written.level1, level2: written.level2, signal, belongs: placement.belongs },
      });
      return;
    }
  },
});

function isUnder(where: Where, level1: string, level2: string): boolean {
  return (where.level1 === undefined || where.level1.includes(level1)) && (where.level2 === undefined || where.level2.includes(level2));
}

/** The word or unit that tells the row's kind, if the placement recognizes it. */
function signalOf(placement: Placement, name: string, unit: string | undefined): string | undefined {
  return (
    placement.nameEndsWith?.find((ending) => name.endsWith(ending)) ??
    placement.nameContains?.find((word) => name.includes(word)) ??
    (unit !== undefined && placement.units?.includes(unit) ? unit : undefined)
  );
}
