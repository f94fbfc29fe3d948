import type { Finding, Severity } from '../types.js';
import { relativePath } from './shared.js';
import { streamingFormatter, type CreateReportWriter } from './streaming/report-writer.js';

const COMMANDS: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub Actions workflow commands, one annotation per finding; nothing when there are none. */
export const createWriter: CreateReportWriter = (context) => ({
  begin: () => '',
  unit: (results) =>
    results
      .flatMap((result) =>
        result.findings.map((finding) => annotation(finding, relativePath(result.filePath, context.cwd))),
      )
      .map((line) => `${line}\n`)
      .join(''),
  end: () => [],
  dispose() {},
});

export const format = streamingFormatter(createWriter);

function annotation(finding: Finding, file: string): string {
  const properties = [
    ['file', file],
    ['line', String(finding.start.line)],
    ['col', String(finding.start.column)],
    ['endLine', String(finding.end.line)],
    ['endColumn', String(finding.end.column)],
    ['title', finding.ruleId],
  ]
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  return `::${COMMANDS[finding.severity]} ${properties}::${escapeData(finding.message)}`;
}

/** As @actions/core escapes command data. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** As @actions/core escapes command properties: data escaping plus `:` and `,`. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
