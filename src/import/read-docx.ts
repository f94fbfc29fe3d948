/**
 * Reads .docx through mammoth's HTML (tables keep rowspan/colspan): paragraphs become text rows, each table row a
 * table row on one grid. A cell spanning rows is copied into each row it spans, marked as merged.
 */
import type { ChildNode, Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import mammoth from 'mammoth';
import type { LocalizedText } from '../types.js';
import type { SourceCell, SourceDocument, SourceRow } from './source-model.js';

export type DocxRead = { ok: true; document: SourceDocument } | { ok: false; message: LocalizedText };

export async function readDocxDocument(filePath: string, bytes: Uint8Array): Promise<DocxRead> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: { zh: `无法读取 Word 文件：${reason}`, en: `cannot read the Word file: ${reason}` } };
  }
  const reader = new DocxRowReader();
  for (const node of parseDocument(html).children) reader.visit(node);
  return { ok: true, document: { filePath, format: 'docx', columnsReliable: true, rows: reader.rows } };
}

class DocxRowReader {
  readonly rows: SourceRow[] = [];
  private paragraphCount = 0;
  private tableCount = 0;

  visit(node: ChildNode): void {
    if (!DomUtils.isTag(node)) return;
    if (node.name === 'table') this.table(node);
    else if (/^h[1-6]$/.test(node.name)) this.paragraph(node, 'heading');
    else if (node.name === 'ul' || node.name === 'ol') {
      for (const item of DomUtils.getElementsByTagName('li', node.children, false)) this.paragraph(item, 'list-item');
    } else this.paragraph(node);
  }

  private paragraph(element: Element, marker?: SourceRow['marker']): void {
    this.paragraphCount += 1;
    const text = DomUtils.textContent(element).trim();
    if (text === '') return;
    const position = { kind: 'docx-paragraph' as const, paragraph: this.paragraphCount };
    this.rows.push({ cells: [{ text, column: 0, position }], position, kind: 'text', ...(marker ? { marker } : {}), segment: 0 });
  }

  private table(table: Element): void {
    this.tableCount += 1;
    const tableNumber = this.tableCount;
    /** cells carried into later rows by rowspan, by row index then column */
    const spanned = new Map<number, Map<number, SourceCell | null>>();
    ownRows(table).forEach((tr, rowIndex) => {
      const carried = spanned.get(rowIndex) ?? new Map<number, SourceCell | null>();
      const cells: SourceCell[] = [];
      let column = 0;
      const takeCarried = (): void => {
        while (carried.has(column)) {
          const copy = carried.get(column);
          if (copy) cells.push({ ...copy, column, mergedFromAbove: true });
          column += 1;
        }
      };
      DomUtils.getChildren(tr)
        .filter((child): child is Element => DomUtils.isTag(child) && (child.name === 'td' || child.name === 'th'))
        .forEach((td, cellIndex) => {
          takeCarried();
          const colspan = positiveInteger(td.attribs.colspan);
          const rowspan = positiveInteger(td.attribs.rowspan);
          const text = cellText(td);
          const cell: SourceCell = { text, column, position: { kind: 'docx-table', table: tableNumber, row: rowIndex + 1, cell: cellIndex + 1 } };
          if (text !== '') cells.push(cell);
          for (let below = 1; below < rowspan; below += 1) {
            const row = spanned.get(rowIndex + below) ?? new Map<number, SourceCell | null>();
            for (let offset = 0; offset < colspan; offset += 1) row.set(column + offset, offset === 0 && text !== '' ? cell : null);
            spanned.set(rowIndex + below, row);
          }
          column += colspan;
        });
      takeCarried();
      for (const [carriedColumn, copy] of carried) {
        if (carriedColumn > column && copy) cells.push({ ...copy, column: carriedColumn, mergedFromAbove: true });
      }
      if (cells.length > 0) {
        cells.sort((a, b) => a.column - b.column);
        this.rows.push({ cells, position: cells[0].position, kind: 'table', segment: 0 });
      }
    });
  }
}

/** The table's own rows, not those of tables nested in its cells. */
function ownRows(table: Element): Element[] {
  return DomUtils.getElementsByTagName('tr', table.children, true).filter((tr) => closestTable(tr) === table);
}

function closestTable(element: Element): Element | null {
  let parent = element.parent;
  while (parent && !(DomUtils.isTag(parent) && parent.name === 'table')) parent = parent.parent;
  return parent && DomUtils.isTag(parent) ? parent : null;
}

/** A cell's paragraphs, one per line. */
function cellText(td: Element): string {
  const paragraphs = DomUtils.getElementsByTagName('p', td.children, true);
  const parts = paragraphs.length > 0 ? paragraphs.map((p) => DomUtils.textContent(p).trim()) : [DomUtils.textContent(td).trim()];
  return parts.filter((part) => part !== '').join('\n');
}

function positiveInteger(attribute: string | undefined): number {
  const value = Number(attribute);
  return Number.isInteger(value) && value > 0 ? value : 1;
}
