import { Decimal } from 'decimal.js';
import type { ParsedTarget } from '../values/target.js';

/** Money units a target's unit may start with, and how many 元 each is: `{ 元: 1, 万元: 10000 }`. */
export type MoneyUnits = Readonly<Record<string, number>>;

/** The numbers of a quantity or range target: its lowest and highest reading (equal unless it is a range). */
export interface TargetBounds {
  lowest: Decimal;
  highest: Decimal;
}

/** A target written as an amount of money, possibly per something: `≤1000元/次`, `≤5万元`, `800-1000元/场/天`. */
export interface MoneyTarget extends TargetBounds {
  /** the bounds converted to 元 */
  lowestYuan: Decimal;
  highestYuan: Decimal;
  /** the money unit as written in normalized form: 元, 万元 */
  moneyUnit: string;
  /** what the amount is per: `元/次` → [次], `元/人/天` → [人, 天], `万元` → [] */
  per: string[];
}

export function targetBounds(target: ParsedTarget): TargetBounds | undefined {
  if ((target.kind !== 'quantity' && target.kind !== 'range') || target.value === undefined) return undefined;
  return { lowest: target.value, highest: target.upper ?? target.value };
}

/** Reads a target as money when its unit starts with one of `moneyUnits`; anything else is not money. */
export function moneyTarget(target: ParsedTarget, moneyUnits: MoneyUnits): MoneyTarget | undefined {
  const moneyUnit = target.unitParts?.[0];
  const yuanPerUnit = moneyUnit === undefined ? undefined : moneyUnits[moneyUnit];
  if (yuanPerUnit === undefined) return undefined;
  const bounds = targetBounds(target);
  if (!bounds) return undefined;
  return {
    ...bounds,
    lowestYuan: bounds.lowest.times(yuanPerUnit),
    highestYuan: bounds.highest.times(yuanPerUnit),
    moneyUnit: moneyUnit!,
    per: target.unitParts!.slice(1),
  };
}

/** Whether a comparator only bounds from below (`≥`, `>`), which a cost never should. */
export function isLowerBound(target: ParsedTarget): boolean {
  return target.kind === 'quantity' && (target.comparator === '≥' || target.comparator === '>');
}

/**
 * Unit parts with the time periods an annual budget already implies left out: `种/年` and `元/种/年` both count
 * per 种 once the budget is a year's.
 */
export function withoutPeriods(unitParts: readonly string[], periodUnits: readonly string[]): string[] {
  return unitParts.filter((part) => !periodUnits.includes(part));
}

export function sameUnitParts(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((part, index) => part === b[index]);
}
