import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import { importDocument } from '../../import/import-document.js';
import type { ImportIssue } from '../../import/import-issues.js';
import { describePosition } from '../../import/source-model.js';
import { createProgress } from '../../progress/progress-bar.js';
import { cliMessage } from '../../i18n/cli-messages.js';
import type { Locale } from '../../types.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_SETUP, type CliIO } from '../cli-io.js';

export interface ImportOptions {
  out: string;
  strict?: boolean;
  locale: Locale;
}


function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}


export async function runImport(files: readonly string[], options: ImportOptions, io: CliIO): Promise<number> {
  const locale = options.locale;
  const outRoot = resolve(io.cwd, options.out);
  const progress = createProgress({ output: io });
  let setupFailed = false;
  const issues: ImportIssue[] = [];
  const written: string[] = [];
  const failures: string[] = [];
  for (const [index, file] of files.entries()) {
    const absolute = resolve(io.cwd, file);
    const displayPath = relative(io.cwd, absolute) || file;
    const outDir = files.length > 1 ? join(outRoot, basename(file, extname(file))) : outRoot;
    progress.update(index + 1, files.length, displayPath);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(absolute);
    } catch (error) {
      failures.push(`${displayPath}: ${cliMessage('importCannotRead', locale, { reason: reasonOf(error) })}`);
      setupFailed = true;
      continue;
    }
    const result = await importDocument(bytes, { displayPath, outDir });
    if (!result.ok) {
      failures.push(`${displayPath}: ${result.message[locale]}`);
      setupFailed = true;
      continue;
    }
    issues.push(...result.issues);
    try {
      await mkdir(outDir, { recursive: true });
      for (const output of result.files) await writeFile(join(outDir, output.fileName), output.text);
      written.push(cliMessage('importWrote', locale, { source: displayPath, count: result.files.length, folder: relative(io.cwd, outDir) || '.' }));
    } catch (error) {
      failures.push(cliMessage('importCannotWrite', locale, { file: relative(io.cwd, outDir), reason: reasonOf(error) }));
      setupFailed = true;
    }
  }
  progress.done();
  for (const issue of issues) {
    io.stderr(`${describePosition(issue.filePath, issue.position, locale)}: ${cliMessage(issue.severity === 'unmapped' ? 'importUnmapped' : 'importNote', locale)}: ${issue.message[locale]}\n`);
  }
  for (const failure of failures) io.stderr(`${failure}\n`);
  if (written.length > 0) io.stdout(written.map((line) => `${line}\n`).join(''));
  if (setupFailed) return EXIT_SETUP;
  const unmapped = issues.filter((issue) => issue.severity === 'unmapped').length;
  if (options.strict && unmapped > 0) {
    io.stderr(`${cliMessage('importStrictFailed', locale, { count: unmapped })}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
