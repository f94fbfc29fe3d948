import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../../src/config/config-resolver.js';
import { fixInputs } from '../../src/engine/fix-files.js';
import { lintInputs } from '../../src/engine/run.js';
import { resultDefects } from './support/result-defects.js';

/**
 * Regression fixtures: inputs that once broke, or nearly broke, the loader or a rule (found by the fuzzers or by
 * hand), kept as raw bytes. Each is linted and fixed with every rule of the default set beside a well-formed
 * filing: no exception, no `rule-failed`, no position outside the text, and the neighbour still linted.
 *
 * - complex-keys.yaml: mapping keys that are themselves a sequence and a mapping (`? [a, b]`).
 * - utf8-then-gbk.yaml: a file whose first half is UTF-8 and second half GBK, as a careless copy-paste leaves it.
 * - null-indicator-row.yaml: an empty item (`-`) in 绩效指标; vague-target threw on it (found by the fuzzer).
 */

const fixturesFolder = join(import.meta.dirname, 'fixtures');
const neighbourText = readFileSync(join(import.meta.dirname, '..', '..', 'examples', '004_94bc4c6928439b7e', '疫情防控.yaml'));
const fixtures = readdirSync(fixturesFolder).filter((name) => name.endsWith('.yaml'));
const resolver = new ConfigResolver();

describe('regression fixtures', () => {
  it('there are fixtures to run', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it.each(fixtures)('%s is linted and fixed without a rule failing', async (name) => {
    const inputs = [
      { filePath: join(fixturesFolder, name), bytes: readFileSync(join(fixturesFolder, name)) },
      { filePath: join(fixturesFolder, 'neighbour', 'filing.yaml'), bytes: neighbourText },
    ];
    const linted = await lintInputs(inputs, { resolver });
    if (!linted.ok) throw new Error(JSON.stringify(linted.problems));
    const [fixture, neighbour] = linted.results;
    expect(resultDefects(fixture, fixture.source?.length ?? 0)).toEqual([]);
    expect(neighbour.kind).toBe('filing');
    const fixed = await fixInputs(inputs, { resolver });
    if (!fixed.ok) throw new Error(JSON.stringify(fixed.problems));
    expect(fixed.results.flatMap((result) => resultDefects(result, result.source?.length ?? 0))).toEqual([]);
  });
});
