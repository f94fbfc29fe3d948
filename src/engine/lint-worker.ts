import { parentPort, workerData } from 'node:worker_threads';
import { ConfigResolver } from '../config/config-resolver.js';
import type { FileResult } from '../types.js';
import { lintInputs } from './run.js';
import type { WorkerRequest, WorkerSetup } from './parallel-lint.js';

/**
 * A worker thread of `ptlint check --jobs N`: it lints whole units (folders) that the main thread hands it and
 * posts their results back. Each worker loads the configs and rule sets itself; nothing but file paths and
 * results crosses the thread boundary.
 */
const setup = workerData as WorkerSetup;
const resolver = new ConfigResolver({ configPath: setup.configPath, onlyRules: setup.onlyRules });

parentPort!.on('message', (request: WorkerRequest) => {
  void lintInputs(
    request.filePaths.map((filePath) => ({ filePath })),
    { resolver, locale: setup.locale, keepSource: setup.keepSource },
  ).then((run) => {
    const results: FileResult[] = run.ok ? run.results : [];
    parentPort!.postMessage({ unitIndex: request.unitIndex, results, problems: run.ok ? [] : run.problems });
  });
});
