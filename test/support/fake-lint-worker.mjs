// A stand-in for src/engine/lint-worker.ts in tests of lintUnitsInParallel: it speaks the same protocol without
// linting. Each file gets an empty result; a unit whose first path contains "slow" answers late (so replies come
// out of order), "throw" makes the worker fail with an error, "exit" makes it end without one.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ unitIndex, filePaths }) => {
  const first = filePaths[0] ?? '';
  if (first.includes('throw')) throw new Error(`worker failed on ${first}`);
  if (first.includes('exit')) process.exit(3);
  const results = filePaths.map((filePath) => ({ filePath, kind: 'unknown', findings: [], errorCount: 0, warningCount: 0, infoCount: 0, linter: 'worker' }));
  setTimeout(() => parentPort.postMessage({ unitIndex, results, problems: [] }), first.includes('slow') ? 40 : 1);
});
