import { Lexer } from 'yaml';
import type { SourceFile } from '../source/source-file.js';
import type { SourceRange } from '../types.js';

/**
 * Inline suppressions written as YAML comments:
 *   # ptlint-disable-next-line rule-a, rule-b -- 理由
 *   # ptlint-disable rule-a -- 理由          (the whole file)
 * Without rule ids a directive covers every rule. Directives that suppress nothing are reported.
 */
export interface Suppression {
  kind: 'next-line' | 'file';
  /** empty = every rule */
  ruleIds: string[];
  reason?: string;
  /** the directive comment itself */
  range: SourceRange;
  /** 1-based line it covers (next-line only) */
  line?: number;
  used: Set<string>;
}

const DIRECTIVE = /^#\s*ptlint-(disable-next-line|disable)(?=\s|$)(.*)$/;

/** Lexer tokens that mark structure without consuming source text. */
const ZERO_WIDTH_TOKENS = new Set(['\x02', '\x18', '\x1f']);

/** Comments of the YAML text with their offsets: a `#` inside a quoted or block scalar is not one. */
function* comments(text: string): Generator<{ text: string; start: number }> {
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (ZERO_WIDTH_TOKENS.has(token)) continue;
    if (token.startsWith('#')) yield { text: token, start: offset };
    offset += token.length;
  }
}

export function findSuppressions(source: SourceFile): Suppression[] {
  const suppressions: Suppression[] = [];
  if (!source.text.includes('ptlint-disable')) return suppressions;
  for (const comment of comments(source.text)) {
    const match = DIRECTIVE.exec(comment.text.trimEnd());
    if (!match) continue;
    const start = comment.start;
    const range = { start, end: start + match[0].length };
    const [body, reason] = splitReason(match[2]);
    const ruleIds = body
      .split(/[\s,，]+/)
      .map((id) => id.trim())
      .filter(Boolean);
    const kind = match[1] === 'disable' ? 'file' : 'next-line';
    const line = kind === 'next-line' ? source.position(start).line + 1 : undefined;
    suppressions.push({ kind, ruleIds, reason, range, line, used: new Set() });
  }
  return suppressions;
}

function splitReason(text: string): [string, string | undefined] {
  const separator = text.indexOf('--');
  if (separator === -1) return [text, undefined];
  return [text.slice(0, separator), text.slice(separator + 2).trim() || undefined];
}

/** The suppression covering a finding of `ruleId` on `line`, marking it used; undefined when none does. */
export function suppressionFor(suppressions: readonly Suppression[], ruleId: string, line: number): Suppression | undefined {
  const covering = suppressions.find(
    (suppression) =>
      (suppression.kind === 'file' || suppression.line === line) && (suppression.ruleIds.length === 0 || suppression.ruleIds.includes(ruleId)),
  );
  if (covering) covering.used.add(ruleId);
  return covering;
}
