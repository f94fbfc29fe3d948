import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export type SourceRead = { bytes: Buffer } | { oversizeBytes: number };

/**
 * A file's bytes, unless it has more than `maxBytes`: then only its size, taken from the open file without reading
 * it, so that a 50 MB file costs no memory before it is refused (limits.maxFileBytes). Never reads more than
 * `maxBytes + 1` bytes, so a file that grows after the size check, or one without a size (a pipe), is caught too.
 */
export function readSource(filePath: string, maxBytes: number): SourceRead {
  const descriptor = openSync(filePath, 'r');
  try {
    const stats = fstatSync(descriptor);
    if (stats.size > maxBytes) return { oversizeBytes: stats.size };
    const chunks: Buffer[] = [];
    let total = 0;
    let chunkSize = stats.isFile() ? stats.size + 1 : 64 * 1024;
    while (total <= maxBytes) {
      const chunk = Buffer.allocUnsafe(Math.min(chunkSize, maxBytes + 1 - total));
      const read = readSync(descriptor, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      chunkSize = 64 * 1024;
    }
    if (total > maxBytes) return { oversizeBytes: Math.max(total, fstatSync(descriptor).size) };
    return { bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total) };
  } finally {
    closeSync(descriptor);
  }
}
