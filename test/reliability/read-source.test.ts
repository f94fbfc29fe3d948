import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSource } from '../../src/source/read-source.js';

/** readSource refuses a file over the size limit by its size alone, and reads every other file whole. */
describe('readSource', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'ptlint-read-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('measures a file over the limit without reading it', async () => {
    const path = join(folder, 'big.yaml');
    await writeFile(path, '项目名称: 甲\n');
    await truncate(path, 50 * 1024 * 1024); // sparse: reading it would allocate 50 MB
    const heapBefore = process.memoryUsage().arrayBuffers;
    expect(readSource(path, 10 * 1024 * 1024)).toEqual({ oversizeBytes: 50 * 1024 * 1024 });
    expect(process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(1024 * 1024);
  });

  it.each([
    ['empty', 0],
    ['exactly at the limit', 1000],
  ])('reads a file %s whole', async (_, length) => {
    const path = join(folder, `file-${length}.yaml`);
    const bytes = Buffer.alloc(length, 0x61);
    await writeFile(path, bytes);
    expect(readSource(path, 1000)).toEqual({ bytes });
  });

  it('refuses a file one byte over the limit', async () => {
    const path = join(folder, 'over.yaml');
    await writeFile(path, Buffer.alloc(1001, 0x61));
    expect(readSource(path, 1000)).toEqual({ oversizeBytes: 1001 });
  });

  it('throws for a missing file, for the caller to report', () => {
    expect(() => readSource(join(folder, 'missing.yaml'), 1000)).toThrow(/ENOENT/);
  });
});
