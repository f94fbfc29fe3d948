import { Worker } from 'node:worker_threads';
import type { FileResult, Locale, SetupProblem } from '../types.js';
import type { LintUnit } from './run.js';

export interface WorkerSetup {
  configPath?: string;
  onlyRules?: readonly string[];
  locale: Locale;
  keepSource: boolean;
}

export interface WorkerRequest {
  unitIndex: number;
  filePaths: string[];
}

interface WorkerReply {
  unitIndex: number;
  results: FileResult[];
  problems: SetupProblem[];
}

/** Below this many files a run is faster on one thread than paying for workers to start and load rule sets. */
export const PARALLEL_THRESHOLD = 200;

/**
 * Lints units on `jobs` worker threads and yields each unit's results in the same order a serial run would, so
 * the output is identical whatever the number of jobs. Units go to whichever worker is free next.
 */
export async function* lintUnitsInParallel(units: readonly LintUnit[], jobs: number, setup: WorkerSetup): AsyncGenerator<FileResult[]> {
  const workerUrl = new URL('./lint-worker.js', import.meta.url);
  const workers = Array.from({ length: Math.min(jobs, units.length) }, () => new Worker(workerUrl, { workerData: setup }));
  const finished = new Map<number, FileResult[]>();
  const waiting = new Map<number, (results: FileResult[]) => void>();
  let nextToSend = 0;
  // A worker that crashes (not a rule that throws: that is a finding) fails the whole run.
  const failure = new Promise<never>((_, reject) => {
    for (const worker of workers) worker.on('error', reject);
  });
  failure.catch(() => undefined);
  const send = (worker: Worker) => {
    if (nextToSend >= units.length) return;
    const unitIndex = nextToSend++;
    worker.postMessage({ unitIndex, filePaths: units[unitIndex].files.map((file) => file.input.filePath) } satisfies WorkerRequest);
  };
  for (const worker of workers) {
    worker.on('message', (reply: WorkerReply) => {
      const resolveWaiting = waiting.get(reply.unitIndex);
      if (resolveWaiting) {
        waiting.delete(reply.unitIndex);
        resolveWaiting(reply.results);
      } else {
        finished.set(reply.unitIndex, reply.results);
      }
      send(worker);
    });
    send(worker);
  }
  try {
    for (let unitIndex = 0; unitIndex < units.length; unitIndex++) {
      const ready = finished.get(unitIndex);
      if (ready) {
        finished.delete(unitIndex);
        yield ready;
      } else {
        yield await Promise.race([new Promise<FileResult[]>((resolveResults) => waiting.set(unitIndex, resolveResults)), failure]);
      }
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
