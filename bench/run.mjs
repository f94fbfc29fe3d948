// npm run bench — ptlint's speed and memory figures, each printed beside a baseline measured in the same run on
// the same machine, so that the ratios (not the absolute times) carry from one machine to another.
//   node bench/run.mjs [--files N] [--scale N]
//   --files N   batch corpus size (default 10000)
//   --scale N   also lint N filings in one run and report peak RSS (e.g. 100000; slow)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';
import { measureColdStart, printColdStart } from './cold-start.mjs';
import { generateCorpus } from './generate-corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const fileCount = argument('--files', 10_000);
const scaleCount = argument('--scale', 0);

if (!existsSync(join(root, 'dist', 'src', 'index.js'))) {
  console.error('bench: run `npm run build` first (npm run bench does)');
  process.exit(2);
}
const { lintPaths } = await import(join(root, 'dist', 'src', 'index.js'));

function yamlFiles(folder) {
  return readdirSync(folder, { recursive: true })
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => join(folder, name))
    .sort();
}

function seconds(milliseconds) {
  return `${(milliseconds / 1000).toFixed(2)} s`;
}

function row(label, value, baseline, target) {
  console.log(`  ${label.padEnd(44)} ${value.padStart(14)}   ${baseline}${target ? `   target ${target}` : ''}`);
}

console.log(`ptlint bench — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);

// 1. Batch throughput against the parse floor: the same files read and parsed with yaml + LineCounter.
const corpus = join(root, 'bench', 'out', `corpus-${fileCount}`);
if (!existsSync(corpus) || yamlFiles(corpus).length < fileCount) generateCorpus(fileCount, corpus);
const files = yamlFiles(corpus);

let started = performance.now();
for (const file of files) parseDocument(readFileSync(file, 'utf8'), { lineCounter: new LineCounter() });
const floor = performance.now() - started;

started = performance.now();
const run = await lintPaths([corpus], root, { keepSource: false });
const linted = performance.now() - started;
if (!run.ok) throw new Error(JSON.stringify(run.problems));
const findings = run.results.reduce((sum, result) => sum + result.findings.length, 0);

console.log(`\nbatch: ${files.length} filings (${findings} findings)`);
row('parse floor (read + yaml.parseDocument)', seconds(floor), `${Math.round(files.length / (floor / 1000))} filings/s`);
row('ptlint, in process, every rule', seconds(linted), `${(linted / floor).toFixed(2)}× floor, ${Math.round(files.length / (linted / 1000))} filings/s`, '≤ 1.5× floor, ≥ 1000 filings/s');

// 2. The CLI end to end (start-up, formatter, output) on the same corpus.
const cli = (args) => {
  const begin = performance.now();
  const child = spawnSync(process.execPath, [join(root, 'bin', 'ptlint.js'), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { milliseconds: performance.now() - begin, status: child.status, stderr: child.stderr };
};
const oneThread = cli(['check', corpus, '--format', 'json', '--output', '/dev/null', '--jobs', '1']);
row('ptlint check --jobs 1 (CLI wall)', seconds(oneThread.milliseconds), `${(oneThread.milliseconds / floor).toFixed(2)}× floor`);
const jobs = cpus().length;
const allThreads = cli(['check', corpus, '--format', 'json', '--output', '/dev/null', '--jobs', String(jobs)]);
row(`ptlint check --jobs ${jobs} (CLI wall)`, seconds(allThreads.milliseconds), `${(oneThread.milliseconds / allThreads.milliseconds).toFixed(2)}× faster than --jobs 1, ${Math.round(files.length / (allThreads.milliseconds / 1000))} filings/s`);

// 3. Cache: a re-run over unchanged filings.
const cacheFile = join(root, 'bench', 'out', 'bench.ptlintcache');
rmSync(cacheFile, { force: true });
cli(['check', corpus, '--format', 'json', '--output', '/dev/null', '--cache', '--cache-location', cacheFile]);
const cachedRun = cli(['check', corpus, '--format', 'json', '--output', '/dev/null', '--cache', '--cache-location', cacheFile]);
row('ptlint check --cache, nothing changed', seconds(cachedRun.milliseconds), `${(cachedRun.milliseconds / oneThread.milliseconds).toFixed(2)}× an uncached run`);

// 4. Cold start on one filing, against Node starting and exiting (bench/cold-start.mjs; alternating runs).
printColdStart(measureColdStart(), row);

// 5. Scale: many filings in one run, peak memory.
if (scaleCount > 0) {
  const big = join(root, 'bench', 'out', `corpus-${scaleCount}`);
  if (!existsSync(big) || yamlFiles(big).length < scaleCount) generateCorpus(scaleCount, big);
  const begin = performance.now();
  const child = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(root, 'bin', 'ptlint.js'), 'check', big, '--format', 'json', '--output', '/dev/null'], {
    cwd: root,
    encoding: 'utf8',
  });
  const peakKb = Number(child.stderr.trim().split('\n').pop());
  console.log(`\nscale: ${scaleCount} filings in one run`);
  row('ptlint check (CLI wall)', seconds(performance.now() - begin), `peak RSS ${(peakKb / 1024).toFixed(0)} MB`, 'RSS ≤ 500 MB');
}
