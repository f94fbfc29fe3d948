import { Decimal } from 'decimal.js';
import { defineFilingFunction, type DocumentFacts, type FilingContext } from '../engine/function-api.js';
import { fieldLabel } from '../domain/field-paths.js';
import { indicatorRows, type IndicatorRow } from '../domain/indicator-rows.js';
import { isLowerBound, moneyTarget, sameUnitParts, targetBounds, withoutPeriods, type MoneyTarget, type MoneyUnits, type TargetBounds } from '../domain/money-targets.js';
import { resolveOptionPath } from '../domain/option-paths.js';
import { indicatorTargetOf } from '../domain/target-cells.js';
import { writtenAmounts, type WrittenAmount } from '../domain/written-amounts.js';
import type { YamlPath } from '../types.js';
import { formatYuan } from '../values/money.js';

interface Options {
  /** 二级指标 names of the rows that state a cost */
  costLevel2: string[];
  /** 二级指标 names of the rows that count outputs (the quantities a unit cost multiplies) */
  quantityLevel2: string[];
  /** where the budget is written, in order of preference (`$.` paths from the document root) */
  budget: string[];
  /** money units and their value in 元 */
  moneyUnits: MoneyUnits;
  /** unit parts an annual budget already implies, ignored when matching a cost's unit to a quantity's (年) */
  periodUnits?: string[];
  /** report when the cost indicators together explain less than this percentage of the budget */
  minShare: number;
  /** report a unit cost whose ceiling times its smallest quantity exceeds this percentage of the budget */
  maxShare: number;
}

/** An output count whose unit a unit cost can be per. */
interface Count {
  row: IndicatorRow;
  raw: string;
  bounds: TargetBounds;
  /** its unit without periods: `种/年` → [种] */
  per: string[];
}

/** A cost indicator read as money: a total or item cost, or a unit cost with the counts it multiplies. */
interface CostReading {
  row: IndicatorRow;
  path: YamlPath;
  raw: string;
  money: MoneyTarget;
  per: string[];
  /** empty for a total or item cost */
  counts: Count[];
  /** every matching count at its highest, added up; 1 for a total or item cost */
  mostCount: Decimal;
  /** the most the indicator can account for, in 元: its ceiling times `mostCount` */
  mostYuan: Decimal;
}

const HUNDRED = new Decimal(100);

/**
 * Checks that the cost indicators fit the money (上海市 指引: 成本指标与预算金额相匹配). Two findings:
 * - `smallShare`: read at their most generous (each ceiling times the sum of every output count in the unit it is
 *   per), the cost indicators still account for less than `minShare`% of the budget; judged only when every cost
 *   indicator can be read that way, so that no indicator the arithmetic cannot see is ignored;
 * - `exceedsBudget`: a unit-cost ceiling times the smallest matching count already exceeds `maxShare`% of the budget,
 *   so the ceiling cannot bind (the budget allows far less per unit).
 * Counts written as minimums are taken at their stated number. Selected value: the 绩效指标 table.
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['costLevel2', 'quantityLevel2', 'budget', 'moneyUnits', 'minShare', 'maxShare'],
    properties: {
      costLevel2: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      quantityLevel2: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      budget: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      moneyUnits: { type: 'object', minProperties: 1, additionalProperties: { type: 'number', exclusiveMinimum: 0 } },
      periodUnits: { type: 'array', items: { type: 'string', minLength: 1 } },
      minShare: { type: 'number', minimum: 0, maximum: 100 },
      maxShare: { type: 'number', exclusiveMinimum: 0 },
    },
  },
  messageIds: ['smallShare', 'exceedsBudget'],
  run(target, options, context) {
    const facts = context.facts(context.document);
    const rows = indicatorRows(target.value, target.path, context.document);
    const costRows = rows.filter((row) => options.costLevel2.includes(row.level2));
    const budget = writtenAmounts(facts, options.budget.map((path) => resolveOptionPath(path, target.path, options)))[0];
    if (costRows.length === 0 || !budget || budget.yuan.lessThanOrEqualTo(0)) return;
    const periods = options.periodUnits ?? [];
    const counts = rows.filter((row) => options.quantityLevel2.includes(row.level2)).flatMap((row) => countOf(row, facts, periods));
    const readings = costRows.map((row) => readCost(row, counts, options.moneyUnits, periods, facts));
    for (const reading of readings) if (reading) checkCeilingBinds(reading, budget, options.maxShare, context);
    if (readings.every((reading): reading is CostReading => reading !== undefined)) checkShare(readings, budget, options.minShare, context);
  },
});

function countOf(row: IndicatorRow, facts: DocumentFacts, periods: readonly string[]): Count[] {
  const { target } = indicatorTargetOf(facts, row.path, row.fields);
  const bounds = targetBounds(target);
  if (!bounds || !target.unitParts) return [];
  return [{ row, raw: target.raw.trim(), bounds, per: withoutPeriods(target.unitParts, periods) }];
}

/** Undefined when the arithmetic cannot read the indicator: not money, a lower bound, or no count in its unit. */
function readCost(row: IndicatorRow, counts: readonly Count[], moneyUnits: MoneyUnits, periods: readonly string[], facts: DocumentFacts): CostReading | undefined {
  const { target, path } = indicatorTargetOf(facts, row.path, row.fields);
  const money = moneyTarget(target, moneyUnits);
  if (!money || isLowerBound(target)) return undefined;
  const per = withoutPeriods(money.per, periods);
  const reading = { row, path, raw: target.raw.trim(), money, per };
  if (per.length === 0) return { ...reading, counts: [], mostCount: new Decimal(1), mostYuan: money.highestYuan };
  const matching = counts.filter((count) => sameUnitParts(count.per, per));
  if (matching.length === 0) return undefined;
  const mostCount = matching.reduce((sum, count) => sum.plus(count.bounds.highest), new Decimal(0));
  return { ...reading, counts: matching, mostCount, mostYuan: money.highestYuan.times(mostCount) };
}

function checkCeilingBinds(reading: CostReading, budget: WrittenAmount, maxShare: number, context: FilingContext): void {
  if (reading.counts.length === 0) return;
  const smallest = reading.counts.reduce((least, count) => (count.bounds.lowest.lessThan(least.bounds.lowest) ? count : least));
  const atCeiling = reading.money.highestYuan.times(smallest.bounds.lowest);
  if (!atCeiling.greaterThan(budget.yuan.times(maxShare).dividedBy(HUNDRED))) return;
  context.report({
    messageId: 'exceedsBudget',
    path: reading.path,
    data: {
      name: reading.row.name,
      value: reading.raw,
      countName: smallest.row.name,
      countValue: smallest.raw,
      product: formatYuan(atCeiling),
      budgetField: fieldLabel(budget.path),
      budget: formatYuan(budget.yuan),
      perUnit: formatYuan(budget.yuan.dividedBy(smallest.bounds.lowest)),
      per: reading.per.join('/'),
    },
  });
}

function checkShare(readings: readonly CostReading[], budget: WrittenAmount, minShare: number, context: FilingContext): void {
  const explained = readings.reduce((sum, reading) => sum.plus(reading.mostYuan), new Decimal(0));
  const share = explained.dividedBy(budget.yuan).times(HUNDRED);
  if (!share.lessThan(minShare)) return;
  context.report({
    messageId: 'smallShare',
    path: readings[0].path,
    data: {
      basis: readings.map(describeReading).join('；'),
      explained: formatYuan(explained),
      share: `${share.toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1)}%`,
      budgetField: fieldLabel(budget.path),
      budget: formatYuan(budget.yuan),
      minShare,
    },
  });
}

/** `“活动成本” 1000元/次 × 18次`, `“总成本” 5万元`: the reading in the filing's own units. */
function describeReading(reading: CostReading): string {
  const ceiling = `${reading.money.highest.toFixed()}${[reading.money.moneyUnit, ...reading.money.per].join('/')}`;
  if (reading.counts.length === 0) return `“${reading.row.name}” ${ceiling}`;
  const per = reading.per.join('/');
  const total = `${reading.mostCount.toFixed()}${per}`;
  if (reading.counts.length === 1) return `“${reading.row.name}” ${ceiling} × ${total}`;
  return `“${reading.row.name}” ${ceiling} × ${total}（${reading.counts.map((count) => `${count.bounds.highest.toFixed()}${per}`).join(' + ')}）`;
}
