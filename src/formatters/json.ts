import type { FileResult, Finding, Fix, FormatContext, Severity } from '../types.js';
import { absolutePath } from './shared.js';
import { streamingFormatter, type CreateReportWriter } from './streaming/report-writer.js';

/** ESLint's `Rule.Fix`: one replacement of the source range [start, end). */
interface EslintFix {
  range: [number, number];
  text: string;
}

interface EslintSuggestion {
  desc: string;
  fix: EslintFix;
}

interface EslintMessage {
  ruleId: string;
  severity: 1 | 2;
  /** ESLint has no "info" level; infos are written as severity 1 and marked here. */
  ptlintSeverity?: 'info';
  message: string;
  line: number;
  column: number;
  messageId?: string;
  endLine: number;
  endColumn: number;
  fix?: EslintFix;
  suggestions?: EslintSuggestion[];
  fatal?: true;
}

interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  suppressedMessages: EslintMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  usedDeprecatedRules: never[];
}

/**
 * The shape of ESLint's `json` formatter (an array of LintResult, on one line), so tools that read
 * ESLint output read ptlint's. Suppressed findings never reach formatters, hence the empty list.
 */
export const createWriter: CreateReportWriter = (context) => {
  let written = 0;
  return {
    begin: () => '[',
    unit: (results) =>
      results.map((result) => `${written++ === 0 ? '' : ','}${JSON.stringify(toEslintResult(result, context))}`).join(''),
    end: () => [']'],
    dispose() {},
  };
};

export const format = streamingFormatter(createWriter);

function toEslintResult(result: FileResult, context: FormatContext): EslintResult {
  const messages = result.findings.map((finding) => toEslintMessage(finding, result.source));
  const errors = messages.filter((message) => message.severity === 2);
  const warnings = messages.filter((message) => message.severity === 1);
  return {
    filePath: absolutePath(result.filePath, context.cwd),
    messages,
    suppressedMessages: [],
    errorCount: errors.length,
    fatalErrorCount: messages.filter((message) => message.fatal === true).length,
    warningCount: warnings.length,
    fixableErrorCount: errors.filter((message) => message.fix !== undefined).length,
    fixableWarningCount: warnings.filter((message) => message.fix !== undefined).length,
    usedDeprecatedRules: [],
  };
}

function toEslintMessage(finding: Finding, source: string | undefined): EslintMessage {
  const fix = finding.fix === undefined ? undefined : toEslintFix(finding.fix, source);
  const suggestions = toEslintSuggestions(finding, source);
  return {
    ruleId: finding.ruleId,
    severity: eslintSeverity(finding.severity),
    ...(finding.severity === 'info' ? { ptlintSeverity: 'info' as const } : {}),
    message: finding.message,
    line: finding.start.line,
    column: finding.start.column,
    ...(finding.messageId === undefined ? {} : { messageId: finding.messageId }),
    endLine: finding.end.line,
    endColumn: finding.end.column,
    ...(fix === undefined ? {} : { fix }),
    ...(suggestions.length === 0 ? {} : { suggestions }),
    ...(finding.ruleId === 'parse-error' ? { fatal: true as const } : {}),
  };
}

function eslintSeverity(severity: Severity): 1 | 2 {
  return severity === 'error' ? 2 : 1;
}

function toEslintSuggestions(finding: Finding, source: string | undefined): EslintSuggestion[] {
  const suggestions: EslintSuggestion[] = [];
  for (const suggestion of finding.suggestions ?? []) {
    const fix = toEslintFix(suggestion.fix, source);
    if (fix !== undefined) suggestions.push({ desc: suggestion.message, fix });
  }
  return suggestions;
}

/**
 * ESLint carries one replacement per fix. Several edits are merged the way ESLint merges fixes,
 * filling the gaps with the original text; without the source that is impossible, so no fix.
 */
function toEslintFix(fix: Fix, source: string | undefined): EslintFix | undefined {
  const edits = [...fix.edits].sort((a, b) => a.range.start - b.range.start);
  const first = edits[0];
  if (first === undefined) return undefined;
  if (edits.length === 1) return { range: [first.range.start, first.range.end], text: first.text };
  if (source === undefined) return undefined;
  let text = '';
  let cursor = first.range.start;
  for (const edit of edits) {
    text += source.slice(cursor, edit.range.start) + edit.text;
    cursor = edit.range.end;
  }
  return { range: [first.range.start, cursor], text };
}
