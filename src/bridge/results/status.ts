// Tool results for jobs that have no outputs to show: still running (say how to
// follow up) or failed (an error result carrying the server's own words).
import type { ContentBlock } from '@modelcontextprotocol/server';
import type { ResultsJob } from './types.js';
import { truncate } from '../../util/text.js';

export type JobStatusStructuredContent = {
  status: string;
  jobId?: string;
  progress?: number;
  message?: string;
};

export type StatusSummaryResult = {
  content: ContentBlock[];
  structuredContent: JobStatusStructuredContent;
};

export type FailedJobResult = {
  isError: true;
  content: ContentBlock[];
  structuredContent: { status: 'failed'; jobId?: string; message?: string };
};

// Server messages can carry whole stack traces; a model needs the start of them.
const MAX_STATUS_MESSAGE_CHARS = 1_000;
const MAX_FAILURE_CHARS = 8_000;

function cleanMessage(message: unknown, max: number): string | undefined {
  if (typeof message !== 'string') return undefined;
  const trimmed = message.trim();
  return trimmed === '' ? undefined : truncate(trimmed, max);
}

function jobName(job: ResultsJob): string {
  const process = job.processID !== undefined ? ` (process ${job.processID})` : '';
  return job.jobID !== undefined ? `Job ${job.jobID}${process}` : `The job${process}`;
}

function sentence(s: string): string {
  return /[.!?…]$/.test(s) ? s : `${s}.`;
}

function followUp(job: ResultsJob): string {
  if (job.jobID === undefined) return '';
  const args = JSON.stringify({ job_id: job.jobID });
  switch (job.status) {
    case 'accepted':
    case 'running':
      return (
        ` It continues on the server. Check on it with get_job ${args}; once it is successful,` +
        ` get its outputs with get_job_results ${args}; to stop it, call dismiss_job ${args}.`
      );
    case 'successful':
      return ` Get its outputs with get_job_results ${args}.`;
    case 'failed':
      return ` Call get_job ${args} for its full status.`;
    default:
      return ` Check on it with get_job ${args}.`;
  }
}

/** A job that has not finished (or has no outputs to show): where it is and what to call next. */
export function statusSummary(job: ResultsJob): StatusSummaryResult {
  const progress = typeof job.progress === 'number' && Number.isFinite(job.progress) ? job.progress : undefined;
  const message = cleanMessage(job.message, MAX_STATUS_MESSAGE_CHARS);
  const done = progress !== undefined ? ` (${progress}% done)` : '';
  const state = job.status === 'dismissed' ? 'was dismissed' : `is ${job.status}`;
  const said = message !== undefined ? `: ${message}` : '';
  const text = sentence(`${jobName(job)} ${state}${done}${said}`) + followUp(job);
  return {
    content: [{ type: 'text', text }],
    structuredContent: {
      status: job.status,
      ...(job.jobID !== undefined && { jobId: job.jobID }),
      ...(progress !== undefined && { progress }),
      ...(message !== undefined && { message }),
    },
  };
}

/** Words from whatever the server or client said about the failure (an RFC 7807 document, an Error, text). */
function describeDetails(details: unknown): string | undefined {
  if (details === undefined || details === null) return undefined;
  if (typeof details === 'string') return cleanMessage(details, MAX_FAILURE_CHARS);
  if (details instanceof Error) return cleanMessage(details.message, MAX_FAILURE_CHARS);
  if (typeof details === 'object') {
    const d = details as Record<string, unknown>;
    const parts = [d.title, d.detail, d.message, d.description]
      .map((p) => cleanMessage(p, MAX_FAILURE_CHARS))
      .filter((p): p is string => p !== undefined);
    const unique = [...new Set(parts)];
    if (unique.length > 0) return truncate(unique.join(': '), MAX_FAILURE_CHARS);
    return cleanMessage(JSON.stringify(details), MAX_FAILURE_CHARS);
  }
  return cleanMessage(String(details), MAX_FAILURE_CHARS);
}

/** A failed job as an error result, carrying the job's own message so the model can react to it. */
export function failedResult(job: ResultsJob, details?: unknown): FailedJobResult {
  const message = cleanMessage(job.message, MAX_FAILURE_CHARS);
  const extra = describeDetails(details);
  const reason = message ?? extra;
  let text = reason !== undefined ? sentence(`${jobName(job)} failed: ${reason}`) : `${jobName(job)} failed; the server gave no reason.`;
  if (message !== undefined && extra !== undefined && extra !== message) text += `\nDetails: ${extra}`;
  text += followUp({ ...job, status: 'failed' });
  return {
    isError: true,
    content: [{ type: 'text', text }],
    structuredContent: {
      status: 'failed',
      ...(job.jobID !== undefined && { jobId: job.jobID }),
      ...(reason !== undefined && { message: reason }),
    },
  };
}
