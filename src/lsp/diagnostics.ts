import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding, Locale, RuleMeta, Severity, SetupProblem } from '../types.js';
import { lspMessage } from './lsp-messages.js';
import { toLspPosition, toLspRange } from './positions.js';

export const DIAGNOSTIC_SOURCE = 'ptlint';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a diagnostic carries back to the server in code-action requests. */
export interface DiagnosticData {
  fingerprint: string;
}

export function findingToDiagnostic(finding: Finding, meta: RuleMeta | undefined): Diagnostic {
  return {
    range: toLspRange(finding.start, finding.end),
    severity: LSP_SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    ...(meta?.docsUrl ? { codeDescription: { href: meta.docsUrl } } : {}),
    message: finding.message,
    ...(finding.ruleId === 'unused-suppression' ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    ...(finding.related && finding.related.length > 0
      ? {
          relatedInformation: finding.related.map((location) => ({
            location: { uri: pathToFileURL(location.filePath).href, range: toLspRange(location.start, location.end) },
            message: location.message || finding.message,
          })),
        }
      : {}),
    data: { fingerprint: finding.fingerprint } satisfies DiagnosticData,
  };
}

/**
 * Problems that stop the run (a broken config or rule file). Those inside `filePath` sit where they are; the others
 * become one diagnostic at the top of the document, pointing at each problem.
 */
export function setupProblemsToDiagnostics(problems: readonly SetupProblem[], filePath: string, locale: Locale): Diagnostic[] {
  const own = problems.filter((problem) => problem.filePath === filePath);
  const elsewhere = problems.filter((problem) => problem.filePath !== filePath);
  const diagnostics: Diagnostic[] = own.map((problem) => {
    const start = problem.start ? toLspPosition(problem.start) : { line: 0, character: 0 };
    return { range: { start, end: start }, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, code: problem.code, message: problem.message[locale] };
  });
  if (elsewhere.length > 0) {
    diagnostics.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Error,
      source: DIAGNOSTIC_SOURCE,
      code: elsewhere[0].code,
      message: lspMessage('setupFailed', locale, { problems: elsewhere.map((problem) => problem.message[locale]).join('; ') }),
      relatedInformation: elsewhere.map((problem) => {
        const start = problem.start ? toLspPosition(problem.start) : { line: 0, character: 0 };
        return { location: { uri: pathToFileURL(problem.filePath).href, range: { start, end: start } }, message: problem.message[locale] };
      }),
    });
  }
  return diagnostics;
}
