// A job as the job tools show it (list_jobs, get_job, dismiss_job): the
// status document's facts under the names the tools use, its message bounded.
import { z } from 'zod';
import type { StatusInfo } from '../../ogc/index.js';
import { truncate } from '../../util/text.js';

// A server may put a whole log in a job's message; a list of 1,000 such jobs must still fit a result.
const MAX_MESSAGE_CHARS = 1_000;

const optionalText = z.string().optional();

export const JobSummarySchema = z.looseObject({
  jobId: z.string(),
  status: z.string(),
  processId: optionalText,
  progress: z.number().optional(),
  message: optionalText,
  // created, started, finished, updated: when the server gives them (the loose object keeps them).
});

export type JobSummary = z.output<typeof JobSummarySchema>;

/** The argument every single-job tool takes. */
export const JOB_ID = z.string().min(1);

/** Arguments and output of the tools about one job that answer with its status (get_job, dismiss_job). */
export const ONE_JOB = { args: z.strictObject({ job_id: JOB_ID }), output: JobSummarySchema } as const;

export function jobSummary(job: StatusInfo): JobSummary {
  return {
    jobId: job.jobID,
    status: job.status,
    ...(job.processID !== undefined ? { processId: job.processID } : {}),
    ...(typeof job.progress === 'number' ? { progress: job.progress } : {}),
    ...(job.message ? { message: truncate(job.message, MAX_MESSAGE_CHARS, { atWord: true }) } : {}),
    ...(job.created ? { created: job.created } : {}),
    ...(job.started ? { started: job.started } : {}),
    ...(job.finished ? { finished: job.finished } : {}),
    ...(job.updated ? { updated: job.updated } : {}),
  };
}

/** The times a job summary carries, as one clause for the text ("created ..., finished ..."); empty when none. */
export function jobTimes(summary: JobSummary): string {
  const times = (['created', 'started', 'finished', 'updated'] as const).filter((k) => typeof summary[k] === 'string').map((k) => `${k} ${String(summary[k])}`);
  return times.length > 0 ? ` (${times.join(', ')})` : '';
}
