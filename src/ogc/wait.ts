// Polling a job until it finishes: short first intervals (a job that takes
// milliseconds must come back at once), doubling up to a ceiling, a deadline
// that ends the wait without failing it, and an abort that does fail it.
import { abortedError } from './errors.js';
import { sleep } from './http.js';
import { isFinishedStatus, type StatusInfo } from './models.js';

export interface WaitForJobOptions {
  signal?: AbortSignal;
  /** Called with the job whenever its status, progress or message changed (and on the first poll). */
  onProgress?: (job: StatusInfo) => void;
  /** Stop waiting after this long and resolve with the job as last seen; no limit by default. */
  timeoutMs?: number;
  /** First pause between polls; default 50 ms. */
  initialIntervalMs?: number;
  /** Longest pause between polls; default 1000 ms (progress reaches the client at least once a second). */
  maxIntervalMs?: number;
}

export const DEFAULT_INITIAL_INTERVAL_MS = 50;
export const DEFAULT_MAX_INTERVAL_MS = 1000;

function fingerprint(job: StatusInfo): string {
  return `${job.status}\u0000${job.progress ?? ''}\u0000${job.message ?? ''}`;
}

/**
 * Polls `getJob` until the job is finished or `timeoutMs` has passed, and
 * resolves with the job as last seen (callers check `job.status`). Rejects
 * with an aborted OgcTransportError when the signal fires.
 */
export async function pollUntilFinished(
  getJob: (signal: AbortSignal | undefined) => Promise<StatusInfo>,
  options: WaitForJobOptions = {},
  pause: (ms: number, signal: AbortSignal | undefined) => Promise<void> = sleep,
): Promise<StatusInfo> {
  const { signal, onProgress, timeoutMs } = options;
  const maxInterval = Math.max(1, options.maxIntervalMs ?? DEFAULT_MAX_INTERVAL_MS);
  let interval = Math.min(Math.max(1, options.initialIntervalMs ?? DEFAULT_INITIAL_INTERVAL_MS), maxInterval);
  const deadline = timeoutMs !== undefined ? Date.now() + Math.max(0, timeoutMs) : Number.POSITIVE_INFINITY;
  let seen: string | undefined;
  for (;;) {
    if (signal?.aborted) throw abortedError();
    const job = await getJob(signal);
    const current = fingerprint(job);
    if (current !== seen) {
      seen = current;
      onProgress?.(job);
    }
    if (isFinishedStatus(job.status)) return job;
    const remaining = deadline - Date.now();
    if (remaining <= 0) return job;
    await pause(Math.min(interval, remaining), signal);
    interval = Math.min(interval * 2, maxInterval);
  }
}
