import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { GRID_WIDTH, type FormGrid, type GridCell } from './form-grid.js';

/** Grid positions hidden under a span that starts above or to their left, as `row,column`. */
function coveredPositions(grid: FormGrid): Set<string> {
  const covered = new Set<string>();
  grid.rows.forEach((row, rowIndex) =>
    row.forEach((cell, column) => {
      if (!cell) return;
      for (let down = 0; down < (cell.rowSpan ?? 1); down += 1) {
        for (let right = 0; right < (cell.colSpan ?? 1); right += 1) {
          if (down > 0 || right > 0) covered.add(`${rowIndex + down},${column + right}`);
        }
      }
    }),
  );
  return covered;
}

/** A workbook with one worksheet per entry, each holding its forms one under another. */
export async function formsWorkbook(sheets: ReadonlyArray<{ name: string; forms: readonly FormGrid[] }>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const { name, forms } of sheets) {
    const sheet = workbook.addWorksheet(name);
    let top = 1;
    for (const form of forms) {
      sheet.getCell(top, 1).value = form.title;
      sheet.mergeCells(top, 1, top, GRID_WIDTH);
      sheet.getCell(top + 1, 1).value = form.year;
      sheet.mergeCells(top + 1, 1, top + 1, GRID_WIDTH);
      form.rows.forEach((row, rowIndex) =>
        row.forEach((cell, column) => {
          if (!cell) return;
          const target = sheet.getCell(top + 2 + rowIndex, column + 1);
          target.value = cell.value;
          if (cell.numFmt) target.numFmt = cell.numFmt;
          if ((cell.rowSpan ?? 1) > 1 || (cell.colSpan ?? 1) > 1) {
            sheet.mergeCells(top + 2 + rowIndex, column + 1, top + 2 + rowIndex + (cell.rowSpan ?? 1) - 1, column + (cell.colSpan ?? 1));
          }
        }),
      );
      top += form.rows.length + 3;
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type DocumentBlock = { paragraphs: readonly string[] } | { form: FormGrid };

/** A Word document of paragraphs and forms (title and year as paragraphs, then the table), in order. */
export async function formsDocument(blocks: readonly DocumentBlock[]): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [];
  for (const block of blocks) {
    if ('paragraphs' in block) {
      children.push(...block.paragraphs.map((text) => new Paragraph({ text })));
      continue;
    }
    children.push(new Paragraph({ text: block.form.title }), new Paragraph({ text: block.form.year }), formTable(block.form));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

function formTable(form: FormGrid): Table {
  const covered = coveredPositions(form);
  const rows = form.rows.map(
    (row, rowIndex) =>
      new TableRow({
        children: row.flatMap((cell, column) => (covered.has(`${rowIndex},${column}`) ? [] : [tableCell(cell)])),
      }),
  );
  return new Table({ rows });
}

function tableCell(cell: GridCell | null): TableCell {
  const lines = cell === null ? [''] : String(cell.numFmt ? formatAsShown(cell) : cell.value).split('\n');
  return new TableCell({
    children: lines.map((text) => new Paragraph({ text })),
    ...(cell?.rowSpan && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
    ...(cell?.colSpan && cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
  });
}

/** Word has no number formats: the number is typed as the spreadsheet would show it. */
function formatAsShown(cell: GridCell): string {
  return Number(cell.value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
