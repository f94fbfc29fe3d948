// Peer benchmark (issue 6): the same corpus linted by Stoplight Spectral, with ptlint's five core rules ported to
// Spectral's format (bench/spectral/.spectral.yaml + functions/), against `ptlint check --only` those five rules.
// Spectral is a bench-only dependency in bench/spectral/package.json, never in ptlint's own install:
//   npm install --prefix bench/spectral --no-audit --no-fund
// Usage: node bench/spectral.mjs [corpus folder]   (default bench/out/corpus-2000, generated when missing)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const spectralDir = join(root, 'bench', 'spectral');
const spectralBin = join(spectralDir, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js');
const ruleset = join(spectralDir, '.spectral.yaml');
const ptlintBin = join(root, 'bin', 'ptlint.js');
const RULES = ['indicator-categories-required', 'funding-arithmetic', 'satisfaction-threshold', 'vague-target', 'goals-duplicated'];
const ISSUE_TARGET = 30;

if (!existsSync(spectralBin)) {
  console.log('Spectral is not installed (it is a bench-only dependency, outside ptlint\'s install). Install it with:');
  console.log('  npm install --prefix bench/spectral --no-audit --no-fund');
  console.log('then run: node bench/spectral.mjs');
  process.exit(0);
}

const corpus = resolve(process.argv[2] ?? join(root, 'bench', 'out', 'corpus-2000'));
if (!existsSync(corpus)) {
  const count = Number(/corpus-(\d+)$/.exec(corpus)?.[1] ?? 2000);
  console.log(`generating ${relative(root, corpus)} (${count} filings)…`);
  run(process.execPath, [join(root, 'bench', 'generate-corpus.mjs'), String(count)], { check: true });
}
ensureBuilt();

const files = readdirSync(corpus, { recursive: true }).filter((name) => String(name).endsWith('.yaml'));
const spectralVersion = JSON.parse(readFileSync(join(spectralDir, 'node_modules', '@stoplight', 'spectral-cli', 'package.json'), 'utf8')).version;

const spectralArgs = (folder, output) => [spectralBin, 'lint', `${folder}/**/*.yaml`, '--ruleset', ruleset, '--format', 'json', '--output', output];
const ptlintArgs = (folder, output) => [ptlintBin, 'check', folder, '--only', RULES.join(','), '--format', 'json', '--output', output, '--jobs', '1'];

// Sanity: both report on examples/ with the equivalent rules.
const scratch = mkdtempSync(join(tmpdir(), 'ptlint-peer-'));
try {
  const examples = join(root, 'examples');
  run(process.execPath, spectralArgs(examples, join(scratch, 'spectral.json')));
  run(process.execPath, ptlintArgs(examples, join(scratch, 'ptlint.json')));
  const spectralCounts = countBy(JSON.parse(readFileSync(join(scratch, 'spectral.json'), 'utf8')).map((result) => result.code));
  const ptlintCounts = countBy(ptlintFindings(JSON.parse(readFileSync(join(scratch, 'ptlint.json'), 'utf8'))).map((finding) => finding.ruleId ?? finding.rule ?? finding.code));
  const total = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`sanity on examples/: ptlint ${total(ptlintCounts)} findings, Spectral ${total(spectralCounts)} findings`);
  for (const rule of RULES) console.log(`  ${rule.padEnd(32)} ptlint ${String(ptlintCounts[rule] ?? 0).padStart(3)}   Spectral ${String(spectralCounts[rule] ?? 0).padStart(3)}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// Timing: each CLI once over the corpus, wall time including start-up, one process each.
console.log(`\npeer: ${files.length} filings in ${relative(root, corpus) || corpus}, five core rules`);
const spectralMs = time(process.execPath, spectralArgs(corpus, '/dev/null'));
const ptlintMs = time(process.execPath, ptlintArgs(corpus, '/dev/null'));
const rate = (ms) => files.length / (ms / 1000);
console.log(`  Spectral ${spectralVersion} (spectral lint, json)   ${(spectralMs / 1000).toFixed(2)} s   ${rate(spectralMs).toFixed(0).padStart(6)} filings/s`);
console.log(`  ptlint check --jobs 1 (json)          ${(ptlintMs / 1000).toFixed(2)} s   ${rate(ptlintMs).toFixed(0).padStart(6)} filings/s`);
console.log(`  ratio ptlint/Spectral: ${(spectralMs / ptlintMs).toFixed(1)}×   (target ≥ ${ISSUE_TARGET}×)`);

function time(command, args) {
  const start = process.hrtime.bigint();
  run(command, args);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Spectral and ptlint exit non-zero when they find problems; only a crash (a signal or exit ≥ 2) is fatal. */
function run(command, args, { check = false } = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const crashed = result.error || result.signal || (check ? result.status !== 0 : result.status > 1);
  if (crashed) {
    console.error(`failed: ${[command, ...args].join(' ')}\n${result.error ?? ''}${result.stderr}`);
    process.exit(1);
  }
  return result;
}

/** Rebuilds dist/ when a source file is newer than its compiled output (or has none). */
function ensureBuilt() {
  const stale = readdirSync(join(root, 'src'), { recursive: true })
    .filter((name) => String(name).endsWith('.ts') && !String(name).endsWith('.d.ts'))
    .some((name) => {
      const built = join(root, 'dist', 'src', String(name).replace(/\.ts$/, '.js'));
      return !existsSync(built) || statSync(built).mtimeMs < statSync(join(root, 'src', name)).mtimeMs;
    });
  if (stale) {
    console.log('dist/ is stale: npx tsc -p .');
    run(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['tsc', '-p', '.'], { check: true });
  }
}

function ptlintFindings(report) {
  if (Array.isArray(report)) return report.flatMap((entry) => (Array.isArray(entry.messages) ? entry.messages : Array.isArray(entry.findings) ? entry.findings : [entry]));
  for (const key of ['findings', 'results', 'diagnostics']) if (Array.isArray(report[key])) return ptlintFindings(report[key]);
  return [];
}

function countBy(keys) {
  const counts = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}
