// The live job list: pages subscribe with server-sent events; while any page
// listens, the OGC server's job list is read once a second (one poll for all
// pages) and sent on when it changed. Nothing is polled while nobody listens.
import type { ServerResponse } from 'node:http';
import type { OgcClient, StatusInfo } from '../ogc/index.js';

const POLL_MS = 1000;
const KEEPALIVE_MS = 15_000;

export interface JobFeedOptions {
  pollMs?: number;
  /** Called with a failure to read the list (once per distinct message). */
  onError?(message: string): void;
}

export class JobFeed {
  private readonly listeners = new Set<ServerResponse>();
  private timer: NodeJS.Timeout | undefined;
  private keepalive: NodeJS.Timeout | undefined;
  private last = '';
  private polling: Promise<void> | undefined;
  private readonly pollMs: number;
  private readonly started = new Set<string>();

  constructor(private readonly client: OgcClient, private readonly options: JobFeedOptions = {}) {
    this.pollMs = options.pollMs ?? POLL_MS;
  }

  /** Turns the response into an event stream of `jobs` events; ends with the request. */
  subscribe(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write('retry: 2000\n\n');
    this.listeners.add(res);
    res.on('close', () => {
      this.listeners.delete(res);
      if (this.listeners.size === 0) this.stop();
    });
    if (this.last) res.write(this.last);
    this.start();
    void this.poke();
  }

  /** Reads the list now (after an execution or a dismissal) instead of at the next tick. */
  poke(): Promise<void> {
    if (this.listeners.size === 0) return Promise.resolve();
    this.polling ??= this.poll().finally(() => (this.polling = undefined));
    return this.polling;
  }

  close(): void {
    this.stop();
    for (const res of this.listeners) res.end();
    this.listeners.clear();
  }

  private start(): void {
    this.timer ??= setInterval(() => void this.poke(), this.pollMs);
    this.keepalive ??= setInterval(() => {
      for (const res of this.listeners) res.write(': keep-alive\n\n');
    }, KEEPALIVE_MS);
  }

  private stop(): void {
    clearInterval(this.timer);
    clearInterval(this.keepalive);
    this.timer = this.keepalive = undefined;
  }

  /** Remembers a job started here: listed even when the server has no job list (GET /jobs is optional). */
  track(jobId: string): void {
    this.started.add(jobId);
  }

  /** The server's job list, or else the jobs started here, each read on its own. */
  async list(): Promise<StatusInfo[]> {
    try {
      return sortJobs((await this.client.getJobs()).jobs);
    } catch (error) {
      if (this.started.size === 0) throw error;
      const jobs = await Promise.all([...this.started].map((id) => this.client.getJob(id).catch(() => undefined)));
      return sortJobs(jobs.filter((j): j is StatusInfo => j !== undefined));
    }
  }

  private async poll(): Promise<void> {
    let payload: string;
    try {
      payload = `event: jobs\ndata: ${JSON.stringify({ jobs: await this.list() })}\n\n`;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      payload = `event: problem\ndata: ${JSON.stringify({ error: `The job list cannot be read: ${message}` })}\n\n`;
      if (payload !== this.last) this.options.onError?.(message);
    }
    if (payload === this.last) return;
    this.last = payload;
    for (const res of this.listeners) res.write(payload);
  }
}

/** Newest first (by creation time when given, else as listed). */
export function sortJobs(jobs: readonly StatusInfo[]): StatusInfo[] {
  return jobs
    .map((job, index) => ({ job, index, t: Date.parse(String(job.created ?? '')) }))
    .sort((a, b) => (Number.isNaN(b.t) || Number.isNaN(a.t) ? a.index - b.index : b.t - a.t || a.index - b.index))
    .map((e) => e.job);
}
