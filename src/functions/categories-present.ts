import { defineFilingFunction } from '../engine/function-api.js';
import { canonicalCategory, indicatorRows } from '../domain/indicator-rows.js';

interface RequiredCategory {
  level1: string;
  /** 二级 categories that must appear under this 一级 */
  level2?: string[];
}

interface Options {
  required: RequiredCategory[];
  /** alias → canonical name, for both levels */
  aliases?: Record<string, string>;
}

/**
 * Checks that the 绩效指标 table has rows under each required 一级 category and, within it, each required 二级.
 * Selected value: the 绩效指标 table. An empty table is left to required-fields.
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['required'],
    properties: {
      required: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['level1'],
          properties: {
            level1: { type: 'string', minLength: 1 },
            level2: { type: 'array', items: { type: 'string', minLength: 1 } },
          },
        },
      },
      aliases: { type: 'object', additionalProperties: { type: 'string' } },
    },
  },
  messageIds: ['missingLevel1', 'missingLevel2'],
  run(target, options, context) {
    const aliases = options.aliases;
    const rows = indicatorRows(target.value, target.path, context.document);
    if (rows.length === 0) return;
    for (const { level1, level2: requiredLevel2 = [] } of options.required) {
      const underLevel1 = rows.filter((row) => canonicalCategory(row.level1, aliases) === level1);
      if (underLevel1.length === 0) {
        context.report({ messageId: 'missingLevel1', data: { level1 }, part: 'key' });
        continue;
      }
      const present = new Set(underLevel1.map((row) => canonicalCategory(row.level2, aliases)));
      for (const level2 of requiredLevel2) {
        if (present.has(level2)) continue;
        context.report({ messageId: 'missingLevel2', data: { level1, level2 }, path: [...underLevel1[0].path, '一级指标'] });
      }
    }
  },
});
