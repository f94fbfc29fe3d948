import { Decimal } from 'decimal.js';
import { UNSIGNED_NUMERAL, decimalFromNumeral, toHalfWidth, withoutNegativeZero } from './numerals.js';

export type MoneyUnit = '元' | '万元';

export interface MoneyAmount {
  ok: true;
  /** the amount in 元, exact */
  yuan: Decimal;
  /** the input as text, trimmed (numbers stringified) */
  text: string;
  /** the unit the amount was expressed in: as written, else the caller's default */
  unit: MoneyUnit;
  /** whether `unit` was written (`102万`) rather than taken from the default */
  unitWritten: boolean;
}

export interface MoneyError {
  ok: false;
  /** the input as text, trimmed (numbers stringified, null and undefined as '') */
  text: string;
  reason: 'empty' | 'malformed';
}

export type MoneyParse = MoneyAmount | MoneyError;

const MONEY_RE = new RegExp(String.raw`^(?<amount>[-+]?${UNSIGNED_NUMERAL})\s*(?<unit>万元|万|元)?$`, 'u');

const WAN_EXPONENT = 4;

/**
 * Reads an amount such as `1411700`, `1,100,000.00`, `１２３`, `102万`, `165.00万元` and converts
 * it to 元 exactly. A JS number is read from its decimal string, never through float arithmetic;
 * callers should still prefer the YAML source text, which keeps what was written.
 */
export function parseMoney(input: string | number | null | undefined, defaultUnit: MoneyUnit = '元'): MoneyParse {
  if (input === null || input === undefined) return { ok: false, text: '', reason: 'empty' };
  const text = String(input).trim();
  if (text === '') return { ok: false, text, reason: 'empty' };
  if (typeof input === 'number') return parseNumberInput(input, text, defaultUnit);

  const match = MONEY_RE.exec(toHalfWidth(text));
  const amount = match?.groups?.amount;
  if (amount === undefined) return { ok: false, text, reason: 'malformed' };
  const writtenUnit = match?.groups?.unit;
  const unit: MoneyUnit = writtenUnit === undefined ? defaultUnit : writtenUnit === '元' ? '元' : '万元';
  return { ok: true, yuan: toYuan(decimalFromNumeral(amount), unit), text, unit, unitWritten: writtenUnit !== undefined };
}

function parseNumberInput(input: number, text: string, unit: MoneyUnit): MoneyParse {
  if (!Number.isFinite(input)) return { ok: false, text, reason: 'malformed' };
  return { ok: true, yuan: toYuan(new Decimal(text), unit), text, unit, unitWritten: false };
}

/** Scales by the exponent rather than multiplying, so no digit is lost whatever Decimal's precision. */
function toYuan(amount: Decimal, unit: MoneyUnit): Decimal {
  const yuan = unit === '万元' ? shiftDecimalPoint(amount, WAN_EXPONENT) : amount;
  return withoutNegativeZero(yuan);
}

function shiftDecimalPoint(value: Decimal, places: number): Decimal {
  return new Decimal(`${value.toFixed()}e${places}`);
}

/** `1,411,700.00`; rounds half up to the fen. */
export function formatYuan(yuan: Decimal): string {
  // toFixed of a rounded, never negative-zero amount: `-1234.50`, `0.00`; the sign, then the integer digits grouped
  const fixed = roundedTo(yuan, 2).toFixed(2);
  const sign = fixed.charCodeAt(0) === 45 ? '-' : '';
  const point = fixed.length - 3;
  return `${sign}${groupThousands(fixed.slice(sign.length, point))}${fixed.slice(point)}`;
}

/** `165.00万`; rounds half up to the hundredth of a 万 (100 元). */
export function formatWan(yuan: Decimal): string {
  return `${roundedTo(shiftDecimalPoint(yuan, -WAN_EXPONENT), 2).toFixed(2)}万`;
}

/** Rounds explicitly rather than through Decimal's global settings, which other code may change. */
function roundedTo(value: Decimal, places: number): Decimal {
  return withoutNegativeZero(value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP));
}

function groupThousands(digits: string): string {
  const firstGroupLength = digits.length % 3 || 3;
  let grouped = digits.slice(0, firstGroupLength);
  for (let start = firstGroupLength; start < digits.length; start += 3) grouped += ',' + digits.slice(start, start + 3);
  return grouped;
}
