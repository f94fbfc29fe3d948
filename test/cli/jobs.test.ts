import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PARALLEL_THRESHOLD } from '../../src/engine/parallel-lint.js';
import { tempFolder } from '../support/temp-folder.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const exec = promisify(execFile);
const examples = ['001_a2faacda87b912c3/两新党建.yaml', '003_b3a6bfc70c94ed95/群文经费.yaml', '004_94bc4c6928439b7e/疫情防控.yaml'].map((path) =>
  readFileSync(join(repoRoot, 'examples', path), 'utf8'),
);

/** Runs the compiled CLI (npm test builds dist/ first) and returns its report and exit code. */
async function check(folder: string, jobs: number, format = 'json'): Promise<{ code: number; stdout: string }> {
  const run = await exec('node', [join(repoRoot, 'bin/ptlint.js'), 'check', '.', '--format', format, '--jobs', String(jobs)], { cwd: folder, maxBuffer: 1 << 28 }).then(
    (done) => ({ code: 0, stdout: done.stdout }),
    (failed: { code: number; stdout: string }) => ({ code: failed.code, stdout: failed.stdout }),
  );
  return run;
}

/** A run just big enough to go parallel: filings in folders of about a dozen, as units are folders. */
async function parallelSizedFolder(): Promise<string> {
  const files: Record<string, string> = {};
  for (let index = 0; index < PARALLEL_THRESHOLD + 40; index++) {
    files[`unit-${String(index % 150).padStart(3, '0')}/filing-${index}.yaml`] = examples[index % examples.length].replace(/^项目名称: (.*)$/m, `项目名称: $1${index}`);
  }
  return tempFolder(files);
}

describe('--jobs', () => {
  // each a test of its own: a run of this size takes seconds
  it.each([
    ['json', 3],
    ['sarif', 2],
  ])('the calling thread and workers write the same %s report, byte for byte, as one thread (--jobs %i)', async (format, jobs) => {
    const folder = await parallelSizedFolder();
    const serial = await check(folder, 1, format as string);
    expect(serial.code).toBe(1);
    if (format === 'json') expect((JSON.parse(serial.stdout) as unknown[]).length).toBe(PARALLEL_THRESHOLD + 40);
    const parallel = await check(folder, jobs as number, format as string);
    expect(parallel.code).toBe(serial.code);
    expect(parallel.stdout === serial.stdout).toBe(true);
  });

  it('rejects a job count that is not a whole number', async () => {
    const folder = await tempFolder({ 'f.yaml': examples[0] });
    const run = await exec('node', [join(repoRoot, 'bin/ptlint.js'), 'check', '.', '--jobs', '0'], { cwd: folder }).catch((error: { code: number; stderr: string }) => error);
    expect(run).toMatchObject({ code: 2 });
  });
});
