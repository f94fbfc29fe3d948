import type { Position, SourceRange } from '../types.js';

/**
 * Decoded text of one file plus the line table every later stage uses to turn offsets into positions.
 * Line/column are derived here and nowhere else. Lines end at LF, CRLF or a lone CR — the same breaks YAML and
 * the Language Server Protocol count — and the table is built from the text itself, so positions stay right
 * even where the YAML parser gave up part-way through a line.
 */
export class SourceFile {
  /** offset of the first character of each line */
  readonly lineStarts: readonly number[];

  constructor(
    readonly filePath: string,
    readonly text: string,
  ) {
    const starts = [0];
    for (let index = 0; index < text.length; index++) {
      const char = text.charCodeAt(index);
      if (char === 10) starts.push(index + 1);
      else if (char === 13 && text.charCodeAt(index + 1) !== 10) starts.push(index + 1);
    }
    this.lineStarts = starts;
  }

  /**
   * 1-based line and UTF-16 column of an offset. An offset between the CR and LF of a line break counts as the
   * end of that line.
   */
  position(offset: number): Position {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    if (clamped > 0 && this.text.charCodeAt(clamped - 1) === 13 && this.text.charCodeAt(clamped) === 10) clamped -= 1;
    const lineIndex = this.lineIndexOf(clamped);
    return { line: lineIndex + 1, column: clamped - this.lineStarts[lineIndex] + 1 };
  }

  /** Range of the whole line holding `offset`, without its line break. */
  lineRange(offset: number): SourceRange {
    const lineIndex = this.lineIndexOf(Math.max(0, Math.min(offset, this.text.length)));
    const start = this.lineStarts[lineIndex];
    let end = lineIndex + 1 < this.lineStarts.length ? this.lineStarts[lineIndex + 1] : this.text.length;
    while (end > start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end -= 1;
    return { start, end };
  }

  /** 0-based line index → offset of its first character. */
  lineStart(lineIndex: number): number {
    return this.lineStarts[lineIndex] ?? this.text.length;
  }

  private lineIndexOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}
