export type Comparator = '≥' | '≤' | '=' | '>' | '<';

/**
 * symbol: ≥ ≤ = > <; ascii: >= <=; fullwidth: ＞ ＜ ＝ ≧ ≦ ＞＝ ＜＝; word: 不低于 …;
 * suffix: 以上 / 以内 / 以下 after the number (and 前 after a deadline); implicit: a bare number, read as '='.
 */
export type ComparatorStyle = 'symbol' | 'ascii' | 'fullwidth' | 'word' | 'suffix' | 'implicit';

/** The styles a comparator can be written in before the number. */
export type PrefixComparatorStyle = 'symbol' | 'ascii' | 'fullwidth' | 'word';

export interface ComparatorSpelling {
  readonly text: string;
  readonly comparator: Comparator;
  readonly style: Exclude<ComparatorStyle, 'implicit'>;
}

function spellings(
  style: ComparatorSpelling['style'],
  entries: ReadonlyArray<readonly [text: string, comparator: Comparator]>,
): ComparatorSpelling[] {
  return entries.map(([text, comparator]) => ({ text, comparator, style }));
}

/** Spellings written before the number, e.g. `≥90%`, `>=90%`, `不低于90%`. */
export const PREFIX_COMPARATOR_SPELLINGS: readonly ComparatorSpelling[] = [
  ...spellings('symbol', [
    ['≥', '≥'],
    ['≤', '≤'],
    ['=', '='],
    ['>', '>'],
    ['<', '<'],
    ['⩾', '≥'],
    ['⩽', '≤'],
  ]),
  ...spellings('ascii', [
    ['>=', '≥'],
    ['<=', '≤'],
    ['=>', '≥'],
    ['=<', '≤'],
  ]),
  ...spellings('fullwidth', [
    ['＞＝', '≥'],
    ['＜＝', '≤'],
    ['≧', '≥'],
    ['≦', '≤'],
    ['＞', '>'],
    ['＜', '<'],
    ['＝', '='],
  ]),
  ...spellings('word', [
    ['大于或等于', '≥'],
    ['大于等于', '≥'],
    ['不低于', '≥'],
    ['不少于', '≥'],
    ['不小于', '≥'],
    ['达到', '≥'],
    ['至少', '≥'],
    ['大于', '>'],
    ['高于', '>'],
    ['多于', '>'],
    ['超过', '>'],
    ['小于或等于', '≤'],
    ['小于等于', '≤'],
    ['不高于', '≤'],
    ['不超过', '≤'],
    ['不大于', '≤'],
    ['不多于', '≤'],
    ['至多', '≤'],
    ['最多', '≤'],
    ['低于', '<'],
    ['小于', '<'],
    ['少于', '<'],
    ['等于', '='],
  ]),
];

/** Spellings written after the number and unit, e.g. `90%以上`, `1000元以内`, `30天内`. Both bounds are inclusive in Chinese usage. */
export const SUFFIX_COMPARATOR_SPELLINGS: readonly ComparatorSpelling[] = spellings('suffix', [
  ['及以上', '≥'],
  ['以上', '≥'],
  ['及以下', '≤'],
  ['以下', '≤'],
  ['以内', '≤'],
  ['之内', '≤'],
  ['内', '≤'],
]);

/** Words after a deadline that make it an upper bound: `6月30日前`. */
export const DEADLINE_SUFFIX_SPELLINGS: readonly ComparatorSpelling[] = spellings('suffix', [
  ['之前', '≤'],
  ['以前', '≤'],
  ['前', '≤'],
]);

export const COMPARATOR_SPELLINGS: readonly ComparatorSpelling[] = [
  ...PREFIX_COMPARATOR_SPELLINGS,
  ...SUFFIX_COMPARATOR_SPELLINGS,
];

/** The spelling a fix should write for each comparator in each prefix style. */
export const PREFERRED_SPELLINGS: Readonly<Record<PrefixComparatorStyle, Readonly<Record<Comparator, string>>>> = {
  symbol: { '≥': '≥', '≤': '≤', '=': '=', '>': '>', '<': '<' },
  ascii: { '≥': '>=', '≤': '<=', '=': '=', '>': '>', '<': '<' },
  fullwidth: { '≥': '≧', '≤': '≦', '=': '＝', '>': '＞', '<': '＜' },
  word: { '≥': '不低于', '≤': '不高于', '=': '等于', '>': '大于', '<': '低于' },
};

/** Looks a comparator up by its exact spelling (surrounding whitespace ignored); prefix spellings win over suffix ones. */
export function comparatorOf(text: string): ComparatorSpelling | undefined {
  return spellingsByText(COMPARATOR_SPELLINGS).get(text.trim());
}

export function spellComparator(comparator: Comparator, style: PrefixComparatorStyle = 'symbol'): string {
  return PREFERRED_SPELLINGS[style][comparator];
}

/** Whether both comparators bound a value from the same side: ≥ and > are lower bounds, ≤ and < upper ones. */
export function sameDirection(a: Comparator, b: Comparator): boolean {
  return boundSide(a) === boundSide(b);
}

function boundSide(comparator: Comparator): 'lower' | 'upper' | 'exact' {
  if (comparator === '≥' || comparator === '>') return 'lower';
  if (comparator === '≤' || comparator === '<') return 'upper';
  return 'exact';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A regular-expression alternation of the spellings, longest first so that `>=` wins over `>`. */
export function spellingAlternation(table: readonly ComparatorSpelling[]): string {
  return [...table]
    .map((spelling) => spelling.text)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
}

export function findSpelling(table: readonly ComparatorSpelling[], text: string): ComparatorSpelling | undefined {
  return spellingsByText(table).get(text);
}

/** Lookup tables, built once per spelling table: every parsed target looks its comparator up. */
const lookups = new WeakMap<readonly ComparatorSpelling[], ReadonlyMap<string, ComparatorSpelling>>();

/** The table's spellings by text; where a text is listed twice, the first entry, as a search in order finds it. */
function spellingsByText(table: readonly ComparatorSpelling[]): ReadonlyMap<string, ComparatorSpelling> {
  let byText = lookups.get(table);
  if (!byText) {
    const entries = new Map<string, ComparatorSpelling>();
    for (const spelling of table) if (!entries.has(spelling.text)) entries.set(spelling.text, spelling);
    byText = entries;
    lookups.set(table, byText);
  }
  return byText;
}
