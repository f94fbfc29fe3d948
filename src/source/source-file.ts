import { LineCounter } from 'yaml';
import type { Position, SourceRange } from '../types.js';

/**
 * Decoded text of one file plus the line table every later stage uses to turn offsets into positions.
 * Line/column are derived here and nowhere else.
 */
export class SourceFile {
  readonly lineCounter: LineCounter;

  /** Pass the LineCounter the YAML parser already filled for this text; otherwise the lines are scanned here. */
  constructor(
    readonly filePath: string,
    readonly text: string,
    filledLineCounter?: LineCounter,
  ) {
    if (filledLineCounter) {
      this.lineCounter = filledLineCounter;
    } else {
      this.lineCounter = new LineCounter();
      this.lineCounter.addNewLine(0);
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineCounter.addNewLine(i + 1);
    }
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const { line, col } = this.lineCounter.linePos(clamped);
    return { line: Math.max(line, 1), column: Math.max(col, 1) };
  }

  /** Range of the whole line holding `offset`, without its line break. */
  lineRange(offset: number): SourceRange {
    const start = this.text.lastIndexOf('\n', offset - 1) + 1;
    let end = this.text.indexOf('\n', offset);
    if (end === -1) end = this.text.length;
    if (end > start && this.text[end - 1] === '\r') end -= 1;
    return { start, end };
  }

  /** 0-based line index → offset of its first character. */
  lineStart(lineIndex: number): number {
    return this.lineCounter.lineStarts[lineIndex] ?? this.text.length;
  }
}
