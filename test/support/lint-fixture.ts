import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigResolver, type ConfigResolverOptions } from '../../src/config/config-resolver.js';
import { fixInputs } from '../../src/engine/fix-files.js';
import { lintPaths, readInputs } from '../../src/engine/run.js';
import type { FileResult, Locale } from '../../src/types.js';

/** Writes `files` (relative path → text) into a fresh temporary folder and lints that folder as one batch. */
export async function lintFixtureFiles(
  files: Record<string, string>,
  options: ConfigResolverOptions & { locale?: Locale } = {},
): Promise<{ folder: string; results: FileResult[] }> {
  const folder = await mkdtemp(join(tmpdir(), 'ptlint-test-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      await mkdir(dirname(join(folder, name)), { recursive: true });
      await writeFile(join(folder, name), text);
    }
    const run = await lintPaths([folder], folder, { locale: options.locale, resolver: new ConfigResolver(options) });
    if (!run.ok) throw new Error(`setup problems: ${JSON.stringify(run.problems.map((problem) => [problem.filePath, problem.start, problem.message.en]))}`);
    return { folder, results: run.results };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Writes `files` into a fresh folder, runs --fix there, and returns each file's text after fixing. */
export async function fixFixtureFiles(files: Record<string, string>, options: ConfigResolverOptions = {}): Promise<Record<string, string>> {
  const folder = await mkdtemp(join(tmpdir(), 'ptlint-test-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      await mkdir(dirname(join(folder, name)), { recursive: true });
      await writeFile(join(folder, name), text);
    }
    const read = await readInputs([folder], folder);
    if (!read.ok) throw new Error(`setup problems: ${JSON.stringify(read.problems)}`);
    const run = await fixInputs(read.inputs, { resolver: new ConfigResolver(options), skip: read.skip });
    if (!run.ok) throw new Error(`setup problems: ${JSON.stringify(run.problems)}`);
    const fixed = Object.fromEntries(run.fixed.map((file) => [file.filePath.slice(folder.length + 1), file.after]));
    return Object.fromEntries(Object.entries(files).map(([name, text]) => [name, fixed[name] ?? text]));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
