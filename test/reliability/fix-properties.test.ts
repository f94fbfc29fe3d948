import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../../src/config/config-resolver.js';
import { applyFixes } from '../../src/engine/apply-fixes.js';
import { fixInputs } from '../../src/engine/fix-files.js';
import { lintInputs } from '../../src/engine/run.js';
import type { FileResult, TextEdit } from '../../src/types.js';
import { generatedFiling } from './support/filings.js';

/**
 * --fix never loses data, over generated filings: fixing twice changes nothing more than fixing once; in every pass
 * the text changes only inside the ranges the findings' fixes name; every comment survives; the result still parses,
 * still follows the schema, and keeps its line ends.
 */

const SEED = 4242;
const RUNS = 100;

/** A path in a folder without config: the default rule set applies. Nothing is read from or written to it. */
const filePath = join(tmpdir(), 'ptlint-fix-properties', 'filing.yaml');
const resolver = new ConfigResolver();

async function lintText(text: string): Promise<FileResult> {
  const run = await lintInputs([{ filePath, text }], { resolver });
  if (!run.ok) throw new Error(JSON.stringify(run.problems));
  return run.results[0];
}

async function fixText(text: string): Promise<string> {
  const run = await fixInputs([{ filePath, text }], { resolver });
  if (!run.ok) throw new Error(JSON.stringify(run.problems));
  return run.fixed[0]?.after ?? text;
}

/** Findings that mean the text is no longer a well-formed filing, or that a rule broke on it. */
const BROKEN = new Set(['parse-error', 'encoding-error', 'duplicate-key', 'schema-violation', 'limit-exceeded', 'rule-failed']);

function brokenFindings(result: FileResult): string[] {
  return result.findings.filter((finding) => BROKEN.has(finding.ruleId)).map((finding) => `${finding.ruleId} ${finding.start.line}:${finding.start.column} ${finding.message}`);
}

/**
 * Whether `after` is `before` with some of `fixes` applied — all edits of a fix or none, no two applied edits
 * overlapping — and nothing else changed. Decides by walking the edits in order and trying, for each fix not yet
 * decided, both "applied" and "not applied"; a branch ends as soon as the unchanged text between edits differs.
 */
function isBeforeWithSomeFixes(before: string, after: string, fixes: readonly TextEdit[][]): boolean {
  const edits = fixes.flatMap((fix, fixIndex) => fix.map((edit) => ({ ...edit, fixIndex }))).sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  let steps = 0;
  const walk = (index: number, beforeAt: number, afterAt: number, applied: ReadonlyMap<number, boolean>): boolean => {
    if (++steps > 1_000_000) throw new Error('fix matching did not converge');
    if (index === edits.length) return before.slice(beforeAt) === after.slice(afterAt);
    const edit = edits[index];
    const decided = applied.get(edit.fixIndex);
    const skip = () => decided !== true && walk(index + 1, beforeAt, afterAt, new Map(applied).set(edit.fixIndex, false));
    if (decided === false || edit.range.start < beforeAt) return skip();
    const unchanged = before.slice(beforeAt, edit.range.start);
    const replacedAt = afterAt + unchanged.length;
    const apply = () =>
      after.startsWith(unchanged, afterAt) &&
      after.startsWith(edit.text, replacedAt) &&
      walk(index + 1, edit.range.end, replacedAt + edit.text.length, new Map(applied).set(edit.fixIndex, true));
    return apply() || skip();
  };
  return walk(0, 0, 0, new Map());
}

describe('--fix never loses data (property tests over generated filings)', () => {
  it('the matcher used below accepts exactly the texts a subset of the fixes produces', () => {
    const edit = (start: number, end: number, text: string): TextEdit => ({ range: { start, end }, text });
    const fixes = [[edit(0, 2, '≥')], [edit(4, 6, 'X'), edit(8, 9, 'Y')]];
    expect(isBeforeWithSomeFixes('>=10.00(次)', '≥10.00(次)', fixes)).toBe(true);
    expect(isBeforeWithSomeFixes('>=10.00(次)', '≥10X0(Y)', fixes)).toBe(true);
    expect(isBeforeWithSomeFixes('>=10.00(次)', '>=10X0(次)', fixes)).toBe(false); // half of a fix
    expect(isBeforeWithSomeFixes('>=10.00(次)', '≥10.00(次', fixes)).toBe(false); // a byte outside every fix
  });

  it(`fixing twice equals fixing once; only fixed ranges change; comments, parsing and line ends survive (${RUNS} filings)`, async () => {
    let changedFilings = 0;
    await fc.assert(
      fc.asyncProperty(generatedFiling, async ({ text: original, comments, lineEnd }) => {
        expect(brokenFindings(await lintText(original)), 'the generator writes well-formed filings').toEqual([]);
        const fixed = await fixText(original);
        if (fixed !== original) changedFilings++;

        expect(await fixText(fixed)).toBe(fixed);

        let text = original;
        for (let pass = 0; pass < 10; pass++) {
          const { findings } = await lintText(text);
          const fixes = findings.flatMap((finding) => (finding.fix ? [finding.fix.edits] : []));
          const next = applyFixes(text, findings).text;
          expect(isBeforeWithSomeFixes(text, next, fixes), `pass ${pass} changed text outside the fixes' ranges`).toBe(true);
          if (next === text) break;
          text = next;
        }
        expect(text, 'fixInputs keeps every pass (none was undone for breaking the file)').toBe(fixed);

        let searchFrom = 0;
        for (const comment of comments) {
          const at = fixed.indexOf(comment, searchFrom);
          expect(at, `comment “${comment}” survives, in order`).toBeGreaterThanOrEqual(0);
          searchFrom = at + comment.length;
        }

        expect(brokenFindings(await lintText(fixed))).toEqual([]);
        if (lineEnd === '\r\n') expect(fixed.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        else expect(fixed).not.toContain('\r');
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // the property is not vacuous: most generated filings do get fixed
    expect(changedFilings).toBeGreaterThan(RUNS / 2);
  });
});
