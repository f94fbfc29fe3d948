import { defineFilingFunction, type FilingContext } from '../engine/function-api.js';
import { fieldLabel } from '../domain/field-paths.js';
import { indicatorRows, type IndicatorRow } from '../domain/indicator-rows.js';
import { isLowerBound, moneyTarget, type MoneyTarget, type MoneyUnits } from '../domain/money-targets.js';
import { resolveOptionPath } from '../domain/option-paths.js';
import { indicatorTargetOf } from '../domain/target-cells.js';
import { writtenAmounts, type WrittenAmount } from '../domain/written-amounts.js';
import type { YamlPath } from '../types.js';
import { formatYuan } from '../values/money.js';
import type { ParsedTarget } from '../values/target.js';

interface Options {
  /** 二级指标 names of the rows that state a cost */
  costLevel2: string[];
  /** money units and their value in 元 */
  moneyUnits: MoneyUnits;
  /** amounts a lone total cost must not merely repeat (`$.` paths from the document root) */
  budget?: string[];
}

interface CostAmount {
  row: IndicatorRow;
  path: YamlPath;
  target: ParsedTarget;
  money: MoneyTarget;
}

/**
 * Checks the form of each cost indicator: it states an amount of money or a unit cost (`≤1000元/次`, `≤5万元`), not a
 * percentage, count, word or deadline (`notAmount`); it is a ceiling, not a lower bound (`lowerBound`); and the
 * cost indicators do not merely repeat the budget (`restatesBudget`: every money-valued cost indicator is a plain
 * amount equal to a budget figure). Blank and unparseable values, and numbers without a unit, are left to
 * target-missing, target-unparseable and target-unit. Selected value: the 绩效指标 table.
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['costLevel2', 'moneyUnits'],
    properties: {
      costLevel2: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      moneyUnits: { type: 'object', minProperties: 1, additionalProperties: { type: 'number', exclusiveMinimum: 0 } },
      budget: { type: 'array', items: { type: 'string', minLength: 1 } },
    },
  },
  messageIds: ['notAmount', 'lowerBound', 'restatesBudget'],
  run(target, options, context) {
    const facts = context.facts(context.document);
    const amounts: CostAmount[] = [];
    for (const row of indicatorRows(target.value, target.path, context.document).filter((candidate) => options.costLevel2.includes(candidate.level2))) {
      const { target: parsed, path } = indicatorTargetOf(facts, row.path, row.fields);
      if (!isStatedWithUnit(parsed)) continue;
      const money = moneyTarget(parsed, options.moneyUnits);
      const data = { name: row.name, value: parsed.raw.trim() };
      if (!money) context.report({ messageId: 'notAmount', path, data });
      else if (isLowerBound(parsed)) context.report({ messageId: 'lowerBound', path, data: { ...data, ceiling: `≤${money.lowest.toFixed()}${parsed.unit}` } });
      else amounts.push({ row, path, target: parsed, money });
    }
    const budget = writtenAmounts(facts, (options.budget ?? []).map((path) => resolveOptionPath(path, target.path, options)));
    reportBudgetRestatements(amounts, budget, context);
  },
});

/** Words and deadlines are stated; numbers count only with a unit, since a missing unit is target-unit's finding. */
function isStatedWithUnit(target: ParsedTarget): boolean {
  if (target.kind === 'qualitative' || target.kind === 'deadline') return true;
  return (target.kind === 'quantity' || target.kind === 'range') && target.unit !== undefined;
}

function reportBudgetRestatements(amounts: readonly CostAmount[], budget: readonly WrittenAmount[], context: FilingContext): void {
  const restated = amounts.flatMap((amount) => {
    const figure = restatedBudget(amount.money, budget);
    return figure ? [{ amount, figure }] : [];
  });
  if (restated.length === 0 || restated.length < amounts.length) return;
  for (const { amount, figure } of restated) {
    context.report({
      messageId: 'restatesBudget',
      path: amount.path,
      data: { name: amount.row.name, value: amount.target.raw.trim(), budgetField: fieldLabel(figure.path), budget: formatYuan(figure.yuan) },
    });
  }
}

/** The budget figure a plain amount (not per anything) equals exactly, if any. */
function restatedBudget(money: MoneyTarget, budget: readonly WrittenAmount[]): WrittenAmount | undefined {
  if (money.per.length > 0 || !money.lowestYuan.equals(money.highestYuan)) return undefined;
  return budget.find((figure) => figure.yuan.equals(money.highestYuan));
}
