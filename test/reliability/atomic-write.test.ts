import { spawn } from 'node:child_process';
import { readFile, readdir, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../support/temp-folder.js';

/**
 * `--fix` writes through writeFileAtomically: a process killed at any moment leaves the file either as it was or as
 * fixed, never a mix or a truncated file. A child process writes a large file and is killed with SIGKILL at a point
 * chosen by a seeded generator — before the temporary file exists, while it holds some bytes, when it is complete,
 * after the rename — and the file must then equal the old or the new content exactly.
 */

const sourcePath = join(import.meta.dirname, '..', '..', 'src', 'engine', 'write-atomically.ts');
const FILE_BYTES = 16 * 1024 * 1024;
const RUNS = 12;

/** Where the child is killed: at its signal, once the temporary file holds `bytes` bytes, or after it finished. */
type KillPoint = { kind: 'at-signal' } | { kind: 'temporary-holds'; bytes: number } | { kind: 'after-done' };

const killPoints = fc.oneof(
  { weight: 1, arbitrary: fc.constant<KillPoint>({ kind: 'at-signal' }) },
  { weight: 6, arbitrary: fc.integer({ min: 0, max: FILE_BYTES }).map<KillPoint>((bytes) => ({ kind: 'temporary-holds', bytes })) },
  { weight: 1, arbitrary: fc.constant<KillPoint>({ kind: 'after-done' }) },
);

/** The real writeFileAtomically, transpiled to a module the child can import (it depends on node: modules only). */
async function childScript(folder: string): Promise<string> {
  const module = ts.transpileModule(await readFile(sourcePath, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  await writeFile(join(folder, 'write-atomically.mjs'), module.outputText);
  const script = join(folder, 'child.mjs');
  await writeFile(
    script,
    [
      "import { writeFileAtomically } from './write-atomically.mjs';",
      'const [target, character] = process.argv.slice(2);',
      `const text = character.repeat(${FILE_BYTES});`,
      "process.stdout.write('writing\\n');",
      'await writeFileAtomically(target, text);',
      "process.stdout.write('done\\n');",
    ].join('\n'),
  );
  return script;
}

/**
 * How far the write has got, seen from outside: the size of the largest file being written beside the target — or
 * the whole file size when the target itself is shorter than both contents, which only a writer that writes in
 * place would leave (so that such a writer is killed mid-write and caught).
 */
async function bytesWritten(folder: string, target: string): Promise<number> {
  let written = -1;
  for (const name of await readdir(folder)) {
    const path = join(folder, name);
    const size = await stat(path).then(
      (info) => info.size,
      () => -1,
    );
    if (path === target) {
      if (size >= 0 && size < FILE_BYTES) return FILE_BYTES;
    } else if (!name.endsWith('.mjs')) {
      written = Math.max(written, size);
    }
  }
  return written;
}

/** Runs the child and kills it at `point`; resolves once it has exited. */
async function writeAndKill(script: string, folder: string, target: string, character: string, point: KillPoint): Promise<void> {
  const child = spawn(process.execPath, [script, target, character], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const said = (word: string) =>
    new Promise<void>((resolve) => {
      const listen = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(word)) resolve();
      };
      child.stdout.on('data', listen);
      void exited.then(() => resolve());
    });
  if (point.kind === 'after-done') {
    await said('done');
  } else {
    await said('writing');
    if (point.kind === 'temporary-holds') {
      // polls the file system, not the clock: the kill lands when the write has reached that many bytes
      let running = true;
      void exited.then(() => (running = false));
      while (running && (await bytesWritten(folder, target)) < point.bytes && !output.includes('done'));
    }
  }
  child.kill('SIGKILL');
  await exited;
}

describe('writeFileAtomically', () => {
  it('leaves the old or the new file, never a mix, when the writer is killed at any moment', async () => {
    const folder = await tempFolder({});
    const script = await childScript(folder);
    const outcomes: string[] = [];
    const points = fc.sample(killPoints, { seed: 7, numRuns: RUNS });
    let old = 'o'.repeat(FILE_BYTES);
    for (const [index, point] of points.entries()) {
      const target = join(folder, 'filing.yaml');
      await writeFile(target, old);
      const next = String.fromCharCode(97 + (index % 26));
      await writeAndKill(script, folder, target, next, point);
      const content = await readFile(target, 'utf8');
      const outcome = content === old ? 'old' : content === next.repeat(FILE_BYTES) ? 'new' : `mixed (${content.length} characters)`;
      outcomes.push(outcome);
      old = content;
      // a killed writer may leave its temporary file behind; it must not count as the next run's
      for (const name of await readdir(folder)) if (name.endsWith('.ptlint-tmp')) await unlink(join(folder, name));
    }
    expect(outcomes.filter((outcome) => outcome !== 'old' && outcome !== 'new')).toEqual([]);
    // the kills did land both before and after the rename
    expect(outcomes).toContain('old');
    expect(outcomes).toContain('new');
  });
});
