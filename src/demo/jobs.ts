import { randomUUID } from 'node:crypto';
import type { DemoProcess, ProcessInputs, ProcessOutputs, RunContext } from './processes/types.js';
import { errorMessage } from '../util/errors.js';

export type JobStatus = 'accepted' | 'running' | 'successful' | 'failed' | 'dismissed';
export const JOB_STATUSES: readonly JobStatus[] = ['accepted', 'running', 'successful', 'failed', 'dismissed'];

export interface OutputFile {
  mediaType: string;
  body: Buffer;
}

/** What the routes may read of a job; the manager alone changes it. */
export interface Job {
  readonly id: string;
  readonly processId: string;
  readonly status: JobStatus;
  readonly created: string;
  readonly started?: string;
  readonly updated?: string;
  readonly finished?: string;
  readonly progress?: number;
  readonly message?: string;
  /** The results document, serialized once on success (outputs can be many MB). */
  readonly resultsBody?: Buffer;
  readonly files?: ReadonlyMap<string, OutputFile>;
}

type JobRecord = { -readonly [K in keyof Job]: Job[K] };

interface JobEntry extends JobRecord {
  process: DemoProcess;
  inputs: ProcessInputs;
  baseUrl: string;
  selectedOutputs?: readonly string[];
  abort: AbortController;
  waiters?: Array<() => void>;
  files?: Map<string, OutputFile>;
  /** Bytes of results and files held for this job once it is over. */
  retainedBytes: number;
}

export interface JobFilter {
  statuses?: ReadonlySet<string>;
  processIds?: ReadonlySet<string>;
}

export interface JobManagerOptions {
  maxWorkers: number;
  maxJobs: number;
  /** Total bytes of results and output files kept; past it the oldest finished jobs go. */
  maxRetainedBytes: number;
}

const isFinal = (status: JobStatus) => status === 'successful' || status === 'failed' || status === 'dismissed';
const now = () => new Date().toISOString();

/**
 * Job store and bounded worker pool in one: at most `maxWorkers` jobs run at a
 * time, the rest wait in FIFO order as 'accepted'. Finished jobs are kept for
 * polling, the oldest evicted beyond `maxJobs`. Cancellation is cooperative:
 * dismissal aborts the job's signal, and a process stops at its next await or
 * progress report.
 */
export class JobManager {
  // Insertion-ordered: listing is oldest first, and eviction walks from the front.
  private readonly jobs = new Map<string, JobEntry>();
  private readonly queue: JobEntry[] = [];
  private queueHead = 0;
  private running = 0;
  private closed = false;
  private retainedBytes = 0;

  constructor(private readonly options: JobManagerOptions) {}

  get size(): number {
    return this.jobs.size;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  submit(
    process: DemoProcess,
    inputs: ProcessInputs,
    context: { baseUrl: string; selectedOutputs?: readonly string[] },
  ): Job {
    if (this.closed) throw new Error('the demo server is closing');
    const job: JobEntry = {
      id: randomUUID(),
      processId: process.id,
      status: 'accepted',
      created: now(),
      process,
      inputs,
      baseUrl: context.baseUrl,
      selectedOutputs: context.selectedOutputs,
      abort: new AbortController(),
      retainedBytes: 0,
    };
    this.jobs.set(job.id, job);
    this.queue.push(job);
    this.pump();
    this.evict();
    return job;
  }

  /** Resolves once the job is successful, failed or dismissed. */
  whenSettled(job: Job): Promise<void> {
    const entry = this.jobs.get(job.id);
    if (!entry || isFinal(entry.status)) return Promise.resolve();
    return new Promise((resolve) => (entry.waiters ??= []).push(resolve));
  }

  /** One page of jobs in creation order, and whether more match after it. */
  list(filter: JobFilter, offset: number, limit: number): { jobs: Job[]; more: boolean } {
    const jobs: Job[] = [];
    let skipped = 0;
    for (const job of this.jobs.values()) {
      if (filter.statuses && !filter.statuses.has(job.status)) continue;
      if (filter.processIds && !filter.processIds.has(job.processId)) continue;
      if (skipped < offset) {
        skipped++;
        continue;
      }
      if (jobs.length === limit) return { jobs, more: true };
      jobs.push(job);
    }
    return { jobs, more: false };
  }

  /**
   * DELETE semantics: an unfinished job is stopped and kept as 'dismissed';
   * a finished one is removed (a second DELETE then finds nothing).
   */
  dismiss(id: string): { job: Job; removed: boolean } | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    if (isFinal(job.status)) {
      this.remove(job);
      return { job, removed: true };
    }
    this.stop(job, job.status === 'running' ? 'Dismissed while running' : 'Dismissed before it started');
    this.evict();
    return { job, removed: false };
  }

  /** Stops every unfinished job; used when the server closes. */
  close(): void {
    this.closed = true;
    for (const job of this.jobs.values()) {
      if (!isFinal(job.status)) this.stop(job, 'Stopped: the server closed');
    }
    this.queue.length = 0;
    this.queueHead = 0;
  }

  private stop(job: JobEntry, message: string): void {
    job.status = 'dismissed';
    job.message = message;
    job.finished = job.updated = now();
    job.abort.abort(new Error(message));
    this.settle(job);
  }

  private pump(): void {
    while (this.running < this.options.maxWorkers && this.queueHead < this.queue.length) {
      const job = this.queue[this.queueHead++];
      if (job.status === 'accepted') void this.run(job);
    }
    // Drop the consumed front now and then rather than shifting on every dequeue.
    if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
      this.queue.splice(0, this.queueHead);
      this.queueHead = 0;
    }
  }

  private async run(job: JobEntry): Promise<void> {
    this.running++;
    job.status = 'running';
    job.started = job.updated = now();
    try {
      const outputs = await job.process.run(job.inputs, this.contextFor(job));
      this.succeed(job, outputs);
    } catch (error) {
      this.fail(job, error);
    } finally {
      this.running--;
      this.pump();
      this.evict();
    }
  }

  private contextFor(job: JobEntry): RunContext {
    return {
      signal: job.abort.signal,
      baseUrl: job.baseUrl,
      jobId: job.id,
      reportProgress: (progress, message) => {
        // Each report is a cancellation point, as in the reference.
        job.abort.signal.throwIfAborted();
        if (typeof progress === 'number' && Number.isFinite(progress)) {
          job.progress = Math.min(100, Math.max(0, Math.round(progress)));
        }
        if (typeof message === 'string') job.message = message;
        job.updated = now();
      },
      saveOutputFile: (name, mediaType, body) => {
        (job.files ??= new Map()).set(name, { mediaType, body: Buffer.from(body) });
        return `${job.baseUrl}outputs/${encodeURIComponent(job.id)}/${encodeURIComponent(name)}`;
      },
    };
  }

  private succeed(job: JobEntry, outputs: ProcessOutputs): void {
    if (job.status !== 'running') return; // dismissed meanwhile: its result is dropped
    let selected = outputs;
    if (job.selectedOutputs) {
      selected = {};
      for (const id of job.selectedOutputs) if (id in outputs) selected[id] = outputs[id];
    }
    try {
      job.resultsBody = Buffer.from(JSON.stringify(selected));
    } catch (error) {
      this.fail(job, error);
      return;
    }
    job.status = 'successful';
    job.progress = 100;
    job.finished = job.updated = now();
    this.settle(job);
  }

  private fail(job: JobEntry, error: unknown): void {
    if (job.status !== 'running') return;
    job.status = 'failed';
    job.message = errorMessage(error);
    job.finished = job.updated = now();
    this.settle(job);
  }

  private settle(job: JobEntry): void {
    // Inputs can be large and are not needed once the job is over.
    job.inputs = {};
    job.retainedBytes = job.resultsBody?.length ?? 0;
    for (const file of job.files?.values() ?? []) job.retainedBytes += file.body.length;
    this.retainedBytes += job.retainedBytes;
    const waiters = job.waiters;
    job.waiters = undefined;
    waiters?.forEach((resolve) => resolve());
  }

  private remove(job: JobEntry): void {
    this.jobs.delete(job.id);
    this.retainedBytes -= job.retainedBytes;
  }

  private overBudget(): boolean {
    return this.jobs.size > this.options.maxJobs || this.retainedBytes > this.options.maxRetainedBytes;
  }

  private evict(): void {
    if (!this.overBudget()) return;
    for (const job of this.jobs.values()) {
      if (!this.overBudget()) return;
      if (isFinal(job.status)) this.remove(job);
    }
  }
}
