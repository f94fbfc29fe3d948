/**
 * Reads text as extracted from PDF or Word. Two table layouts occur: one row per line with tab-separated cells
 * (markdown-style `#` headings and `- ` items around them), and one cell per line, each led by a tab, rows
 * separated by blank lines, a cell's own line breaks continuing without a tab.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import type { LocalizedText } from '../types.js';
import { decodeBytes } from '../source/decode.js';
import type { SourceCell, SourceDocument, SourceRow } from './source-model.js';

export type TextRead = { ok: true; document: SourceDocument } | { ok: false; message: LocalizedText };

export function readTextDocument(filePath: string, bytes: Uint8Array): TextRead {
  const text = decodeText(bytes);
  if (text === undefined) {
    return { ok: false, message: { zh: '无法识别文本编码（应为 UTF-8 或 GB18030）', en: 'unknown text encoding (expected UTF-8 or GB18030)' } };
  }
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const rows = isCellPerLine(lines) ? cellPerLineRows(lines) : tabSeparatedRows(lines);
  return { ok: true, document: { filePath, format: 'text', columnsReliable: false, rows } };
}

/** UTF-8 first; text saved by Chinese Windows tools is often GB18030 instead. */
function decodeText(bytes: Uint8Array): string | undefined {
  const utf8 = decodeBytes(bytes);
  if (utf8.ok) return utf8.text;
  if (utf8.reason !== 'invalid-utf8') return undefined;
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Most lines with a tab hold exactly one, at their start. */
function isCellPerLine(lines: readonly string[]): boolean {
  const tabbed = lines.filter((line) => line.includes('\t'));
  const leadingOnly = tabbed.filter((line) => /^\t[^\t]*$/.test(line));
  return tabbed.length > 0 && leadingOnly.length >= 0.9 * tabbed.length;
}

function tabSeparatedRows(lines: readonly string[]): SourceRow[] {
  const rows: SourceRow[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const lineNumber = index + 1;
    if (!line.includes('\t')) {
      rows.push(textRow(line, lineNumber));
      return;
    }
    const cells: SourceCell[] = [];
    let offset = 0;
    line.split('\t').forEach((raw, column) => {
      const text = cellText(raw);
      const leading = raw.length - raw.trimStart().length;
      if (text !== '') cells.push({ text, column, position: { kind: 'text', line: lineNumber, column: offset + leading + 1 } });
      offset += raw.length + 1;
    });
    if (cells.length > 0) rows.push({ cells, position: cells[0].position, kind: 'table', segment: 0 });
  });
  return rows;
}

/** In this layout a line holding only a tab is an empty cell, not a blank line. */
function isBlankLine(line: string): boolean {
  return /^[ \u3000]*$/.test(line);
}

function cellPerLineRows(lines: readonly string[]): SourceRow[] {
  const rows: SourceRow[] = [];
  let index = 0;
  while (index < lines.length) {
    if (isBlankLine(lines[index])) {
      index += 1;
      continue;
    }
    const start = index;
    while (index < lines.length && !isBlankLine(lines[index])) index += 1;
    rows.push(...rowsOfGroup(lines.slice(start, index), start + 1));
  }
  return rows;
}

/** A run of non-blank lines: paragraphs until the first tab-led line, then one table row. */
function rowsOfGroup(group: readonly string[], firstLineNumber: number): SourceRow[] {
  const rows: SourceRow[] = [];
  const tableStart = group.findIndex((line) => line.startsWith('\t'));
  const paragraphs = tableStart === -1 ? group : group.slice(0, tableStart);
  paragraphs.forEach((line, offset) => rows.push(textRow(line, firstLineNumber + offset)));
  if (tableStart === -1) return rows;

  const raw: Array<{ text: string; line: number }> = [];
  group.slice(tableStart).forEach((line, offset) => {
    const lineNumber = firstLineNumber + tableStart + offset;
    if (line.startsWith('\t')) raw.push({ text: line.slice(1), line: lineNumber });
    else raw[raw.length - 1].text += `\n${line}`;
  });
  const cells: SourceCell[] = [];
  raw.forEach((cell, column) => {
    const text = cellText(cell.text);
    if (text !== '') cells.push({ text, column, position: { kind: 'text', line: cell.line, column: 2 } });
  });
  if (cells.length > 0) rows.push({ cells, position: cells[0].position, kind: 'table', segment: 0 });
  return rows;
}

function textRow(line: string, lineNumber: number): SourceRow {
  const heading = /^\s*#{1,6}\s+/.exec(line);
  const item = heading ? null : /^\s*[-*+]\s+/.exec(line);
  const markup = heading ?? item;
  const text = cellText(markup ? line.slice(markup[0].length) : line);
  const column = (markup ? markup[0].length : line.length - line.trimStart().length) + 1;
  return {
    cells: [{ text, column: 0, position: { kind: 'text', line: lineNumber, column } }],
    position: { kind: 'text', line: lineNumber, column },
    kind: 'text',
    ...(heading ? { marker: 'heading' as const } : item ? { marker: 'list-item' as const } : {}),
    segment: 0,
  };
}

/** Trims a cell; HTML paragraphs that some exports leave in a cell (`<p>1、…</p> <p>2、…</p>`) become lines. */
function cellText(raw: string): string {
  const trimmed = raw.trim();
  if (!/<p[\s>]/i.test(trimmed)) return trimmed;
  const dom = parseDocument(trimmed);
  const paragraphs = DomUtils.getElementsByTagName('p', dom.children).map((p) => DomUtils.textContent(p).trim());
  return paragraphs.filter((paragraph) => paragraph !== '').join('\n');
}
