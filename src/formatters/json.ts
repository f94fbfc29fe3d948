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
  const messages: EslintMessage[] = [];
  let errorCount = 0;
  let warningCount = 0;
  let fatalErrorCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  // one pass: a file's findings are converted and counted together
  for (const finding of result.findings) {
    const message = toEslintMessage(finding, result.source);
    messages.push(message);
    if (message.fatal === true) fatalErrorCount++;
    if (message.severity === 2) {
      errorCount++;
      if (message.fix !== undefined) fixableErrorCount++;
    } else {
      warningCount++;
      if (message.fix !== undefined) fixableWarningCount++;
    }
  }
  return {
    filePath: absolutePath(result.filePath, context.cwd),
    messages,
    suppressedMessages: [],
    errorCount,
    fatalErrorCount,
    warningCount,
    fixableErrorCount,
    fixableWarningCount,
    usedDeprecatedRules: [],
  };
}

/** Optional members are set only when present, in ESLint's order (the JSON keeps insertion order). */
function toEslintMessage(finding: Finding, source: string | undefined): EslintMessage {
  const fix = finding.fix === undefined ? undefined : toEslintFix(finding.fix, source);
  const suggestions = finding.suggestions === undefined ? undefined : toEslintSuggestions(finding.suggestions, source);
  const message: EslintMessage = { ruleId: finding.ruleId, severity: eslintSeverity(finding.severity) } as EslintMessage;
  if (finding.severity === 'info') message.ptlintSeverity = 'info';
  message.message = finding.message;
  message.line = finding.start.line;
  message.column = finding.start.column;
  if (finding.messageId !== undefined) message.messageId = finding.messageId;
  message.endLine = finding.end.line;
  message.endColumn = finding.end.column;
  if (fix !== undefined) message.fix = fix;
  if (suggestions !== undefined && suggestions.length > 0) message.suggestions = suggestions;
  if (finding.ruleId === 'parse-error') message.fatal = true;
  return message;
}

function eslintSeverity(severity: Severity): 1 | 2 {
  return severity === 'error' ? 2 : 1;
}

function toEslintSuggestions(found: NonNullable<Finding['suggestions']>, source: string | undefined): EslintSuggestion[] {
  const suggestions: EslintSuggestion[] = [];
  for (const suggestion of found) {
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
  if (fix.edits.length === 1) {
    const only = fix.edits[0];
    return { range: [only.range.start, only.range.end], text: only.text };
  }
  const edits = [...fix.edits].sort((a, b) => a.range.start - b.range.start);
  const first = edits[0];
  if (first === undefined) return undefined;
  if (source === undefined) return undefined;
  let text = '';
  let cursor = first.range.start;
  for (const edit of edits) {
    text += source.slice(cursor, edit.range.start) + edit.text;
    cursor = edit.range.end;
  }
  return { range: [first.range.start, cursor], text };
}
