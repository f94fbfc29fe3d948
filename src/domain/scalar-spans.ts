import type { LintDocument } from '../document/lint-document.js';
import { yamlScalarText } from '../edits/scalar-text.js';
import type { Span } from '../values/target.js';
import type { SourceRange, TextEdit, YamlPath } from '../types.js';

/** A replacement inside a scalar's value, in offsets into that value (the parser's spans). */
export interface ValueEdit {
  span: Span;
  text: string;
}

/**
 * Where the text `raw` (a scalar's value, as the 指标值 parser saw it) sits in the document: the scalar itself
 * when plain, inside its quotes when quoted. Undefined when the source does not spell the value character for
 * character (escapes, folded or block scalars), so that no edit is ever computed on shifted offsets.
 */
export function scalarContentRange(document: LintDocument, path: YamlPath, raw: string): SourceRange | undefined {
  return contentWithin(document, document.rangeOf(path), raw);
}

/** scalarContentRange, given the scalar's range. */
function contentWithin(document: LintDocument, range: SourceRange, raw: string): SourceRange | undefined {
  const written = document.text.slice(range.start, range.end);
  if (written === raw) return range;
  const quote = written[0];
  const quoted = (quote === '"' || quote === "'") && written.length >= 2 && written.endsWith(quote);
  if (quoted && written.slice(1, -1) === raw) return { start: range.start + 1, end: range.end - 1 };
  return undefined;
}

/** Applies value edits (non-overlapping) to the value text. */
export function applyValueEdits(raw: string, edits: readonly ValueEdit[]): string {
  return [...edits].sort((a, b) => b.span[0] - a.span[0]).reduce((text, edit) => text.slice(0, edit.span[0]) + edit.text + text.slice(edit.span[1]), raw);
}

/**
 * The document edits that make the scalar at `path` read `applyValueEdits(raw, edits)`. Edits stay inside their
 * spans, so that fixes of different rules on one scalar do not overlap; except when a plain scalar would stop
 * reading back as the same text (`≥10次` → `>=10次` starts with an indicator), where the whole scalar is rewritten,
 * quoted. Undefined when the scalar's source cannot be edited safely (see scalarContentRange).
 */
export function scalarEdits(document: LintDocument, path: YamlPath, raw: string, edits: readonly ValueEdit[]): TextEdit[] | undefined {
  const whole = document.rangeOf(path);
  const content = contentWithin(document, whole, raw);
  if (!content) return undefined;
  const isPlain = content.start === whole.start && content.end === whole.end;
  const result = applyValueEdits(raw, edits);
  if (isPlain && introducesPlainHazard(raw, result)) return [{ range: whole, text: yamlScalarText(result) }];
  return edits.map((edit) => ({ range: { start: content.start + edit.span[0], end: content.start + edit.span[1] }, text: edit.text }));
}

/**
 * Whether the edited text has something a plain scalar may not hold (in block or flow context) that the original,
 * which did read back, did not: a leading indicator, `: `, ` #`, a flow character.
 */
function introducesPlainHazard(before: string, after: string): boolean {
  return PLAIN_HAZARDS.some((hazard) => hazard.test(after) && !hazard.test(before));
}

const PLAIN_HAZARDS: readonly RegExp[] = [/^[-?:,[\]{}#&*!|>'"%@`]/u, /:\s|:$/u, /\s#/u, /[,[\]{}]/u];
