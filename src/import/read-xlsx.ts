/**
 * Reads .xlsx workbooks with exceljs: every worksheet in order, each its own segment. A vertically merged cell is
 * copied into the rows it spans (marked, since the sheet states it for each of them); the other cells a merge
 * covers are left empty so a value spread across columns is read once.
 */
import { Decimal } from 'decimal.js';
import ExcelJS from 'exceljs';
import type { LocalizedText } from '../types.js';
import type { SourceCell, SourceDocument, SourceRow } from './source-model.js';

export type XlsxRead = { ok: true; document: SourceDocument } | { ok: false; message: LocalizedText };

export async function readXlsxDocument(filePath: string, bytes: Uint8Array): Promise<XlsxRead> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(arrayBufferOf(bytes));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: { zh: `无法读取 Excel 文件：${reason}`, en: `cannot read the Excel file: ${reason}` } };
  }
  const rows: SourceRow[] = [];
  workbook.worksheets.forEach((sheet, segment) => rows.push(...sheetRows(sheet, segment)));
  return { ok: true, document: { filePath, format: 'xlsx', columnsReliable: true, rows } };
}

/** exceljs types its input as an ArrayBuffer; JSZip underneath reads one as well as a Node Buffer. */
function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

function sheetRows(sheet: ExcelJS.Worksheet, segment: number): SourceRow[] {
  const rows: SourceRow[] = [];
  for (let rowNumber = 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    const cells: SourceCell[] = [];
    for (let columnNumber = 1; columnNumber <= sheet.columnCount; columnNumber += 1) {
      const cell = row.getCell(columnNumber);
      const merge = mergeRole(cell);
      if (merge === 'covered') continue;
      const text = displayText(cell).trim();
      if (text === '') continue;
      cells.push({
        text,
        column: columnNumber - 1,
        position: { kind: 'sheet', sheet: sheet.name, address: cell.address },
        ...(merge === 'below-master' ? { mergedFromAbove: true } : {}),
      });
    }
    if (cells.length > 0) rows.push({ cells, position: cells[0].position, kind: 'table', segment });
  }
  return rows;
}

/** 'below-master': in the master's column under it; 'covered': any other cell of a merge but the master. */
function mergeRole(cell: ExcelJS.Cell): 'none' | 'below-master' | 'covered' {
  if (!cell.isMerged || cell.master.address === cell.address) return 'none';
  return Number(cell.master.col) === Number(cell.col) ? 'below-master' : 'covered';
}

/** What the sheet shows: numbers through their number format, dates as YYYY-MM-DD, formulas by their result. */
function displayText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  const shown = typeof value === 'object' && value !== null && 'result' in value ? value.result : value;
  if (typeof shown === 'number') return formatNumber(shown, cell.numFmt);
  if (shown instanceof Date) return shown.toISOString().slice(0, 10);
  if (shown === null || shown === undefined) return '';
  return cell.text;
}

/**
 * Applies the parts of an Excel number format that change what an amount or target reads as: fixed decimals
 * (`0.00`), thousands separators (`#,##0`) and percent (`0%`). Other formats show the number as stored.
 */
export function formatNumber(value: number, numFmt: string | undefined): string {
  const format = (numFmt ?? '').split(';')[0];
  const percent = format.includes('%');
  const amount = percent ? new Decimal(String(value)).times(100) : new Decimal(String(value));
  const decimals = /[0#]\.(0+)/.exec(format)?.[1].length ?? (/[0#]/.test(format) ? 0 : undefined);
  let text = decimals === undefined ? amount.toString() : amount.toFixed(decimals);
  if (/#,##0|0,000/.test(format)) text = groupThousands(text);
  return percent ? `${text}%` : text;
}

function groupThousands(text: string): string {
  const [integer, fraction] = text.split('.');
  const sign = integer.startsWith('-') ? '-' : '';
  const digits = integer.replace('-', '').replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${digits}${fraction === undefined ? '' : `.${fraction}`}`;
}
