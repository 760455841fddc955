// MCP progress for one tools/call, fed by the OGC job's own progress.
// The protocol wants `progress` strictly increasing; jobs report repeated or
// missing values, and clients reset their idle timers on every notification, so
// a repeat becomes a small step and 100 is kept for the moment the job succeeds.

export interface ProgressUpdate {
  progress: number;
  total: number;
  message?: string;
}

export type ProgressSender = (update: ProgressUpdate) => Promise<void>;

const TOTAL = 100;
/** Highest value while the job is unfinished: 100 means done. */
const CEILING_WHILE_RUNNING = 99;

export class ProgressReporter {
  private last = -Infinity;
  private lastMessage: string | undefined;
  private done = false;
  private sent: Promise<void> = Promise.resolve();

  constructor(private readonly send: ProgressSender) {}

  /** Reports the job's state; sends only when the value or the message moves. */
  update(percent: number | undefined, message: string): void {
    if (this.done) return;
    const reported = clamp(percent ?? 0, 0, CEILING_WHILE_RUNNING);
    if (reported > this.last) this.emit(reported, message);
    else if (message !== this.lastMessage) this.emit(this.nudge(), message);
  }

  /** Keeps the client's idle timer alive while nothing changes. */
  heartbeat(): void {
    if (this.done || !Number.isFinite(this.last)) return;
    this.emit(this.nudge(), this.lastMessage);
  }

  /**
   * The job finished successfully. Resolves once the last notification is
   * written and the event loop has turned: SDK clients handle notifications a
   * microtask later than responses, so a final notification that arrives in
   * the same chunk as the result would be dropped as belonging to no request.
   */
  async complete(message = 'successful'): Promise<void> {
    if (this.done) return;
    if (TOTAL > this.last) this.emit(TOTAL, message);
    this.done = true;
    await this.sent;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** The call is over (failed, unfinished or cancelled): no more notifications. */
  stop(): void {
    this.done = true;
  }

  // A small step that never reaches 100: repeats stay strictly increasing.
  private nudge(): number {
    if (!Number.isFinite(this.last)) return 0;
    return this.last < CEILING_WHILE_RUNNING - 1 ? this.last + 0.1 : this.last + (TOTAL - this.last) / 10;
  }

  private emit(value: number, message: string | undefined): void {
    if (!(value > this.last) || value > TOTAL) return;
    this.last = value;
    this.lastMessage = message;
    const update: ProgressUpdate = { progress: value, total: TOTAL };
    if (message) update.message = message;
    this.sent = this.send(update).catch(() => {
      // A closed connection or a finished request: progress is best effort.
    });
  }
}

function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : min;
}
