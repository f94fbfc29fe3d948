import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** Text kept in memory before a spool moves to a temporary file (UTF-16 code units, about as many bytes). */
const MEMORY_LIMIT = 4 * 1024 * 1024;
/** Appended text is written to the file in pieces about this big, and read back in pieces this big. */
const PIECE = 1024 * 1024;

/**
 * Text that a formatter cannot write yet because the report's head, which sums up the whole run, comes first (the
 * html page's summary, junit's totals). A small report stays in memory; past MEMORY_LIMIT the text moves to a
 * temporary file, so a run of any size holds at most a few megabytes. Synchronous, as formatters are.
 */
export class Spool {
  private memory: string[] = [];
  private pending = '';
  private length = 0;
  private file?: { folder: string; descriptor: number; size: number };

  constructor(private readonly memoryLimit = MEMORY_LIMIT) {}

  write(text: string): void {
    if (this.file) {
      this.pending += text;
      if (this.pending.length >= PIECE) this.flush();
      return;
    }
    this.memory.push(text);
    this.length += text.length;
    if (this.length > this.memoryLimit) this.moveToFile();
  }

  /** Everything written, in order, in pieces; the spool is emptied (and its file removed) as it is read. */
  *drain(): Generator<string> {
    try {
      if (!this.file) {
        const pieces = this.memory;
        this.memory = [];
        this.length = 0;
        yield* pieces;
        return;
      }
      this.flush();
      const { descriptor, size } = this.file;
      const decoder = new StringDecoder('utf8');
      const buffer = Buffer.alloc(PIECE);
      for (let position = 0; position < size; ) {
        const read = readSync(descriptor, buffer, 0, PIECE, position);
        if (read === 0) break;
        position += read;
        // a UTF-8 sequence cut at the end of a piece is completed by the next one
        const text = decoder.write(buffer.subarray(0, read));
        if (text) yield text;
      }
      const rest = decoder.end();
      if (rest) yield rest;
    } finally {
      this.dispose();
    }
  }

  /** Removes the temporary file, if any; the spool is empty afterwards. */
  dispose(): void {
    this.memory = [];
    this.pending = '';
    this.length = 0;
    if (!this.file) return;
    const { folder, descriptor } = this.file;
    this.file = undefined;
    try {
      closeSync(descriptor);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  private moveToFile(): void {
    const folder = mkdtempSync(join(tmpdir(), 'ptlint-spool-'));
    this.file = { folder, descriptor: openSync(join(folder, 'report-body'), 'w+', 0o600), size: 0 };
    this.pending = this.memory.join('');
    this.memory = [];
    this.length = 0;
    this.flush();
  }

  private flush(): void {
    if (!this.file || this.pending === '') return;
    const bytes = Buffer.from(this.pending, 'utf8');
    this.pending = '';
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(this.file.descriptor, bytes, offset, bytes.length - offset, this.file.size + offset);
    this.file.size += bytes.length;
  }
}
