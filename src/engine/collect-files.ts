import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CONFIG_FILE_NAMES } from '../config/config-resolver.js';
import { unreadable } from '../ruleset/load-yaml-file.js';
import type { SetupProblem } from '../types.js';

export interface CollectedFiles {
  /** absolute paths, sorted, without duplicates */
  files: string[];
  /** files found by walking a folder (as opposed to named on the command line), subject to config `ignores` */
  discovered: Set<string>;
  problems: SetupProblem[];
}

const FILING_GLOB = '**/*.{yaml,yml}';
const SKIPPED = ['**/node_modules/**', '**/.git/**', ...CONFIG_FILE_NAMES.map((name) => `**/${name}`)];

/** Expands the paths and globs given to `ptlint check`; a path that does not exist is a setup problem. */
export async function collectFiles(patterns: readonly string[], cwd: string): Promise<CollectedFiles> {
  const files = new Set<string>();
  const discovered = new Set<string>();
  const problems: SetupProblem[] = [];
  for (const pattern of patterns) {
    if (await isGlob(pattern)) {
      const { glob } = await import('tinyglobby');
      const matched = await glob(pattern, { cwd, absolute: true, ignore: SKIPPED, dot: false });
      if (matched.length === 0) problems.push({ code: 'missing-path', filePath: pattern, message: { zh: '没有文件与该通配路径匹配', en: 'no file matches this pattern' } });
      for (const file of matched) {
        files.add(file);
        discovered.add(file);
      }
      continue;
    }
    const absolute = resolve(cwd, pattern);
    try {
      const info = await stat(absolute);
      if (info.isDirectory()) {
        const { glob } = await import('tinyglobby');
        const found = await glob(FILING_GLOB, { cwd: absolute, absolute: true, ignore: SKIPPED });
        for (const file of found) {
          files.add(file);
          discovered.add(file);
        }
      } else {
        files.add(absolute);
      }
    } catch (error) {
      problems.push({ ...unreadable(pattern, error), code: 'missing-path' });
    }
  }
  return { files: [...files].sort(), discovered, problems };
}

/** Whether tinyglobby reads `pattern` as a glob; it is loaded only for a pattern with a glob character in it. */
async function isGlob(pattern: string): Promise<boolean> {
  if (!/[*?[\]{}()!+@]/.test(pattern)) return false;
  const { isDynamicPattern } = await import('tinyglobby');
  return isDynamicPattern(pattern);
}
