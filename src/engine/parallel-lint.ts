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

export interface WorkerReply {
  unitIndex: number;
  results: FileResult[];
  problems: SetupProblem[];
}

/**
 * Below this many files a run is faster on one thread. The calling thread lints too, so a worker's start-up
 * overlaps useful work, but each worker still pays for its own JIT warm-up, its own garbage collection and the
 * copying of its results back. Measured on 2 cores, where one thread already keeps about 1.4 cores busy (V8
 * compiles and collects garbage beside it): 300 and 1,000 filings are slower with --jobs 2, 2,000 about even,
 * 10,000 faster.
 */
export const PARALLEL_THRESHOLD = 2000;

/** How many units per thread may be handed out ahead of the one the caller waits for. */
const LOOKAHEAD_PER_JOB = 4;

/**
 * Units queued at a worker at once: while the calling thread lints a unit of its own it does not hear a worker
 * finish, so each worker holds one unit more than it is linting and never waits for the next.
 */
const IN_FLIGHT_PER_WORKER = 2;

export interface ParallelOptions {
  /** lints one unit on the calling thread, exactly as a worker would (same results, same order) */
  lintHere: (unit: LintUnit) => FileResult[];
  /** the worker script; the default is lint-worker.js beside this module (tests substitute their own) */
  workerUrl?: URL;
}

/**
 * Lints units on `jobs` threads — the calling thread and jobs − 1 worker threads — and yields each unit's results
 * in the same order a serial run would, so the output is identical whatever the number of jobs.
 *
 * Units are claimed in run order: each worker keeps IN_FLIGHT_PER_WORKER units queued, and the calling thread,
 * whenever the unit it must yield next is not ready, lints the next unclaimed unit itself rather than wait. The
 * calling thread also formats and writes the report, so it lints fewer units than a worker does, and no thread
 * idles while there is work. Nothing is claimed more than LOOKAHEAD_PER_JOB × jobs units beyond the one being
 * yielded: a caller that writes slowly holds a bounded number of finished units, not the rest of the run.
 *
 * A worker that crashes or exits while holding units (not a rule that throws: that is a finding) fails the run:
 * the pending `next()` rejects with its error. Workers are terminated when the generator finishes or is returned.
 */
export async function* lintUnitsInParallel(
  units: readonly LintUnit[],
  jobs: number,
  setup: WorkerSetup,
  options: ParallelOptions,
): AsyncGenerator<FileResult[]> {
  const workerUrl = options.workerUrl ?? new URL('./lint-worker.js', import.meta.url);
  const workerCount = Math.max(0, Math.min(jobs - 1, units.length - 1));
  const workers = Array.from({ length: workerCount }, () => ({ worker: new Worker(workerUrl, { workerData: setup }), inFlight: 0 }));
  const lookahead = LOOKAHEAD_PER_JOB * Math.max(1, jobs);
  const finished = new Map<number, FileResult[]>();
  let nextToClaim = 0;
  let nextToYield = 0;
  let crashed: { error: unknown } | undefined;
  let stopping = false;
  // wakes the calling thread when a worker replies or fails; at most one wait is pending at a time
  let wake: (() => void) | undefined;
  const wakeUp = () => {
    wake?.();
    wake = undefined;
  };
  const mayClaim = () => nextToClaim < units.length && nextToClaim < nextToYield + lookahead;
  const feed = () => {
    for (const slot of workers) {
      while (slot.inFlight < IN_FLIGHT_PER_WORKER && mayClaim()) {
        const unitIndex = nextToClaim++;
        slot.inFlight++;
        slot.worker.postMessage({ unitIndex, filePaths: units[unitIndex].files.map((file) => file.input.filePath) } satisfies WorkerRequest);
      }
    }
  };
  const fail = (error: unknown) => {
    crashed ??= { error };
    wakeUp();
  };
  for (const slot of workers) {
    slot.worker.on('message', (reply: WorkerReply) => {
      slot.inFlight--;
      // the calling thread resolved every file's config before the run; a worker that cannot is out of step with it
      if (reply.problems.length > 0) fail(new Error(`a lint worker could not set up: ${reply.problems.map((problem) => problem.message.en).join('; ')}`));
      finished.set(reply.unitIndex, reply.results);
      feed();
      wakeUp();
    });
    slot.worker.on('error', fail);
    // a worker that ends without an 'error' (process.exit in a rule, say) would otherwise leave its units unlinted
    slot.worker.on('exit', (code) => {
      if (!stopping && slot.inFlight > 0) fail(new Error(`a lint worker exited (code ${code}) while linting`));
    });
  }
  try {
    for (let unitIndex = 0; unitIndex < units.length; unitIndex++) {
      nextToYield = unitIndex;
      feed();
      while (!finished.has(unitIndex)) {
        if (crashed) throw crashed.error;
        // every unit before `unitIndex` was yielded, so the next unclaimed one is this unit or one after it
        if (mayClaim()) {
          const claimed = nextToClaim++;
          finished.set(claimed, options.lintHere(units[claimed]));
          // linting here is synchronous: let workers' replies in (and refill them) before choosing the next step
          if (workers.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
        } else {
          await new Promise<void>((resolve) => (wake = resolve));
        }
      }
      if (crashed) throw crashed.error;
      const ready = finished.get(unitIndex)!;
      finished.delete(unitIndex);
      yield ready;
    }
  } finally {
    stopping = true;
    await Promise.all(workers.map((slot) => slot.worker.terminate()));
  }
}
