// dismiss_job: stop a running job, or remove a finished one and its results.
import { about } from '../errors.js';
import { defineTool } from './define.js';
import { jobSummary, ONE_JOB } from './job-summary.js';

export const dismissJob = defineTool({
  name: 'dismiss_job',
  title: 'Dismiss an OGC job',
  description:
    'Dismisses a job on the OGC server: stops it if it is still running, and removes it and its results otherwise. It cannot be undone.',
  ...ONE_JOB,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  async run({ job_id: jobId }, { ctx, signal }) {
    const job = await about({ jobId }, ctx.client.dismissJob(jobId, { signal }));
    const summary = jobSummary({ ...job, jobID: job.jobID || jobId });
    return { text: `Job ${summary.jobId} dismissed (status: ${summary.status}).`, structured: summary, withJson: true };
  },
});
