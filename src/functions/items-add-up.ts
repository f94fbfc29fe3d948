import { Decimal } from 'decimal.js';
import { defineFilingFunction, type DocumentFacts } from '../engine/function-api.js';
import { fieldLabel } from '../domain/field-paths.js';
import { resolveOptionPath } from '../domain/option-paths.js';
import { writtenAmounts } from '../domain/written-amounts.js';
import type { YamlPath } from '../types.js';
import { formatYuan } from '../values/money.js';

interface TotalCandidates {
  /** where the total may be written, in order of preference; blank ones are skipped */
  paths: string[];
}

interface Options {
  /** the list of items, e.g. `明细` (relative to the selected value, or `$.…` from the document root) */
  items: string;
  /** the field of each item holding its amount */
  amount: string;
  /** the field of each item naming it, quoted in messages */
  name?: string;
  /** each entry is one check: the items add up to one of the amounts written at its paths */
  totals: TotalCandidates[];
}

interface Item {
  label: string;
  yuan: Decimal;
}

/**
 * Checks that a list of itemised amounts (e.g. the 明细 of a narrative's 资金测算) adds up, exactly, to the totals it
 * breaks down. A total is matched when the sum equals any amount written at its candidate paths, so that a
 * breakdown of either the project total or the annual request passes; a finding quotes the first written one.
 * Nothing is checked while an item's amount is blank or malformed (blank-field and the schema report those) or
 * when no candidate of a total is written. Amounts without a unit are in the filing's 项目资金.单位.
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['items', 'amount', 'totals'],
    properties: {
      items: { type: 'string', minLength: 1 },
      amount: { type: 'string', minLength: 1 },
      name: { type: 'string', minLength: 1 },
      totals: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['paths'],
          properties: { paths: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } } },
        },
      },
    },
  },
  messageIds: ['sumMismatch', 'comparedTotal'],
  run(target, options, context) {
    const facts = context.facts(context.document);
    const itemsPath = resolveOptionPath(options.items, target.path, options);
    const items = readItems(context.document.valueAt(itemsPath), itemsPath, options, facts);
    if (!items || items.length === 0) return;
    const sum = items.reduce((accumulated, item) => accumulated.plus(item.yuan), new Decimal(0));
    for (const total of options.totals) {
      const candidates = writtenAmounts(facts, total.paths.map((path) => resolveOptionPath(path, target.path, options)));
      if (candidates.length === 0 || candidates.some((candidate) => candidate.yuan.equals(sum))) continue;
      const quoted = candidates[0];
      context.report({
        messageId: 'sumMismatch',
        path: itemsPath,
        part: 'key',
        data: {
          items: items.map((item) => item.label).join(' + '),
          sum: formatYuan(sum),
          total: fieldLabel(quoted.path),
          totalAmount: formatYuan(quoted.yuan),
          difference: formatYuan(quoted.yuan.minus(sum).abs()),
        },
        related: [{ document: context.document, path: quoted.path, messageId: 'comparedTotal', data: { total: fieldLabel(quoted.path) } }],
      });
    }
  },
});

/** The items with their amounts in 元, or undefined when any amount cannot be read. */
function readItems(list: unknown, itemsPath: YamlPath, options: Options, facts: DocumentFacts): Item[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const items: Item[] = [];
  for (const [index, entry] of list.entries()) {
    const amount = facts.money([...itemsPath, index, options.amount]);
    if (!amount.ok) return undefined;
    const name = options.name && entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>)[options.name] : undefined;
    items.push({ label: typeof name === 'string' && name.trim() !== '' ? `${name.trim()} ${amount.text}` : amount.text, yuan: amount.yuan });
  }
  return items;
}
