// Cold start: `ptlint check one.yaml` as a fresh process, against Node starting and exiting (`node -e 0`).
// Used by bench/run.mjs (section 4); on its own, `node bench/cold-start.mjs [--runs N]` prints just these rows
// (npm run build first).
//
// The two commands run alternately, after one warm-up run of each (which fills the disk cache), so that load from
// other work on the machine falls on both alike; each figure is the median of its runs.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const COLD_START_FILING = join(root, 'examples', '004_94bc4c6928439b7e', '疫情防控.yaml');

function timedRun(args) {
  const begin = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const milliseconds = performance.now() - begin;
  if (child.status === null || child.status === 2) throw new Error(`bench: ${args.join(' ')} failed (${child.status ?? child.signal}): ${child.stderr}`);
  return milliseconds;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median wall times (ms) of `node -e 0` and of `ptlint check <one filing>`, measured alternately. */
export function measureColdStart(runs = 15) {
  const node = ['-e', '0'];
  const ptlint = [join(root, 'bin', 'ptlint.js'), 'check', COLD_START_FILING];
  timedRun(node);
  timedRun(ptlint);
  const nodeTimes = [];
  const ptlintTimes = [];
  for (let run = 0; run < runs; run++) {
    nodeTimes.push(timedRun(node));
    ptlintTimes.push(timedRun(ptlint));
  }
  return { runs, nodeAlone: median(nodeTimes), coldStart: median(ptlintTimes) };
}

/** The cold-start rows, printed with bench/run.mjs's row(label, value, baseline, target). */
export function printColdStart({ runs, nodeAlone, coldStart }, row) {
  console.log(`\ncold start: ptlint check one.yaml (median of ${runs}, alternating with node -e 0)`);
  row('node -e 0', `${nodeAlone.toFixed(0)} ms`, '');
  row('ptlint check one.yaml', `${coldStart.toFixed(0)} ms`, `${(coldStart / nodeAlone).toFixed(1)}× node alone`, '≤ 300 ms');
  row('  of which ptlint itself (above node alone)', `${(coldStart - nodeAlone).toFixed(0)} ms`, `${(((coldStart - nodeAlone) / coldStart) * 100).toFixed(0)}% of the cold start`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const index = process.argv.indexOf('--runs');
  const runs = index === -1 ? 15 : Number(process.argv[index + 1]);
  const row = (label, value, baseline, target) => console.log(`  ${label.padEnd(44)} ${value.padStart(14)}   ${baseline}${target ? `   target ${target}` : ''}`);
  console.log(`ptlint cold start — node ${process.version}`);
  printColdStart(measureColdStart(runs), row);
}
