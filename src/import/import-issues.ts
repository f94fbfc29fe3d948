import type { LocalizedText } from '../types.js';
import type { SourceCell, SourcePosition, SourceRow } from './source-model.js';

/**
 * Something the importer could not carry into a filing, or did on a guess worth a reviewer's look. Collected with
 * its source position, never thrown: one odd cell must not stop the other forms of a document from importing.
 */
export interface ImportIssue {
  /** 'unmapped' content is missing from the output (`--strict` fails on it); a 'note' only explains a choice */
  severity: 'unmapped' | 'note';
  filePath: string;
  position: SourcePosition;
  message: LocalizedText;
}

/** Collects the issues of one document; stages receive it instead of returning issue lists of their own. */
export class IssueCollector {
  readonly issues: ImportIssue[] = [];

  constructor(readonly filePath: string) {}

  unmapped(position: SourcePosition, message: LocalizedText): void {
    this.issues.push({ severity: 'unmapped', filePath: this.filePath, position, message });
  }

  note(position: SourcePosition, message: LocalizedText): void {
    this.issues.push({ severity: 'note', filePath: this.filePath, position, message });
  }

  /** Reports each cell as content the importer found no place for, quoting it. */
  unmappedCells(cells: readonly SourceCell[], where: LocalizedText): void {
    for (const cell of cells) {
      this.unmapped(cell.position, {
        zh: `未能映射${where.zh}的内容“${excerpt(cell.text)}”`,
        en: `could not map “${excerpt(cell.text)}” ${where.en}`,
      });
    }
  }

  unmappedRows(rows: readonly SourceRow[], where: LocalizedText): void {
    for (const row of rows) this.unmappedCells(row.cells, where);
  }
}

/** The first 40 characters of a cell, on one line. */
function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
}
