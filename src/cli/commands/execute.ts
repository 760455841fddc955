// execute-process: the request checked, the job started, and with --wait
// followed to its end (progress on stderr), then its results printed.
// Ctrl+C while waiting asks whether to dismiss the job.
import { isFinishedStatus, type OgcClient, type StatusInfo } from '../../ogc/index.js';
import { EXIT, JobOutcomeError, UsageError } from '../exit.js';
import { progressDisplay } from '../progress.js';
import { askYesNo } from '../prompt.js';
import { checkedRequest } from './processes.js';
import type { Command, CommandContext } from './types.js';

export const executeProcess: Command = async (ctx) => {
  const waitSeconds = waitOf(ctx.parsed.values.wait);
  const { request, description } = await checkedRequest(ctx);
  const { client, demo } = await ctx.session();
  const body = {
    inputs: request.inputs ?? {},
    ...(request.outputs ? { outputs: request.outputs as Record<string, Record<string, unknown>> } : {}),
    ...(request.subscriber ? { subscriber: request.subscriber } : {}),
    ...(request.response ? { response: request.response } : {}),
  };
  const execution = await client.executeProcess(request.process_id, body, { jobControlOptions: description.jobControlOptions });
  ctx.about({ jobId: execution.job.jobID });
  if (waitSeconds === undefined) {
    if (demo) ctx.note('Note: with --demo the job lives only as long as this command; add --wait to follow it to its end.');
    ctx.print(execution.job, 'job');
    return EXIT.ok;
  }
  let job = execution.job;
  if (execution.results === undefined && !isFinishedStatus(job.status)) {
    const followed = await follow(ctx, client, job, waitSeconds);
    if (typeof followed === 'number') return followed;
    job = followed;
  }
  if (job.status === 'successful') {
    ctx.print(execution.results ?? (await client.getJobResults(job.jobID)), 'results');
    return EXIT.ok;
  }
  if (isFinishedStatus(job.status)) {
    throw new JobOutcomeError(`Job ${job.jobID} ${job.status}${job.message ? `: ${job.message}` : ''}.`);
  }
  throw new JobOutcomeError(`Job ${job.jobID} is still ${job.status} after ${waitSeconds} s; follow it with \`ogc-processes-mcp get-job ${job.jobID}\`.`);
};

/** `--wait` alone: no limit (Infinity); `--wait N`: N seconds; absent: undefined. */
function waitOf(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (value === '') return Number.POSITIVE_INFINITY;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--wait takes a number of seconds, got "${String(value)}".`);
  return n;
}

/** Polls the job until it ends, or the wait ends; a number is the exit code when Ctrl+C stopped it. */
async function follow(ctx: CommandContext, client: OgcClient, first: StatusInfo, waitSeconds: number): Promise<StatusInfo | number> {
  const display = progressDisplay(ctx.stderr, ctx.stderrStyle);
  const controller = new AbortController();
  const interactive = ctx.stdin.isTTY === true;
  let question: ReturnType<typeof askYesNo> | undefined;
  let dismiss = false;
  let over = false;
  const onInterrupt = () => {
    if (question || !interactive) {
      controller.abort();
      return;
    }
    display.pause();
    question = askYesNo(ctx.stdin, ctx.stderr, `Dismiss job ${first.jobID} on the server? [y/N] `);
    void question.answer.then((answer) => {
      question = undefined;
      if (over) return;
      if (answer === 'no') {
        display.resume();
        return;
      }
      dismiss = answer === 'yes';
      controller.abort();
    });
  };
  // Listening before the first line is drawn: a Ctrl+C the person gives on seeing it must be caught.
  process.on('SIGINT', onInterrupt);
  display.update(first);
  try {
    const job = await client.waitForJob(first.jobID, {
      signal: controller.signal,
      onProgress: (j) => display.update(j),
      ...(Number.isFinite(waitSeconds) ? { timeoutMs: waitSeconds * 1000 } : {}),
    });
    over = true;
    question?.cancel();
    display.finish(job);
    return job;
  } catch (error) {
    if (!controller.signal.aborted) throw error;
    display.pause();
    if (dismiss) {
      const job = await client.dismissJob(first.jobID);
      ctx.note(`Job ${first.jobID} dismissed (status ${job.status}).`);
    } else {
      ctx.note(`Stopped waiting; job ${first.jobID} goes on on the server. Dismiss it with: ogc-processes-mcp dismiss-job ${first.jobID}`);
    }
    return EXIT.interrupted;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}
