import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position as LspPosition, Range as LspRange } from 'vscode-languageserver/node';
import type { Position, SourceRange } from '../types.js';

/*
 * The only place where ptlint positions become LSP positions. Both count UTF-16 code units; ptlint's lines and
 * columns are 1-based, LSP's are 0-based.
 */

export function toLspPosition(position: Position): LspPosition {
  return { line: position.line - 1, character: position.column - 1 };
}

export function toLspRange(start: Position, end: Position): LspRange {
  return { start: toLspPosition(start), end: toLspPosition(end) };
}

/** Converts offsets into the text a lint result refers to (`FileResult.source`), e.g. for the edits of a fix. */
export class OffsetConverter {
  private readonly text: TextDocument;

  constructor(source: string) {
    this.text = TextDocument.create('ptlint:source', 'yaml', 0, source);
  }

  range(range: SourceRange): LspRange {
    return { start: this.text.positionAt(range.start), end: this.text.positionAt(range.end) };
  }
}
