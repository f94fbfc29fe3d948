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
 * How much of the shorter text appears, in order, inside the longer one: longest common subsequence / shorter
 * length. 1 means one text contains the other (possibly with insertions).
 */
export function containment(a: string, b: string): number {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length === 0) return 0;
  let previous = new Uint32Array(longer.length + 1);
  let current = new Uint32Array(longer.length + 1);
  for (let i = 1; i <= shorter.length; i++) {
    for (let j = 1; j <= longer.length; j++) {
      current[j] = shorter[i - 1] === longer[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
    }
    [previous, current] = [current, previous];
  }
  return previous[longer.length] / shorter.length;
}
