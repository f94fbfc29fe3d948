import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../../src/config/config-resolver.js';
import { fixInputs } from '../../src/engine/fix-files.js';
import type { FileInput } from '../../src/engine/lint.js';
import { lintInputs } from '../../src/engine/run.js';
import type { FileResult } from '../../src/types.js';
import { parseTarget, type TargetKind } from '../../src/values/target.js';
import { examples, generatedFiling, mutatedBytes, mutatedText } from './support/filings.js';
import { fuzzBudget, fuzzTimeout } from './support/fuzz-budget.js';
import { resultDefects } from './support/result-defects.js';

/**
 * Fuzzing with a small fixed-seed budget (see support/fuzz-budget.ts; `npm run fuzz` runs the same properties for
 * as long as asked). The loader, the 指标值 parser and the engine must never throw, never report `rule-failed`, and
 * only report positions inside the text. An input that breaks one of them goes to test/reliability/fixtures/ and
 * stays there as a regression case (fixtures.test.ts).
 */

const folder = join(tmpdir(), 'ptlint-fuzz');
const resolver = new ConfigResolver();
const exampleTexts = Object.values(examples);

async function lintAll(inputs: FileInput[]): Promise<FileResult[]> {
  const run = await lintInputs(inputs, { resolver });
  if (!run.ok) throw new Error(`setup problems: ${JSON.stringify(run.problems)}`);
  expect(run.results.map((result) => result.filePath)).toEqual(inputs.map((input) => input.filePath));
  return run.results;
}

const targetPiece = fc.constantFrom(
  '≥', '≤', '>=', '<=', '>', '<', '=', '＞', '＜', '＝', '≧', '≦', '不低于', '不高于', '大于等于', '以上', '以下', '以内', '前', '之前', '底', '末',
  '0', '1', '5', '9', '10', '100', '０', '１', '９', '.', '．', ',', '，', '%', '％', '‰', '(', ')', '（', '）', '-', '－', '~', '～', '至', '到', '/', '／',
  '次', '人次', '元', '万元', '个', '家', '天', '小时', '年', '月', '日', '号', '季度', '2022', '12', '31', '明显', '提升', '良好', ' ', '\u3000', '\t', '\n', 'e', 'E', '+', 'Infinity', 'NaN',
);

const targetInput = fc.oneof(
  fc.array(targetPiece, { maxLength: 12 }).map((pieces) => pieces.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.double(),
  fc.integer(),
  fc.constantFrom(null, undefined),
);

const TARGET_KINDS: readonly TargetKind[] = ['quantity', 'range', 'deadline', 'qualitative', 'empty', 'unparseable'];

describe('fuzzing', () => {
  it(
    'the 指标值 parser never throws, always returns a kind, and its spans lie inside the text',
    () => {
      fc.assert(
        fc.property(targetInput, (input) => {
          const parsed = parseTarget(input);
          expect(TARGET_KINDS).toContain(parsed.kind);
          expect(typeof parsed.raw).toBe('string');
          for (const span of Object.values(parsed.spans ?? {})) {
            if (span) expect(span[0] >= 0 && span[0] <= span[1] && span[1] <= parsed.raw.length, `span ${span} of “${parsed.raw}”`).toBe(true);
          }
          if (parsed.kind === 'quantity') expect(parsed.value?.isFinite()).toBe(true);
        }),
        fuzzBudget(3000, 101),
      );
    },
    fuzzTimeout,
  );

  it(
    'the loader turns random and damaged bytes into findings, and the rest of the batch is still linted',
    async () => {
      const bytes = fc.oneof(fc.uint8Array({ maxLength: 2048 }), mutatedBytes(exampleTexts));
      await fc.assert(
        fc.asyncProperty(bytes, async (hostile) => {
          const neighbour = examples['004_94bc4c6928439b7e/疫情防控.yaml'];
          const [hostileResult, neighbourResult] = await lintAll([
            { filePath: join(folder, 'hostile.yaml'), bytes: hostile },
            { filePath: join(folder, 'neighbour.yaml'), bytes: Buffer.from(neighbour) },
          ]);
          expect(resultDefects(hostileResult, hostileResult.source?.length ?? 0)).toEqual([]);
          expect(neighbourResult.kind).toBe('filing');
          expect(resultDefects(neighbourResult, neighbour.length)).toEqual([]);
        }),
        fuzzBudget(150, 202),
      );
    },
    fuzzTimeout,
  );

  it(
    'the engine lints damaged filings without throwing or a rule failing',
    async () => {
      const filings = fc.oneof(mutatedText(exampleTexts), generatedFiling.chain((filing) => mutatedText([filing.text])));
      await fc.assert(
        fc.asyncProperty(filings, async (text) => {
          const [result] = await lintAll([{ filePath: join(folder, 'filing.yaml'), text }]);
          expect(resultDefects(result, text.length)).toEqual([]);
        }),
        fuzzBudget(150, 303),
      );
    },
    fuzzTimeout,
  );

  it(
    'the engine lints whole damaged units (filings plus 单位汇总) as one batch without a rule failing',
    async () => {
      const units = Object.keys(examples)
        .map((name) => name.split('/')[0])
        .filter((unit, index, all) => all.indexOf(unit) === index);
      const unit = fc.tuple(fc.constantFrom(...units), fc.nat()).chain(([name, damagedIndex]) => {
        const files = Object.entries(examples).filter(([path]) => path.startsWith(`${name}/`));
        const [damagedPath, damagedText] = files[damagedIndex % files.length];
        return mutatedText([damagedText]).map((damaged) => files.map(([path, text]) => ({ path, text: path === damagedPath ? damaged : text })));
      });
      await fc.assert(
        fc.asyncProperty(unit, async (files) => {
          const results = await lintAll(files.map(({ path, text }) => ({ filePath: join(folder, path), text })));
          results.forEach((result, index) => expect(resultDefects(result, files[index].text.length), files[index].path).toEqual([]));
        }),
        fuzzBudget(60, 404),
      );
    },
    fuzzTimeout,
  );

  it(
    '--fix on damaged filings never throws, and never breaks a file that parsed',
    async () => {
      await fc.assert(
        fc.asyncProperty(mutatedText(exampleTexts), async (text) => {
          const filePath = join(folder, 'filing.yaml');
          const run = await fixInputs([{ filePath, text }], { resolver });
          if (!run.ok) throw new Error(JSON.stringify(run.problems));
          const after = run.fixed[0]?.after ?? text;
          expect(resultDefects(run.results[0], after.length)).toEqual([]);
          const [before] = await lintAll([{ filePath, text }]);
          const parsedBefore = !before.findings.some((finding) => finding.ruleId === 'parse-error');
          if (parsedBefore) expect(run.results[0].findings.filter((finding) => finding.ruleId === 'parse-error')).toEqual([]);
        }),
        fuzzBudget(80, 505),
      );
    },
    fuzzTimeout,
  );
});
