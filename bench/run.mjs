// npm run bench — ptlint's speed and memory figures, each printed beside a baseline measured in the same run on
// the same machine, so that the ratios (not the absolute times) carry from one machine to another.
//   node bench/run.mjs [--files N] [--scale N]
//   --files N   batch corpus size (default 10000)
//   --scale N   also lint N filings in one run (json and sarif to --output) and report peak RSS against the same
//               run on N/10 filings (e.g. 100000: slow, and needs a few GB under bench/out while it runs)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
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

// 5. Scale: many filings in one run, streamed to the report; peak RSS of the whole process (main thread and worker
// threads) as GNU time reports it, against the same run on a tenth of the filings.
if (scaleCount > 0) {
  const corpusOf = (count) => {
    const folder = join(root, 'bench', 'out', `corpus-${count}`);
    if (!existsSync(folder) || yamlFiles(folder).length < count) generateCorpus(count, folder);
    return folder;
  };
  const peakRss = (folder, format) => {
    const report = join(root, 'bench', 'out', `scale-report.${format}`);
    const begin = performance.now();
    const child = spawnSync('/usr/bin/time', ['-f', 'ptlint-peak-rss-kb %M', process.execPath, join(root, 'bin', 'ptlint.js'), 'check', folder, '--format', format, '--output', report], {
      cwd: root,
      encoding: 'utf8',
    });
    const milliseconds = performance.now() - begin;
    const peak = /ptlint-peak-rss-kb (\d+)/.exec(child.stderr ?? '');
    if (child.error || !peak || ![0, 1].includes(child.status)) throw new Error(`bench: ptlint check --format ${format} failed (${child.error?.message ?? child.status}): ${child.stderr}`);
    const bytes = existsSync(report) ? statSync(report).size : 0;
    rmSync(report, { force: true });
    return { megabytes: Number(peak[1]) / 1024, milliseconds, reportMegabytes: bytes / 1024 / 1024 };
  };
  const tenth = Math.max(1, Math.round(scaleCount / 10));
  const small = corpusOf(tenth);
  const big = corpusOf(scaleCount);
  console.log(`\nscale: ${scaleCount} filings in one run, report streamed to --output (peak RSS of the process, all threads)`);
  if (!existsSync('/usr/bin/time')) {
    console.log('  skipped: needs GNU time at /usr/bin/time to read the peak RSS');
  } else {
    for (const format of ['json', 'sarif']) {
      const baseline = peakRss(small, format);
      const scaled = peakRss(big, format);
      row(`check --format ${format}, ${tenth} filings`, `${baseline.megabytes.toFixed(0)} MB`, `${seconds(baseline.milliseconds)}, report ${baseline.reportMegabytes.toFixed(0)} MB`);
      row(
        `check --format ${format}, ${scaleCount} filings`,
        `${scaled.megabytes.toFixed(0)} MB`,
        `${(scaled.megabytes / baseline.megabytes).toFixed(2)}× the run on ${tenth}, ${seconds(scaled.milliseconds)}, report ${scaled.reportMegabytes.toFixed(0)} MB`,
        'RSS ≤ 500 MB',
      );
    }
  }
}
