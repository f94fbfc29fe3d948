import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '..', '..');

describe('generated files', () => {
  it('are up to date (otherwise run npm run generate)', async () => {
    const run = await promisify(execFile)('node', ['scripts/generate.mjs', '--check'], { cwd: repoRoot }).catch((error: { code: number; stderr: string }) => error);
    expect('stderr' in run ? run.stderr : '').toBe('');
    expect('code' in run ? run.code : 0).toBe(0);
  });
});
