import { distance } from 'fastest-levenshtein';

/**
 * Text reduced to what carries meaning when comparing two goals: no whitespace, punctuation, quotation marks or
 * paragraph numbering (`1、` `（一）` `2.`).
 */
export function comparableText(text: string, ignorePattern: RegExp): string {
  return text.replace(ignorePattern, '');
}

/** 1 for identical strings, 0 for nothing in common: 1 − edit distance / longer length. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - distance(a, b) / longer;
}

/**
 * How much of the shorter text stands in the longer one as runs of at least `gram` consecutive characters: the
 * share of the shorter text's character n-grams that also occur in the longer. 1 means one text contains the
 * other; scattered shared characters or common words score low, unlike a subsequence measure. Linear time.
 */
export function containment(a: string, b: string, gram: number): number {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length < gram) return shorter.length > 0 && longer.includes(shorter) ? 1 : 0;
  const inLonger = new Set<string>();
  for (let i = 0; i + gram <= longer.length; i++) inLonger.add(longer.slice(i, i + gram));
  let shared = 0;
  const total = shorter.length - gram + 1;
  for (let i = 0; i < total; i++) if (inLonger.has(shorter.slice(i, i + gram))) shared++;
  return shared / total;
}
