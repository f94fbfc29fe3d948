import type { Finding, TextEdit } from '../types.js';

export interface AppliedFixes {
  text: string;
  /** findings whose fix was applied in this pass */
  applied: number;
}

/**
 * Applies the fixes of `findings` to `text` in one pass. A fix's edits go in together or not at all; a fix that
 * overlaps one already taken waits for the next pass (after re-linting), so fixes never overlap.
 */
export function applyFixes(text: string, findings: readonly Finding[]): AppliedFixes {
  const candidates = findings
    .filter((finding) => finding.fix && finding.fix.edits.length > 0)
    .map((finding) => [...finding.fix!.edits].sort((a, b) => a.range.start - b.range.start))
    .sort((a, b) => a[0].range.start - b[0].range.start || a[a.length - 1].range.end - b[b.length - 1].range.end);
  const accepted: TextEdit[] = [];
  let applied = 0;
  for (const edits of candidates) {
    if (!edits.every((edit, index) => index === 0 || edit.range.start >= edits[index - 1].range.end)) continue;
    if (edits.some((edit) => accepted.some((taken) => overlaps(taken, edit)))) continue;
    if (edits.every((edit) => text.slice(edit.range.start, edit.range.end) === edit.text)) continue;
    accepted.push(...edits);
    applied++;
  }
  accepted.sort((a, b) => b.range.start - a.range.start);
  let fixed = text;
  for (const edit of accepted) fixed = fixed.slice(0, edit.range.start) + edit.text + fixed.slice(edit.range.end);
  return { text: fixed, applied };
}

/** Touching ranges overlap when either is an insertion at the other's boundary: its order would be ambiguous. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.range.start === a.range.end || b.range.start === b.range.end) return a.range.start <= b.range.end && b.range.start <= a.range.end;
  return a.range.start < b.range.end && b.range.start < a.range.end;
}
