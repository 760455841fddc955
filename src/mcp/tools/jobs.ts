// Fixed tools that follow jobs on the OGC server: list_jobs, get_job,
// get_job_results and dismiss_job. Jobs live on the server, so these work for
// any job, including ones started by another session or another client.
import { JOB_STATUSES, type StatusInfo } from '../../ogc/index.js';
import { answerForJob } from '../execution.js';
import { upstreamErrorResult } from '../errors.js';
import { structuredResult, type FixedTool } from './types.js';
import { truncateWords } from '../../util/text.js';

// A server may put a whole log in a job's message; a list of 1,000 such jobs must still fit a result.
const MAX_MESSAGE_CHARS = 1_000;
const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true } as const;
const JOB_ID = { type: 'string', minLength: 1, description: 'The job id, as returned by a process tool, execute_process or list_jobs.' } as const;

const jobSchema: { type: 'object'; properties: Record<string, object>; required: string[] } = {
  type: 'object',
  properties: {
    jobId: { type: 'string' },
    status: { type: 'string' },
    processId: { type: 'string' },
    progress: { type: 'number' },
    message: { type: 'string' },
    created: { type: 'string' },
    started: { type: 'string' },
    finished: { type: 'string' },
    updated: { type: 'string' },
  },
  required: ['jobId', 'status'],
};

export const listJobs: FixedTool = {
  definition: {
    name: 'list_jobs',
    title: 'List OGC jobs',
    description:
      'Lists jobs on the OGC server, newest first as the server orders them, optionally only those with a given status or of a given process. Each entry has the job id, process, status, progress and message.',
    inputSchema: {
      type: 'object',
      properties: {
        status: { type: 'string', enum: [...JOB_STATUSES], description: 'Only jobs with this status.' },
        process_id: { type: 'string', minLength: 1, description: 'Only jobs of this process.' },
        limit: { type: 'integer', minimum: 1, maximum: 1000, default: 20, description: 'Most jobs to list.' },
      },
      additionalProperties: false,
    },
    outputSchema: {
      type: 'object',
      properties: { jobs: { type: 'array', items: jobSchema }, count: { type: 'integer' }, omitted: { type: 'integer', description: 'Jobs left out to keep the result within its size budget.' } },
      required: ['jobs', 'count'],
    },
    annotations: { title: 'List OGC jobs', ...READ_ONLY },
  },
  async run(args, { ctx, signal }) {
    const limit = typeof args.limit === 'number' ? args.limit : 20;
    let jobs: StatusInfo[];
    try {
      const list = await ctx.client.getJobs({
        limit,
        ...(typeof args.status === 'string' ? { status: args.status } : {}),
        ...(typeof args.process_id === 'string' ? { processId: args.process_id } : {}),
        signal,
      });
      // Servers without paging or filters send everything: apply both here too.
      jobs = list.jobs
        .filter((j) => typeof args.status !== 'string' || j.status === args.status)
        .filter((j) => typeof args.process_id !== 'string' || j.processID === undefined || j.processID === args.process_id)
        .slice(0, limit);
    } catch (error) {
      return upstreamErrorResult(error, ctx.config.serverUrl);
    }
    // The list is shown twice (text and structured), both within the result budget.
    const budget = ctx.config.maxResultBytes / 2;
    const summaries: ReturnType<typeof jobSummary>[] = [];
    const lines: string[] = [];
    let bytes = 0;
    for (const job of jobs) {
      const entry = jobSummary(job);
      const line = `- ${entry.jobId}: ${entry.status}${entry.processId ? ` (${entry.processId})` : ''}${entry.progress !== undefined ? ` ${entry.progress}%` : ''}${entry.message ? `: ${entry.message}` : ''}`;
      bytes += Math.max(Buffer.byteLength(line), Buffer.byteLength(JSON.stringify(entry))) + 1;
      if (bytes > budget && summaries.length > 0) break;
      summaries.push(entry);
      lines.push(line);
    }
    const omitted = jobs.length - summaries.length;
    const more = omitted > 0 ? `\n(${omitted} more not shown, to stay within the result size; narrow the list with status, process_id or a smaller limit.)` : '';
    const summary = `${summaries.length} job(s).${lines.length > 0 ? `\n${lines.join('\n')}` : ''}${more}`;
    const structured = omitted > 0 ? { jobs: summaries, count: summaries.length, omitted } : { jobs: summaries, count: summaries.length };
    return { content: [{ type: 'text', text: summary }], structuredContent: structured };
  },
};

export const getJob: FixedTool = {
  definition: {
    name: 'get_job',
    title: 'Get an OGC job\'s status',
    description:
      'Shows the status of one job (accepted, running, successful, failed or dismissed), its progress and message, and what to call next: get_job_results once it is successful.',
    inputSchema: { type: 'object', properties: { job_id: JOB_ID }, required: ['job_id'], additionalProperties: false },
    outputSchema: jobSchema,
    annotations: { title: 'Get an OGC job\'s status', ...READ_ONLY },
  },
  async run(args, { ctx, signal }) {
    const jobId = args.job_id as string;
    let job: StatusInfo;
    try {
      job = await ctx.client.getJob(jobId, { signal });
    } catch (error) {
      return upstreamErrorResult(error, ctx.config.serverUrl, { jobId });
    }
    const summary = jobSummary(job);
    const args1 = JSON.stringify({ job_id: job.jobID });
    let next = '';
    if (job.status === 'successful') next = ` Get its outputs with get_job_results ${args1}.`;
    else if (job.status === 'accepted' || job.status === 'running') next = ` Call get_job ${args1} again later; dismiss_job ${args1} stops it.`;
    const text = `Job ${summary.jobId}${summary.processId ? ` (process ${summary.processId})` : ''} is ${summary.status}` +
      `${summary.progress !== undefined ? ` (${summary.progress}% done)` : ''}${summary.message ? `: ${summary.message}` : ''}.${next}`;
    return structuredResult(text, summary);
  },
};

export const getJobResults: FixedTool = {
  definition: {
    name: 'get_job_results',
    title: 'Get an OGC job\'s results',
    description:
      'Returns the outputs of a finished job, all of them or one (output_id). Large outputs are cut to fit and stay readable whole as the resource ogc-job://{jobId}/results. For a job still running it says so; for a failed job it gives the failure.',
    inputSchema: {
      type: 'object',
      properties: {
        job_id: JOB_ID,
        output_id: { type: 'string', minLength: 1, description: 'Only this output (default: all).' },
      },
      required: ['job_id'],
      additionalProperties: false,
    },
    annotations: { title: 'Get an OGC job\'s results', ...READ_ONLY },
  },
  async run(args, { ctx, signal }) {
    const jobId = args.job_id as string;
    const outputId = typeof args.output_id === 'string' ? args.output_id : undefined;
    let job: StatusInfo;
    try {
      job = await ctx.client.getJob(jobId, { signal });
    } catch (error) {
      return upstreamErrorResult(error, ctx.config.serverUrl, { jobId });
    }
    const tool = job.processID ? ctx.catalog.entry(job.processID)?.tool : undefined;
    // The id asked for, should the server's status document leave it out.
    return answerForJob(ctx, tool, { ...job, jobID: job.jobID || jobId }, signal, { ...(outputId !== undefined ? { outputId } : {}) });
  },
};

export const dismissJob: FixedTool = {
  definition: {
    name: 'dismiss_job',
    title: 'Dismiss an OGC job',
    description:
      'Dismisses a job on the OGC server: stops it if it is still running, and removes it and its results otherwise. It cannot be undone.',
    inputSchema: { type: 'object', properties: { job_id: JOB_ID }, required: ['job_id'], additionalProperties: false },
    outputSchema: jobSchema,
    annotations: { title: 'Dismiss an OGC job', readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  },
  async run(args, { ctx, signal }) {
    const jobId = args.job_id as string;
    let job: StatusInfo;
    try {
      job = await ctx.client.dismissJob(jobId, { signal });
    } catch (error) {
      return upstreamErrorResult(error, ctx.config.serverUrl, { jobId });
    }
    const summary = jobSummary({ ...job, jobID: job.jobID || jobId });
    return structuredResult(`Job ${summary.jobId} dismissed (status: ${summary.status}).`, summary);
  },
};

type JobSummary = { jobId: string; status: string; processId?: string; progress?: number; message?: string } & Record<string, unknown>;

function jobSummary(job: StatusInfo): JobSummary {
  return {
    jobId: job.jobID,
    status: job.status,
    ...(job.processID !== undefined ? { processId: job.processID } : {}),
    ...(typeof job.progress === 'number' ? { progress: job.progress } : {}),
    ...(job.message ? { message: truncateWords(job.message, MAX_MESSAGE_CHARS) } : {}),
    ...(job.created ? { created: job.created } : {}),
    ...(job.started ? { started: job.started } : {}),
    ...(job.finished ? { finished: job.finished } : {}),
    ...(job.updated ? { updated: job.updated } : {}),
  };
}
