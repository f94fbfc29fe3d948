import { Decimal } from 'decimal.js';
import { defineFilingFunction } from '../engine/function-api.js';
import { optionFieldPath } from '../domain/per-document.js';
import type { YamlPath } from '../types.js';
import { formatYuan } from '../values/money.js';

interface SumIdentity {
  /** dotted path, relative to the selected node, of the amount that must equal the sum */
  total: string;
  parts: string[];
}

interface Bound {
  lesser: string;
  greater: string;
}

interface Options {
  sums?: SumIdentity[];
  atMost?: Bound[];
}

/**
 * Exact decimal checks of funding identities within one node (e.g. 项目资金): a total equals the sum of its parts,
 * and one amount does not exceed another. Blank amounts are left to required-fields: an identity whose total or
 * every part is blank is not checked; a blank part among written ones counts as 0. Malformed amounts are left to
 * the schema check.
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      sums: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['total', 'parts'],
          properties: {
            total: { type: 'string', minLength: 1 },
            parts: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
          },
        },
      },
      atMost: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['lesser', 'greater'],
          properties: { lesser: { type: 'string', minLength: 1 }, greater: { type: 'string', minLength: 1 } },
        },
      },
    },
  },
  messageIds: ['sumMismatch', 'exceeds'],
  run(target, options, context) {
    const facts = context.facts(context.document);
    const amountAt = (relative: string) => {
      const segments = optionFieldPath(options, relative);
      const path: YamlPath = [...target.path, ...segments];
      const parsed = facts.money(path);
      return { path, label: segments.join(' › '), amount: parsed.ok ? parsed.yuan : undefined, blank: !parsed.ok && parsed.reason === 'empty', malformed: !parsed.ok && parsed.reason === 'malformed' };
    };
    for (const identity of options.sums ?? []) {
      const total = amountAt(identity.total);
      const parts = identity.parts.map(amountAt);
      if (!total.amount || parts.every((part) => part.blank) || parts.some((part) => part.malformed)) continue;
      const sum = parts.reduce((accumulated, part) => accumulated.plus(part.amount ?? 0), new Decimal(0));
      if (sum.equals(total.amount)) continue;
      context.report({
        messageId: 'sumMismatch',
        path: total.path,
        data: {
          total: total.label,
          totalAmount: formatYuan(total.amount),
          parts: parts.map((part) => part.label.split(' › ').pop()).join(' + '),
          sum: formatYuan(sum),
          difference: formatYuan(total.amount.minus(sum).abs()),
        },
      });
    }
    for (const bound of options.atMost ?? []) {
      const lesser = amountAt(bound.lesser);
      const greater = amountAt(bound.greater);
      if (!lesser.amount || !greater.amount || lesser.amount.lessThanOrEqualTo(greater.amount)) continue;
      context.report({
        messageId: 'exceeds',
        path: lesser.path,
        data: { lesser: lesser.label, lesserAmount: formatYuan(lesser.amount), greater: greater.label, greaterAmount: formatYuan(greater.amount) },
      });
    }
  },
});
