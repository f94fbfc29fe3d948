import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { LintScheduler } from '../../src/lsp/lint-scheduler.js';

/** A run that ends when the test says so, recording when it started and ended. */
function controlledRuns() {
  const log: string[] = [];
  const pending: Array<() => void> = [];
  const run = (uri: string) => {
    log.push(`start ${uri}`);
    return new Promise<void>((resolve) => {
      pending.push(() => {
        log.push(`end ${uri}`);
        resolve();
      });
    });
  };
  /** ends the oldest run still going and lets its continuations run */
  const endOne = async () => {
    pending.shift()!();
    await vi.advanceTimersByTimeAsync(0);
  };
  return { log, run, endOne, going: () => pending.length };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

test('changes that arrive together are linted once, at once', async () => {
  const { log, run } = controlledRuns();
  const scheduler = new LintScheduler(0, run);
  scheduler.schedule('a');
  scheduler.schedule('a');
  scheduler.schedule('a');
  await vi.advanceTimersByTimeAsync(0);
  expect(log).toEqual(['start a']);
});

test('changes during a run are coalesced into one more run after it, never a second run at the same time', async () => {
  const { log, run, endOne, going } = controlledRuns();
  const scheduler = new LintScheduler(0, run);
  scheduler.schedule('a');
  await vi.advanceTimersByTimeAsync(0);
  for (let change = 0; change < 5; change++) {
    scheduler.schedule('a');
    await vi.advanceTimersByTimeAsync(0);
  }
  expect(going()).toBe(1);
  await endOne();
  expect(log).toEqual(['start a', 'end a', 'start a']);
  await endOne();
  expect(log).toEqual(['start a', 'end a', 'start a', 'end a']);
  expect(going()).toBe(0);
});

test('documents run independently; a cancelled or disposed document does not run again', async () => {
  const { log, run, endOne } = controlledRuns();
  const scheduler = new LintScheduler(0, run);
  scheduler.schedule('a');
  scheduler.schedule('b');
  await vi.advanceTimersByTimeAsync(0);
  expect(log).toEqual(['start a', 'start b']);
  scheduler.schedule('a');
  scheduler.cancel('a');
  scheduler.schedule('b');
  scheduler.dispose();
  scheduler.schedule('b');
  await endOne();
  await endOne();
  expect(log).toEqual(['start a', 'start b', 'end a', 'end b']);
});

test('a debounce waits for quiet before the run', async () => {
  const { log, run } = controlledRuns();
  const scheduler = new LintScheduler(200, run);
  scheduler.schedule('a');
  await vi.advanceTimersByTimeAsync(150);
  scheduler.schedule('a');
  await vi.advanceTimersByTimeAsync(150);
  expect(log).toEqual([]);
  await vi.advanceTimersByTimeAsync(50);
  expect(log).toEqual(['start a']);
});
