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

/** How many units per worker may be handed out ahead of the one the caller waits for. */
const LOOKAHEAD_PER_JOB = 4;

/**
 * Lints units on `jobs` worker threads and yields each unit's results in the same order a serial run would, so
 * the output is identical whatever the number of jobs. Units go to whichever worker is free next, but never more
 * than LOOKAHEAD_PER_JOB × jobs units beyond the one being yielded: a caller that writes slowly holds a bounded
 * number of finished units, not the rest of the run.
 */
export async function* lintUnitsInParallel(units: readonly LintUnit[], jobs: number, setup: WorkerSetup): AsyncGenerator<FileResult[]> {
  const workerUrl = new URL('./lint-worker.js', import.meta.url);
  const workers = Array.from({ length: Math.min(jobs, units.length) }, () => new Worker(workerUrl, { workerData: setup }));
  const finished = new Map<number, FileResult[]>();
  let waiting: { unitIndex: number; resolve: (results: FileResult[]) => void; reject: (error: unknown) => void } | undefined;
  let crashed: { error: unknown } | undefined;
  let nextToSend = 0;
  let nextToYield = 0;
  const idle: Worker[] = [];
  const lookahead = LOOKAHEAD_PER_JOB * workers.length;
  // A worker that crashes (not a rule that throws: that is a finding) fails the whole run. (The wait below is
  // rejected directly: racing each wait against one long-pending failure promise kept every unit's results alive.)
  for (const worker of workers) {
    worker.on('error', (error) => {
      crashed ??= { error };
      waiting?.reject(error);
      waiting = undefined;
    });
  }
  const send = (worker: Worker) => {
    if (nextToSend >= units.length) return;
    if (nextToSend >= nextToYield + lookahead) {
      idle.push(worker);
      return;
    }
    const unitIndex = nextToSend++;
    worker.postMessage({ unitIndex, filePaths: units[unitIndex].files.map((file) => file.input.filePath) } satisfies WorkerRequest);
  };
  for (const worker of workers) {
    worker.on('message', (reply: WorkerReply) => {
      if (waiting?.unitIndex === reply.unitIndex) {
        waiting.resolve(reply.results);
        waiting = undefined;
      } else {
        finished.set(reply.unitIndex, reply.results);
      }
      send(worker);
    });
    send(worker);
  }
  try {
    for (let unitIndex = 0; unitIndex < units.length; unitIndex++) {
      nextToYield = unitIndex;
      for (const worker of idle.splice(0)) send(worker);
      const ready = finished.get(unitIndex);
      if (ready) {
        finished.delete(unitIndex);
        yield ready;
      } else {
        if (crashed) throw crashed.error;
        yield await new Promise<FileResult[]>((resolve, reject) => {
          waiting = { unitIndex, resolve, reject };
        });
      }
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
