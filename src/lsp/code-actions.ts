import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { FileResult, Finding, Fix, Locale, TextEdit } from '../types.js';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from './diagnostics.js';
import { lspMessage } from './lsp-messages.js';
import { OffsetConverter } from './positions.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.ptlint`;

export interface CodeActionRequest {
  uri: string;
  /** the diagnostics the editor asks about (from the code-action context) */
  diagnostics: readonly Diagnostic[];
  /** the kinds the editor asks for; all when absent */
  only?: readonly string[];
}

/**
 * Quick fixes, suggestions and "disable for this line" for the findings behind the given diagnostics, and fix-all.
 * `result` must be the lint of the document's current text: fixes are offsets into it.
 */
export function codeActionsFor(request: CodeActionRequest, result: FileResult, locale: Locale): CodeAction[] {
  const source = result.source ?? '';
  const converter = new OffsetConverter(source);
  const editsOf = (fix: Fix): LspTextEdit[] => fix.edits.map((edit) => ({ range: converter.range(edit.range), newText: edit.text }));
  const actions: CodeAction[] = [];
  if (wants(request.only, CodeActionKind.QuickFix)) {
    for (const diagnostic of request.diagnostics) {
      const finding = findingOf(diagnostic, result);
      if (!finding) continue;
      if (finding.fix) {
        actions.push(quickFix(lspMessage('applyFix', locale, { message: finding.message }), diagnostic, request.uri, editsOf(finding.fix), true));
      }
      for (const suggestion of finding.suggestions ?? []) {
        actions.push(quickFix(suggestion.message, diagnostic, request.uri, editsOf(suggestion.fix), false));
      }
      if (finding.ruleId !== 'unused-suppression') {
        const title = lspMessage('disableForLine', locale, { rule: finding.ruleId });
        actions.push(quickFix(title, diagnostic, request.uri, [disableNextLineEdit(source, finding)], false));
      }
    }
  }
  if (wants(request.only, FIX_ALL_KIND)) {
    const fixes = nonOverlappingFixes(result.findings);
    if (fixes.length > 0) {
      actions.push({ title: lspMessage('fixAll', locale), kind: FIX_ALL_KIND, edit: { changes: { [request.uri]: fixes.flatMap(editsOf) } } });
    }
  }
  return actions;
}

/** The fixes `--fix` would apply in one pass: in document order, each skipped if it touches text an earlier one edits. */
export function nonOverlappingFixes(findings: readonly Finding[]): Fix[] {
  const fixes = findings
    .flatMap((finding) => (finding.fix && finding.fix.edits.length > 0 ? [finding.fix] : []))
    .sort((a, b) => firstStart(a) - firstStart(b));
  const taken: TextEdit[] = [];
  const chosen: Fix[] = [];
  for (const fix of fixes) {
    if (fix.edits.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    taken.push(...fix.edits);
    chosen.push(fix);
  }
  return chosen;
}

/** `# ptlint-disable-next-line <id> -- ` above the finding's first line, indented like it; the reason is left to write. */
function disableNextLineEdit(source: string, finding: Finding): LspTextEdit {
  const lineIndex = finding.start.line - 1;
  const lineText = source.split('\n')[lineIndex] ?? '';
  const indentation = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const lineBreak = source.includes('\r\n') ? '\r\n' : '\n';
  const position = { line: lineIndex, character: 0 };
  return { range: { start: position, end: position }, newText: `${indentation}# ptlint-disable-next-line ${finding.ruleId} -- ${lineBreak}` };
}

function quickFix(title: string, diagnostic: Diagnostic, uri: string, edits: LspTextEdit[], isPreferred: boolean): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: { changes: { [uri]: edits } } };
}

function findingOf(diagnostic: Diagnostic, result: FileResult): Finding | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const fingerprint = (diagnostic.data as Partial<DiagnosticData> | undefined)?.fingerprint;
  return fingerprint === undefined ? undefined : result.findings.find((finding) => finding.fingerprint === fingerprint);
}

/** Whether a code-action kind was asked for: `only` holds kinds and their parents (`source` covers `source.fixAll.ptlint`). */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

function firstStart(fix: Fix): number {
  return Math.min(...fix.edits.map((edit) => edit.range.start));
}

/** Two insertions at one point overlap too: their order would be arbitrary. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  return (a.range.start < b.range.end && b.range.start < a.range.end) || a.range.start === b.range.start;
}
