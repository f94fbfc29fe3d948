import { performance } from 'node:perf_hooks';

/**
 * Time spent per phase and per rule in one run (`ptlint check --stats`, like ESLint's TIMING). A run without
 * stats passes `undefined` and pays nothing but the optional call.
 */
export class RunStats {
  private readonly totals = new Map<string, number>();
  private readonly counts = new Map<string, number>();

  time<T>(key: string, work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.add(key, performance.now() - started);
    }
  }

  add(key: string, milliseconds: number): void {
    this.totals.set(key, (this.totals.get(key) ?? 0) + milliseconds);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Rows sorted by time, phases (`phase:`) first, then rules (`rule:`). */
  rows(): Array<{ key: string; milliseconds: number; calls: number }> {
    return [...this.totals]
      .map(([key, milliseconds]) => ({ key, milliseconds, calls: this.counts.get(key) ?? 0 }))
      .sort((a, b) => Number(b.key.startsWith('phase:')) - Number(a.key.startsWith('phase:')) || b.milliseconds - a.milliseconds);
  }

  /** A plain-text table for stderr. */
  render(): string {
    const rows = this.rows();
    const phaseTotal = rows.filter((row) => row.key.startsWith('phase:')).reduce((sum, row) => sum + row.milliseconds, 0) || 1;
    const width = Math.max(...rows.map((row) => row.key.length), 10);
    const lines = rows.map(
      (row) => `${row.key.padEnd(width)}  ${row.milliseconds.toFixed(1).padStart(10)} ms  ${((row.milliseconds / phaseTotal) * 100).toFixed(1).padStart(5)}%  ${String(row.calls).padStart(8)}×`,
    );
    return [`${'phase / rule'.padEnd(width)}  ${'time'.padStart(13)}  ${'share'.padStart(6)}  ${'calls'.padStart(9)}`, ...lines].join('\n') + '\n';
  }
}

/** Runs `work`, timing it under `key` when stats are being collected. */
export function timed<T>(stats: RunStats | undefined, key: string, work: () => T): T {
  return stats ? stats.time(key, work) : work();
}
