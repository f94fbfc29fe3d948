// The long fuzz run: the properties of test/reliability/fuzz.test.ts (the loader, the 指标值 parser, the engine and
// --fix on damaged filings), compose-bounded.test.ts (the guarded YAML parser against yaml.parseDocument),
// test/parse/compose-simple.test.ts (the fast composer against yaml.parseDocument) and test/lsp/fuzz.test.ts
// (random edit sequences through the language server's didChange) with a fresh random seed,
// for as long as asked, instead of `npm test`'s small fixed budget.
//
//   npm run fuzz                      10 minutes
//   npm run fuzz -- --seconds 3600    an hour
//   npm run fuzz -- --seed 123456     replays the run that printed “fuzz seed 123456”
//
// A failure prints fast-check's counterexample with its seed and path. Save the input as a regression fixture under
// test/reliability/fixtures/ (fixtures.test.ts lints every file there), then fix the cause.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '600' }, seed: { type: 'string' } } });
const seconds = Number(values.seconds);
if (!Number.isFinite(seconds) || seconds <= 0) {
  console.error(`--seconds must be a positive number, not “${values.seconds}”`);
  process.exit(2);
}

const env = { ...process.env, PTLINT_FUZZ_SECONDS: String(seconds) };
if (values.seed !== undefined) env.PTLINT_FUZZ_SEED = values.seed;
console.log(`fuzzing for ${seconds} s …`);
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', 'test/reliability/fuzz.test.ts', 'test/reliability/compose-bounded.test.ts', 'test/parse/compose-simple.test.ts', 'test/lsp/fuzz.test.ts', '--reporter=verbose', `--testTimeout=${Math.ceil(seconds * 1000 + 120_000)}`], {
  cwd: root,
  env,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
