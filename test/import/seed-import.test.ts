import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lintInputs, lintPaths } from '../../src/engine/run.js';
import { importDocument, type ImportedFile } from '../../src/import/import-document.js';
import type { FileResult } from '../../src/types.js';

/**
 * Importing each seed's text must give the files of examples/<seed>/ (the hand encoding of the same forms): the
 * same names, the same data, and — whatever rules exist when this runs — the same findings.
 */
const repoRoot = join(import.meta.dirname, '..', '..');
const seedsFolder = join(repoRoot, '..', 'shared', 'seeds');
const seeds = readdirSync(join(repoRoot, 'examples')).sort();

async function importSeed(seed: string): Promise<{ files: ImportedFile[]; unmapped: string[] }> {
  const result = await importDocument(readFileSync(join(seedsFolder, `${seed}.txt`)), {
    displayPath: `../shared/seeds/${seed}.txt`,
    outDir: join(repoRoot, 'examples', seed),
  });
  if (!result.ok) throw new Error(result.message.en);
  return { files: result.files, unmapped: result.issues.filter((issue) => issue.severity === 'unmapped').map((issue) => issue.message.en) };
}

/** What a reviewer sees of a finding, independent of where the file's lines fall. */
function findingsByFile(results: readonly FileResult[]): Record<string, string[]> {
  return Object.fromEntries(
    results.map((result) => [result.filePath, result.findings.map((finding) => `${finding.ruleId}: ${finding.message}`).sort()]),
  );
}

describe.each(seeds)('importing ../shared/seeds/%s.txt', (seed) => {
  const exampleFolder = join(repoRoot, 'examples', seed);
  const exampleNames = readdirSync(exampleFolder).filter((name) => name.endsWith('.yaml')).sort();

  it('writes the files named in examples/, with nothing left unmapped', async () => {
    const { files, unmapped } = await importSeed(seed);
    expect(files.map((file) => file.fileName).sort()).toEqual(exampleNames);
    expect(unmapped).toEqual([]);
  });

  it('writes the data of the hand-encoded examples', async () => {
    const { files } = await importSeed(seed);
    for (const file of files) {
      const example: unknown = parse(readFileSync(join(exampleFolder, file.fileName), 'utf8'));
      expect({ file: file.fileName, data: parse(file.text) as unknown }).toEqual({ file: file.fileName, data: example });
    }
  });

  it('writes filings that lint to the findings of the examples', async () => {
    const { files } = await importSeed(seed);
    const examples = await lintPaths([exampleFolder], repoRoot);
    const imported = await lintInputs(files.map((file) => ({ filePath: join(exampleFolder, file.fileName), bytes: Buffer.from(file.text) })));
    if (!examples.ok || !imported.ok) throw new Error('setup problems while linting');
    const expected = findingsByFile(examples.results);
    expect(Object.values(expected).flat().length).toBeGreaterThan(0);
    expect(findingsByFile(imported.results)).toEqual(expected);
  });

  it('marks every written file with the schema modeline and its source', async () => {
    const { files } = await importSeed(seed);
    for (const file of files) {
      const [modeline, origin] = file.text.split('\n');
      expect(modeline).toBe(`# yaml-language-server: $schema=../../schemas/${file.kind === 'unit' ? 'unit' : 'filing'}.schema.json`);
      expect(origin).toContain(`# 来源：../shared/seeds/${seed}.txt`);
    }
  });
});
