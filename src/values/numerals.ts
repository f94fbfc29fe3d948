import { Decimal } from 'decimal.js';

const FULLWIDTH_PUNCTUATION_TO_ASCII: Readonly<Record<string, string>> = {
  '．': '.',
  '，': ',',
  '％': '%',
  '（': '(',
  '）': ')',
  '～': '~',
  '〜': '~',
  '－': '-',
  '＋': '+',
  '／': '/',
};

const FULLWIDTH_DIGIT_OFFSET = '０'.charCodeAt(0) - '0'.charCodeAt(0);

export const FULLWIDTH_DIGIT = /[０-９]/u;
export const FULLWIDTH_PUNCTUATION = /[．，％（）～〜－＋／]/u;
const FULLWIDTH_CHARACTER = /[０-９．，％（）～〜－＋／]/gu;

/**
 * Maps full-width digits and the punctuation that appears in numbers and units to ASCII.
 * Contract: every replaced character is one UTF-16 unit and so is its replacement, so offsets
 * into the result are offsets into the input.
 */
export function toHalfWidth(text: string): string {
  if (!hasFullWidthCharacter(text)) return text;
  return text.replace(FULLWIDTH_CHARACTER, (character) =>
    FULLWIDTH_PUNCTUATION_TO_ASCII[character] ??
    String.fromCharCode(character.charCodeAt(0) - FULLWIDTH_DIGIT_OFFSET),
  );
}

/**
 * Whether FULLWIDTH_CHARACTER occurs in the text, by a scan of its code units: nearly every text parsed has none, and
 * this is cheaper than a replace that changes nothing. The set: ％ U+FF05, （ ） U+FF08–FF09, ＋ ， － ． ／
 * U+FF0B–FF0F, ０–９ U+FF10–FF19, ～ U+FF5E, 〜 U+301C (all single code units; no surrogate is among them).
 */
function hasFullWidthCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x301c) continue;
    if (code === 0x301c || code === 0xff05 || code === 0xff5e || (code >= 0xff08 && code <= 0xff19 && code !== 0xff0a)) return true;
  }
  return false;
}

/** An unsigned decimal in half-width text: `1100000`, `1,100,000.00`, `95.5`. Groups must be exactly three digits. */
export const UNSIGNED_NUMERAL = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;

/** Contract: `numeral` matches UNSIGNED_NUMERAL, optionally signed. */
export function decimalFromNumeral(numeral: string): Decimal {
  return new Decimal(numeral.includes(',') ? numeral.replace(/,/g, '') : numeral);
}

/** Treats `-0` as `0` so that signs never show up in messages about zero amounts. */
export function withoutNegativeZero(value: Decimal): Decimal {
  return value.isZero() ? new Decimal(0) : value;
}
