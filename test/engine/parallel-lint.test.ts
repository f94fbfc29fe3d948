import { describe, expect, it } from 'vitest';
import { lintUnitsInParallel } from '../../src/engine/parallel-lint.js';
import type { LintUnit } from '../../src/engine/run.js';
import type { FileResult } from '../../src/types.js';

const workerUrl = new URL('../support/fake-lint-worker.mjs', import.meta.url);
const setup = { locale: 'zh' as const, keepSource: false };

/** Units of two files each, named so the fake worker knows how to answer (see fake-lint-worker.mjs). */
function unitsNamed(names: readonly string[]): LintUnit[] {
  return names.map((name) => ({
    folder: `/${name}`,
    files: [`/${name}/a.yaml`, `/${name}/b.yaml`].map((filePath) => ({ input: { filePath }, config: undefined as never })),
  }));
}

/** What the calling thread produces for a unit: the same shape as the fake worker's, marked as linted here. */
function lintHere(unit: LintUnit): FileResult[] {
  return unit.files.map(({ input }) => ({ filePath: input.filePath, kind: 'unknown', findings: [], errorCount: 0, warningCount: 0, infoCount: 0, linter: 'here' }) as FileResult);
}

async function collect(units: readonly LintUnit[], jobs: number): Promise<Array<FileResult & { linter?: string }>> {
  const yielded: FileResult[] = [];
  for await (const unitResults of lintUnitsInParallel(units, jobs, setup, { lintHere, workerUrl })) yielded.push(...unitResults);
  return yielded;
}

describe('lintUnitsInParallel', () => {
  const names = Array.from({ length: 40 }, (_, index) => (index % 3 === 0 ? `slow-${index}` : `unit-${index}`));

  it.each([1, 2, 3, 4])('yields every unit in run order with %i job(s), the calling thread linting its share', async (jobs) => {
    const yielded = await collect(unitsNamed(names), jobs);
    expect(yielded.map((result) => result.filePath)).toEqual(names.flatMap((name) => [`/${name}/a.yaml`, `/${name}/b.yaml`]));
    const linters = new Set(yielded.map((result) => result.linter));
    expect(linters.has('here')).toBe(true);
    expect(linters.has('worker')).toBe(jobs > 1);
  });

  it.each(['throw', 'exit'])('fails the run when a worker dies (%s) while holding units', async (how) => {
    // the worker is handed units before the calling thread takes one, so it holds unit 1
    const units = unitsNamed(['unit-0', `${how}-1`, `${how}-2`, 'unit-3', 'unit-4']);
    await expect(collect(units, 2)).rejects.toThrow(how === 'throw' ? /worker failed/ : /exited \(code 3\)/);
  });
});
