import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

let cached: string | undefined;

/**
 * The folder holding ptlint's package.json, rules/, schemas/ and docs/: found by walking up from this module, so
 * it is the same whether running from src/ (tests), dist/ (the CLI) or a bundle that ships those folders beside it.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'ptlint') {
      cached = folder;
      return folder;
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error('ptlint: cannot find its own package.json above ' + fileURLToPath(import.meta.url));
    folder = parent;
  }
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** Whether a file is one of the rule sets shipped in ptlint's own rules/ folder. */
export function isBundledRuleFile(filePath: string): boolean {
  const bundled = join(packageRoot(), 'rules') + sep;
  return filePath.startsWith(bundled);
}

/** file: URL of a rule's documentation page, openable from a terminal, SARIF viewer or editor. */
export function ruleDocsUrl(ruleId: string): string | undefined {
  const page = join(packageRoot(), 'docs', 'rules', `${ruleId}.md`);
  return existsSync(page) ? pathToFileURL(page).href : undefined;
}
