// One process run as one tool call: start the job, wait for it within the
// call's budget while reporting progress, then answer with its outputs, with
// where it stands, or with its failure. A call cancelled by the client
// dismisses the job it started, so no work is left behind on the server.
import type { CallToolResult } from '@modelcontextprotocol/server';
import type { DerivedTool } from '../bridge/describe/index.js';
import { toExecuteRequest } from '../bridge/request/index.js';
import { failedResult, statusSummary } from '../bridge/results/index.js';
import type { StatusInfo } from '../ogc/index.js';
import { isFinishedStatus } from '../ogc/models.js';
import { OgcApiError } from '../ogc/errors.js';
import { startExecution } from '../ogc/fast-start.js';
import type { BridgeContext } from './context.js';
import { about, describeUpstreamError, ToolError, UpstreamFailure } from './errors.js';
import { resultsToolResult } from './results.js';
import type { ToolCall } from './tools/call.js';
import { errorMessage } from '../util/errors.js';

export interface ExecutionOptions {
  /** Output ids to return (default: all). */
  outputs?: string[];
  response?: 'document' | 'raw';
  /** How long to wait for the job before answering with its status. */
  waitSeconds: number;
}

// While a job reports nothing new, a notification this often keeps clients'
// idle timers (reset by progress) from ending the call.
const HEARTBEAT_MS = 10_000;
// Dismissing a cancelled call's job must not hang the bridge on a dead server.
const DISMISS_TIMEOUT_MS = 10_000;

export async function executeTool(call: ToolCall, tool: DerivedTool, args: Record<string, unknown>, options: ExecutionOptions): Promise<CallToolResult> {
  const { ctx, signal, progress } = call;
  const processId = tool.processId;
  const request = toExecuteRequest(tool, args, {
    ...(options.outputs ? { outputs: options.outputs } : {}),
    ...(options.response ? { response: options.response } : {}),
    objectInputEncoding: ctx.config.objectInputs,
  });
  const budgetMs = Math.round(options.waitSeconds * 1000);
  const startedAt = Date.now();

  // The cheapest start that keeps the budget (ogc/fast-start.ts). An async
  // start is not aborted half-way: only its answer tells us which job to
  // dismiss. A sync run has no job to dismiss, so its request is aborted.
  const started = await about({ processId }, startExecution(ctx.client, processId, request, {
    jobControlOptions: tool.jobControlOptions,
    outputIds: outputIdsOf(tool),
    budgetMs,
    signal,
  }));
  let job = started.job;
  const jobId = job.jobID || undefined;
  if (jobId) ctx.logger.debug(`Started job ${jobId} of process "${processId}" (${started.mode}).`);
  if (signal.aborted) return cancelled(call, jobId);

  if (started.results !== undefined && job.status === 'successful') {
    await progress?.complete();
    return finishedResult(ctx, tool, job, started.results, signal);
  }
  if (!jobId) {
    // A server that answers with neither results nor a job id leaves nothing to follow.
    return statusResult(job);
  }

  if (!isFinishedStatus(job.status)) {
    progress?.update(job.progress, progressMessage(job));
    const heartbeat = progress ? setInterval(() => progress.heartbeat(), HEARTBEAT_MS) : undefined;
    try {
      job = await ctx.client.waitForJob(jobId, {
        signal,
        // What the start (a 2.0 server's wait) left of the budget.
        timeoutMs: Math.max(0, budgetMs - (Date.now() - startedAt)),
        // The final state is reported by complete() (or not at all, for a failure).
        onProgress: (seen) => {
          if (!isFinishedStatus(seen.status)) progress?.update(seen.progress, progressMessage(seen));
        },
      });
    } catch (error) {
      if (signal.aborted) return cancelled(call, jobId);
      // A job that vanished is gone; any other failure leaves a job worth following up.
      if (error instanceof OgcApiError && error.status === 404) throw new UpstreamFailure(error, { processId, jobId });
      const text = describeUpstreamError(error, ctx.config.serverUrl, { processId, jobId });
      throw new ToolError(`Job ${jobId} of process "${processId}" was started, but following it failed. ${text} The job may still be running: check it with get_job ${JSON.stringify({ job_id: jobId })}.`);
    } finally {
      if (heartbeat) clearInterval(heartbeat);
    }
  }
  if (signal.aborted) return cancelled(call, jobId);
  return answerForJob(ctx, tool, job, signal, { ...(progress ? { progress } : {}) });
}

export interface AnswerOptions {
  progress?: { complete(): Promise<void>; stop(): void };
  /** Only this output of a successful job (an error result naming the others when it has no such output). */
  outputId?: string;
}

/** The answer for a job as last seen: outputs, failure, or where it stands. */
export async function answerForJob(
  ctx: BridgeContext,
  tool: DerivedTool | undefined,
  job: StatusInfo,
  signal: AbortSignal,
  options: AnswerOptions = {},
): Promise<CallToolResult> {
  const { progress, outputId } = options;
  const jobId = job.jobID || undefined;
  if (job.status === 'successful') {
    let results = await about({ jobId }, ctx.client.getJobResults(jobId!, { signal, ...(tool ? { outputIds: outputIdsOf(tool) } : {}) }));
    await progress?.complete();
    if (outputId !== undefined) {
      if (!Object.hasOwn(results, outputId)) {
        throw new ToolError(`Job ${jobId} has no output "${outputId}". Its outputs are: ${Object.keys(results).join(', ') || '(none)'}.`);
      }
      results = { [outputId]: results[outputId] };
    }
    return finishedResult(ctx, tool, job, results, signal);
  }
  progress?.stop();
  if (job.status === 'failed') return failedResult(job, await failureDetails(ctx, job, signal));
  if (job.status === 'dismissed') {
    return { ...statusResult(job), isError: true };
  }
  return statusResult(job);
}

/** The tool's declared output ids: results in any shape are filed under them. */
export function outputIdsOf(tool: DerivedTool): string[] {
  return tool.outputs.map((output) => output.id);
}

function statusResult(job: StatusInfo): CallToolResult {
  return statusSummary(job) as CallToolResult;
}

async function finishedResult(
  ctx: BridgeContext,
  tool: DerivedTool | undefined,
  job: StatusInfo,
  results: Record<string, unknown>,
  signal: AbortSignal,
): Promise<CallToolResult> {
  return resultsToolResult(ctx, { ...job, jobID: job.jobID || undefined }, results, tool, signal);
}

/** Servers put a failed job's exception at its results URL; the job's message may be empty. */
async function failureDetails(ctx: BridgeContext, job: StatusInfo, signal: AbortSignal): Promise<unknown> {
  if (job.message || !job.jobID) return undefined;
  try {
    await ctx.client.getJobResults(job.jobID, { signal });
    return undefined;
  } catch (error) {
    return error instanceof OgcApiError ? { title: error.title, detail: error.detail } : undefined;
  }
}

function progressMessage(job: StatusInfo): string {
  return job.message ? `${job.status}: ${job.message}` : job.status;
}

/**
 * The call ended early: a client that cancelled it gets its job dismissed (best
 * effort); a session that closed leaves the job running. The protocol drops
 * whatever such a request answers, so the result is a formality.
 */
async function cancelled(call: ToolCall, jobId: string | undefined): Promise<CallToolResult> {
  const { ctx } = call;
  if (jobId && !call.sessionOpen()) {
    ctx.logger.info(`Session closed during a call; job ${jobId} goes on on the OGC server (list_jobs finds it).`);
  } else if (jobId) {
    try {
      await ctx.client.dismissJob(jobId, { signal: AbortSignal.timeout(DISMISS_TIMEOUT_MS) });
      ctx.logger.info(`Call cancelled by the client; dismissed job ${jobId}.`);
    } catch (error) {
      ctx.logger.warning(`Call cancelled by the client; dismissing job ${jobId} failed: ${errorMessage(error)}`);
    }
  }
  return { isError: true, content: [{ type: 'text', text: jobId ? `Cancelled; job ${jobId} was dismissed.` : 'Cancelled.' }] };
}
