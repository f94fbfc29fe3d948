/**
 * What every reader (plain text, .xlsx, .docx) turns a document into: rows of non-empty cells, each cell knowing
 * where it came from, so later stages can report what they could not map at its source position.
 */
import type { Locale } from '../types.js';

export type SourcePosition =
  /** 1-based line and column of a text file */
  | { kind: 'text'; line: number; column: number }
  /** a worksheet cell, e.g. Sheet1!B7 */
  | { kind: 'sheet'; sheet: string; address: string }
  /** 1-based table, row and cell numbers of a Word document */
  | { kind: 'docx-table'; table: number; row: number; cell: number }
  /** 1-based paragraph number of a Word document, counting paragraphs outside tables */
  | { kind: 'docx-paragraph'; paragraph: number };

export interface SourceCell {
  /** trimmed text; paragraphs inside one cell are separated by "\n" */
  text: string;
  /** 0-based column as the reader saw it; unreliable in plain text extracted from PDF */
  column: number;
  position: SourcePosition;
  /** the value is a copy of a vertically merged cell above it, so the source itself states it for this row */
  mergedFromAbove?: boolean;
  /** what earlier stages inferred about this cell's text, for `# 推断：` comments */
  notes?: string[];
}

export interface SourceRow {
  /** non-empty cells in column order */
  cells: SourceCell[];
  position: SourcePosition;
  /** 'table' rows come from a table (tabs, a sheet, a Word table); 'text' rows are paragraphs */
  kind: 'table' | 'text';
  /** markdown-style markup the text carried: `## 标题` or `- 条目` */
  marker?: 'heading' | 'list-item';
  /** rows of different segments (worksheets) never belong to the same form */
  segment: number;
}

export type SourceFormat = 'text' | 'xlsx' | 'docx';

export interface SourceDocument {
  filePath: string;
  format: SourceFormat;
  /**
   * Whether a cell's column tells which field it belongs to. Spreadsheets and Word tables keep their grid; text
   * extracted from PDF shifts cells left and right around merged cells, so mapping there goes by content.
   */
  columnsReliable: boolean;
  rows: SourceRow[];
}

/** `file:12:3`, `file:Sheet1!B7`, `file:表格2 第3行第1格` (or in English). */
export function describePosition(filePath: string, position: SourcePosition, locale: Locale): string {
  switch (position.kind) {
    case 'text':
      return `${filePath}:${position.line}:${position.column}`;
    case 'sheet':
      return `${filePath}:${position.sheet}!${position.address}`;
    case 'docx-table':
      return locale === 'zh'
        ? `${filePath}:表格${position.table} 第${position.row}行第${position.cell}格`
        : `${filePath}:table ${position.table}, row ${position.row}, cell ${position.cell}`;
    case 'docx-paragraph':
      return locale === 'zh' ? `${filePath}:第${position.paragraph}段` : `${filePath}:paragraph ${position.paragraph}`;
  }
}

/** The position as a comment names it in a written filing: `第44行`, `Sheet1!A1`, `表格2 第3行`. */
export function shortPosition(position: SourcePosition): string {
  switch (position.kind) {
    case 'text':
      return `第${position.line}行`;
    case 'sheet':
      return `${position.sheet}!${position.address}`;
    case 'docx-table':
      return `表格${position.table} 第${position.row}行`;
    case 'docx-paragraph':
      return `第${position.paragraph}段`;
  }
}

export function rowText(row: SourceRow): string {
  return row.cells.map((cell) => cell.text).join(' ');
}

/** The text of a row that holds exactly one cell, else undefined. */
export function singleCellText(row: SourceRow): string | undefined {
  return row.cells.length === 1 ? row.cells[0].text : undefined;
}
