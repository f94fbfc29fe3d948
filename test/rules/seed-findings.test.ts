import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../../src/config/config-resolver.js';
import { lintPaths } from '../../src/engine/run.js';

/** ../shared/spec/seed-findings.yaml says which rules must and must not report on each example filing. */
const repoRoot = join(import.meta.dirname, '..', '..');
const specPath = join(repoRoot, '..', 'shared', 'spec', 'seed-findings.yaml');

interface Expectation {
  must?: string[];
  must_not?: string[];
}

const spec = parse(readFileSync(specPath, 'utf8')) as Record<string, Record<string, Expectation>>;

describe('findings on examples/ meet seed-findings.yaml', async () => {
  const resolver = new ConfigResolver();
  const run = await lintPaths(['examples'], repoRoot, { resolver });
  if (!run.ok) throw new Error(JSON.stringify(run.problems));
  const rulesIn = (folder: string, file?: string) =>
    new Set(
      run.results
        .filter((result) => relative(repoRoot, dirname(result.filePath)) === folder && (file === undefined || basename(result.filePath) === file))
        .flatMap((result) => result.findings.map((finding) => finding.ruleId)),
    );

  for (const [folder, files] of Object.entries(spec)) {
    for (const [file, expectation] of Object.entries(files)) {
      const scope = file === 'batch' ? undefined : file;
      for (const ruleId of expectation.must ?? []) {
        it(`${folder}/${file}: ${ruleId} reports`, () => {
          expect([...rulesIn(folder, scope)]).toContain(ruleId);
        });
      }
      for (const ruleId of expectation.must_not ?? []) {
        it(`${folder}/${file}: ${ruleId} stays silent`, () => {
          expect([...rulesIn(folder, scope)]).not.toContain(ruleId);
        });
      }
    }
  }

  it('every example filing is valid YAML that follows the schema', () => {
    const broken = run.results.flatMap((result) =>
      result.findings.filter((finding) => ['parse-error', 'duplicate-key', 'schema-violation', 'encoding-error', 'rule-failed'].includes(finding.ruleId)).map((finding) => `${relative(repoRoot, result.filePath)}:${finding.start.line} ${finding.message}`),
    );
    expect(broken).toEqual([]);
  });
});
