/** A regular-expression alternation matching any of `words` literally, longest first so that 人次 wins over 人. */
export function wordAlternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/gu, String.raw`\$&`))
    .join('|');
}
