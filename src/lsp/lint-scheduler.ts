/**
 * Schedules lint runs per document. A change lints after `delayMs` of quiet (0 by default: at once, on the next
 * turn of the event loop, so that changes that arrived together are linted once). A document is never linted twice
 * at the same time: changes that arrive while its run is going are coalesced into one more run after it, so fast
 * typing costs at most one run in flight and one waiting, whatever the length of a run. A run that finds a newer
 * version when it ends drops its result (see server.ts).
 */
export class LintScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** documents with a run going */
  private readonly running = new Set<string>();
  /** documents changed while their run was going: they run again when it ends */
  private readonly again = new Set<string>();
  private disposed = false;

  constructor(
    private readonly delayMs: number,
    private readonly run: (uri: string) => Promise<void>,
  ) {}

  /** Lints `uri` after `delayMs` of quiet (or after `delayMs` given here), or after its current run. */
  schedule(uri: string, delayMs = this.delayMs): void {
    if (this.disposed) return;
    this.cancel(uri);
    if (this.running.has(uri)) {
      this.again.add(uri);
      return;
    }
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.running.add(uri);
        const ended = () => {
          this.running.delete(uri);
          if (this.again.delete(uri)) this.schedule(uri);
        };
        void this.run(uri).then(ended, ended);
      }, delayMs),
    );
  }

  cancel(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.again.delete(uri);
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.again.clear();
  }
}
