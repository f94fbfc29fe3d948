/**
 * Formatters write a report unit by unit, so that `ptlint check` never holds a whole run's results: the check
 * action hands each unit's results (a folder's files, in run order) to a ReportWriter and writes the text it
 * returns straight to stdout or the output file. Every formatter also keeps its whole-run form,
 * `format(results, context)`, which is the same writer given all results as one unit — so the two forms cannot
 * drift apart. (This folder holds no formatter: the generated formatter index reads top-level files only.)
 */
import type { FileResult, FormatContext, Formatter } from '../../types.js';

export interface ReportWriter {
  /** the report's opening text */
  begin(): string;
  /** the text for one unit's results, given in run order; a file's results are all in one unit */
  unit(results: readonly FileResult[]): string;
  /**
   * The closing text, in pieces: a report whose head sums up the whole run (html, junit) keeps its body in a
   * spool and replays it here, one piece at a time, so the caller can write each piece before taking the next.
   */
  end(): Iterable<string>;
  /** releases scratch space (a spool's temporary file) when a run stops before `end` is consumed; harmless after */
  dispose(): void;
}

export type CreateReportWriter = (context: FormatContext) => ReportWriter;

/** A whole-run formatter that can also write its report unit by unit (`createWriter`). */
export type StreamingFormatter = Formatter & { readonly createWriter: CreateReportWriter };

/**
 * Builds both forms from one writer. `wholeRunWriter` is for a writer that does better when it can look at every
 * result first (sarif lists rules that only the results mention); by default the whole run uses `createWriter`.
 */
export function streamingFormatter(
  createWriter: CreateReportWriter,
  wholeRunWriter: (results: readonly FileResult[], context: FormatContext) => ReportWriter = (_, context) => createWriter(context),
): StreamingFormatter {
  const format: Formatter = (results, context) => [...writeReport(wholeRunWriter(results, context), [results])].join('');
  return Object.assign(format, { createWriter });
}

/** The pieces of a report written unit by unit. */
export function* writeReport(writer: ReportWriter, units: Iterable<readonly FileResult[]>): Generator<string> {
  try {
    yield writer.begin();
    for (const results of units) yield writer.unit(results);
    yield* writer.end();
  } finally {
    writer.dispose();
  }
}

/**
 * The items of a JSON array written one at a time, byte for byte as `JSON.stringify(array, null, 2)` would lay
 * them out when the array sits at `depth` levels of nesting (0 for a top-level array): JSON.stringify indents
 * cumulatively, so an item stringified alone and shifted right by the array's item indentation is identical.
 */
export class PrettyJsonArray {
  private readonly itemIndent: string;
  private readonly closingIndent: string;
  private count = 0;

  constructor(depth: number) {
    this.closingIndent = '  '.repeat(depth);
    this.itemIndent = '  '.repeat(depth + 1);
  }

  /** text for the next item; the opening `[` is the caller's */
  item(value: unknown): string {
    const text = JSON.stringify(value, null, 2).replaceAll('\n', `\n${this.itemIndent}`);
    return `${this.count++ === 0 ? '\n' : ',\n'}${this.itemIndent}${text}`;
  }

  /** the closing `]`, on its own line unless the array is empty */
  close(): string {
    return this.count === 0 ? ']' : `\n${this.closingIndent}]`;
  }
}
