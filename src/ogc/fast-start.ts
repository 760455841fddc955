// Starting one process run the cheapest way that keeps every promise (the
// plan is execution-plan.ts): a 2.0 server is asked for results within the
// budget or a job; a process known to be short runs synchronously with the
// budget as deadline; the rest runs as a job. A synchronous run that outlives
// its deadline is abandoned (the process is then remembered as slow) and the
// job the server made of it is looked for in its job list, so that the caller
// still gets a job id to follow.
import type { OgcClient } from './client.js';
import { OgcResponseError, OgcTransportError } from './errors.js';
import type { Execution } from './execution.js';
import { jobRunMs, planExecution, type ExecutionPlan } from './execution-plan.js';
import { collectJobs } from './job-listing.js';
import { isFinishedStatus, type ExecuteRequest, type StatusInfo } from './models.js';
import { withDeadline } from '../util/deadline.js';

export interface StartOptions {
  jobControlOptions: string[];
  outputIds?: readonly string[];
  /** The call's budget: a synchronous run is abandoned after it, a 2.0 server may hold its answer this long. */
  budgetMs: number;
  /** Cancels the call. A job being started is not cancelled half-way (only its answer names the job to dismiss). */
  signal?: AbortSignal;
}

export interface Started extends Execution {
  plan: ExecutionPlan['kind'];
}

// Looking for the job of an abandoned synchronous run: a few pages, briefly.
const LOOKUP = { maxPages: 3, budgetMs: 3_000 };
// Clocks of the bridge and the server differ: a job created this long before the request still counts.
const CLOCK_SKEW_MS = 2_000;
// Jobs this bridge started and was told of, per client: never mistaken for an abandoned run's job.
const KNOWN_JOBS_KEPT = 1_000;
const knownJobs = new WeakMap<OgcClient, Set<string>>();

function remember(client: OgcClient, execution: Execution): Execution {
  const id = execution.job.jobID;
  if (!id) return execution;
  let known = knownJobs.get(client);
  if (!known) knownJobs.set(client, (known = new Set()));
  known.add(id);
  if (known.size > KNOWN_JOBS_KEPT) known.delete(known.values().next().value as string);
  return execution;
}

export async function startExecution(client: OgcClient, processId: string, request: ExecuteRequest, options: StartOptions): Promise<Started> {
  const plan = planExecution({
    jobControlOptions: options.jobControlOptions,
    speaks2: await client.speaksPart1v2(),
    ignoresWait: client.ignoresWait,
    learnedRunMs: client.runTimes.get(processId),
    budgetMs: options.budgetMs,
  });
  const common = { jobControlOptions: options.jobControlOptions, ...(options.outputIds ? { outputIds: options.outputIds } : {}) };
  if (plan.kind === 'async') {
    const sentAt = Date.now();
    const execution = remember(client, await client.executeProcess(processId, request, { ...common, mode: 'async' }));
    // A job already over when first seen is not polled: learn its run time here.
    if (execution.job.status === 'successful') client.runTimes.record(processId, jobRunMs(execution.job, Date.now() - sentAt));
    return { ...execution, plan: plan.kind };
  }
  if (plan.kind === 'wait') {
    const sentAt = Date.now();
    const execution = remember(client, await client.executeProcess(processId, request, { ...common, mode: 'wait', waitSeconds: plan.waitSeconds }));
    if (answeredWaitAtOnce(execution, plan.waitSeconds, Date.now() - sentAt)) client.ignoresWait = true;
    return { ...execution, plan: plan.kind };
  }
  const startedAt = Date.now();
  // Without a deadline or a caller's signal there is nothing to abort.
  const deadline = plan.deadlineMs !== undefined || options.signal ? withDeadline(options.signal, plan.deadlineMs) : undefined;
  try {
    const execution = remember(client, await client.executeProcess(processId, request, {
      ...common,
      mode: 'sync',
      ...(deadline ? { signal: deadline.signal } : {}),
    }));
    if (execution.mode === 'sync') client.runTimes.record(processId, Date.now() - startedAt);
    return { ...execution, plan: plan.kind };
  } catch (error) {
    if (!deadline?.expired || options.signal?.aborted || !(error instanceof OgcTransportError)) throw error;
    client.runTimes.markSlow(processId, Date.now() - startedAt);
    const job = await jobOfAbandonedRun(client, processId, startedAt, options.signal);
    if (job) return { job, mode: 'async', plan: plan.kind };
    throw new OgcResponseError(
      `POST /processes/${processId}/execution: no answer within ${Math.round(options.budgetMs / 1000)} s of synchronous execution, and no job of it in the job list; the server may still be running it (it will run as a job from now on)`,
      { reason: 'unexpected-response' },
    );
  } finally {
    deadline?.dispose();
  }
}

// Below this wait, an early answer says nothing about the server.
const MIN_TELLING_WAIT_S = 2;

/**
 * Whether a server asked to wait answered with an unfinished job in less than
 * half the wait: it does not hold answers for `wait`. Taking a server that
 * caps the wait for one that ignores it costs nothing: its short processes
 * then run synchronously, which is one request too.
 */
function answeredWaitAtOnce(execution: Execution, waitSeconds: number, elapsedMs: number): boolean {
  return execution.mode === 'async' && !isFinishedStatus(execution.job.status) && waitSeconds >= MIN_TELLING_WAIT_S && elapsedMs < (waitSeconds * 1000) / 2;
}

/** The newest job of the process created since the abandoned request was sent, if the server lists one. */
async function jobOfAbandonedRun(client: OgcClient, processId: string, sentAt: number, signal: AbortSignal | undefined): Promise<StatusInfo | undefined> {
  try {
    const found = await collectJobs(
      () => client.getJobsPage({ processId, limit: 50, ...(signal ? { signal } : {}) }),
      (href) => client.getJobsPageAt(href, signal ? { signal } : {}),
      { limit: 5, processIds: [processId] },
      LOOKUP,
    );
    const known = knownJobs.get(client);
    return found.jobs.find((job) => {
      if (known?.has(job.jobID)) return false;
      const created = Date.parse(job.created ?? job.started ?? '');
      return !Number.isNaN(created) && created >= sentAt - CLOCK_SKEW_MS;
    });
  } catch {
    return undefined;
  }
}
