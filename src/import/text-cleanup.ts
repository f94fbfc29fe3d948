/** Text repairs shared by the mapping stages. Each returns what it changed so the change can be commented. */

const WIDE_CHARACTER = /[\p{Script=Han}\u3000-\u303f\uff01-\uff60“”‘’]/u;
const GAP_RE = /[ \t\u3000]+/g;
const QUOTED_CONTEXT = 2;

export interface JoinedText {
  text: string;
  /** each removed gap quoted with two characters either side (`党日 活动`) */
  gaps: string[];
}

/**
 * Removes spaces between two Chinese characters: PDF extraction turns a line wrapped inside a table cell or a
 * paragraph into a space (`项目完成和验收工作及 时率`). Spaces beside Latin letters or digits (`思想 and 二十大`,
 * `分 2 批`) are left alone, since they may be written that way.
 */
export function joinWrappedLines(text: string): JoinedText {
  const gaps: string[] = [];
  const joined = text.replace(GAP_RE, (gap: string, offset: number) => {
    const before = text.slice(0, offset);
    const after = text.slice(offset + gap.length);
    if (!WIDE_CHARACTER.test(before.slice(-1)) || !WIDE_CHARACTER.test(after.slice(0, 1))) return gap;
    gaps.push(`${before.slice(-QUOTED_CONTEXT)}${gap.replace(/\t/g, ' ')}${after.slice(0, QUOTED_CONTEXT)}`);
    return '';
  });
  return { text: joined, gaps };
}

export function wrapNote(gaps: readonly string[]): string {
  return `原文“${gaps.join('”“')}”中的空格为断行所致，已合并`;
}

/**
 * The form of a label used for comparison: no whitespace, half-width colon and brackets, no trailing colon and no
 * leading `其中`, so `其中： 当年财政拨款`, `其中:当年财政拨款` and `当年财政拨款` compare equal.
 */
export function normalizeLabel(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/：/g, ':')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/^其中:?/, '')
    .replace(/:$/, '');
}

/** Markers that text exported from Word carries and that are no part of the content (`[bookmark: _GoBack]`). */
export function withoutExportMarkers(text: string): string {
  return text.replace(/\[bookmark:[^\]]*\]/g, '').trim();
}

/** `（2022年度）`, `(2026 年度)`, `2022年财政支出…` → 2022. */
export function yearIn(text: string): number | undefined {
  const match = /((?:19|20|21)\d{2})\s*年/.exec(text);
  return match ? Number(match[1]) : undefined;
}

const CHINESE_COUNTS = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 2 → 两, 11 → 11: for notes such as `右移两栏`. */
export function chineseCount(count: number): string {
  return CHINESE_COUNTS[count] ?? String(count);
}
