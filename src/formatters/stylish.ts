import picocolors from 'picocolors';
import type { FileResult, Finding, FormatContext, Locale, Severity } from '../types.js';
import {
  displayWidth,
  padEndDisplay,
  relativePath,
  severityWord,
} from './shared.js';
import type { SeverityCounts } from '../engine/severity-counts.js';
import { streamingFormatter, type CreateReportWriter } from './streaming/report-writer.js';

type Colors = ReturnType<typeof picocolors.createColors>;

interface Row {
  line: string;
  column: string;
  severity: Severity;
  severityText: string;
  message: string;
  ruleId: string;
}

interface ColumnWidths {
  line: number;
  column: number;
  severity: number;
  message: number;
}

/** ESLint's "stylish" layout; prints nothing when no file has a finding. */
export const createWriter: CreateReportWriter = (context) => {
  const colors = picocolors.createColors(context.color);
  const totals: SeverityCounts = { error: 0, warning: 0, info: 0 };
  let blocks = 0;
  return {
    begin: () => '',
    unit(results) {
      let text = '';
      for (const result of results) {
        if (result.findings.length === 0) continue;
        for (const finding of result.findings) totals[finding.severity] += 1;
        // the blank line that opens the report is written with its first block
        text += `${blocks++ === 0 ? '\n' : ''}${fileBlock(result, context, colors)}`;
      }
      return text;
    },
    end: () => (blocks === 0 ? [] : [`${summary(totals, context.locale, colors)}\n`]),
    dispose() {},
  };
};

export const format = streamingFormatter(createWriter);

function fileBlock(result: FileResult, context: FormatContext, colors: Colors): string {
  const rows = result.findings.map((finding) => toRow(finding, context.locale));
  const widths = columnWidths(rows);
  const lines = rows.map((row) => renderRow(row, widths, colors));
  return `${colors.underline(relativePath(result.filePath, context.cwd))}\n${lines.join('\n')}\n\n`;
}

function toRow(finding: Finding, locale: Locale): Row {
  return {
    line: String(finding.start.line),
    column: String(finding.start.column),
    severity: finding.severity,
    severityText: severityWord(finding.severity, locale),
    message: oneLine(finding.message),
    ruleId: finding.ruleId,
  };
}

/** Rows must stay on one line to keep columns aligned; a final full stop is dropped as ESLint does. */
function oneLine(message: string): string {
  return message
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim()
    .replace(/([^ ])[.。]$/u, '$1');
}

function columnWidths(rows: readonly Row[]): ColumnWidths {
  const widest = (pick: (row: Row) => string): number =>
    Math.max(...rows.map((row) => displayWidth(pick(row))));
  return {
    line: widest((row) => row.line),
    column: widest((row) => row.column),
    severity: widest((row) => row.severityText),
    message: widest((row) => row.message),
  };
}

/** Padding is computed on plain text before colouring, so escape codes never skew the columns. */
function renderRow(row: Row, widths: ColumnWidths, colors: Colors): string {
  const position = `${row.line.padStart(widths.line)}:${row.column.padEnd(widths.column)}`;
  const severity = paintSeverity(row.severity, padEndDisplay(row.severityText, widths.severity), colors);
  const message = padEndDisplay(row.message, widths.message);
  return `  ${colors.dim(position)}  ${severity}  ${message}  ${colors.dim(row.ruleId)}`;
}

function paintSeverity(severity: Severity, text: string, colors: Colors): string {
  if (severity === 'error') return colors.red(text);
  if (severity === 'warning') return colors.yellow(text);
  return colors.blue(text);
}

function summary(counts: SeverityCounts, locale: Locale, colors: Colors): string {
  const text = locale === 'zh' ? summaryZh(counts) : summaryEn(counts);
  const paint = counts.error > 0 ? colors.red : counts.warning > 0 ? colors.yellow : colors.blue;
  return colors.bold(paint(text));
}

function summaryZh(counts: SeverityCounts): string {
  const total = counts.error + counts.warning + counts.info;
  return `✖ ${total} 个问题（${counts.error} 个错误，${counts.warning} 个警告，${counts.info} 个提示）`;
}

function summaryEn(counts: SeverityCounts): string {
  const total = counts.error + counts.warning + counts.info;
  return (
    `✖ ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ` +
    `${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')})`
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
