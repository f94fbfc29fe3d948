/**
 * Debounces lint runs per document: a change postpones the pending run, so that only the latest version is
 * linted. A run that is already going when a newer version arrives is not interrupted; it checks the version
 * before publishing (see server.ts) and drops its result.
 */
export class LintScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly delayMs: number,
    private readonly run: (uri: string) => Promise<void>,
  ) {}

  /** Lints `uri` after `delayMs` of quiet (or after `delayMs` given here, e.g. 0 for a document just opened). */
  schedule(uri: string, delayMs = this.delayMs): void {
    this.cancel(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.run(uri);
      }, delayMs),
    );
  }

  cancel(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
