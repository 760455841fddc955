// dismiss_job: stop a running job, or remove a finished one and its results.
import { asClause } from '../../util/text.js';
import { about } from '../errors.js';
import { defineTool } from './define.js';
import { jobSummary, jobTimes, ONE_JOB } from './job-summary.js';

export const dismissJob = defineTool({
  name: 'dismiss_job',
  title: 'Dismiss an OGC job',
  description: 'Stops a running job, or removes a finished one and its results. Cannot be undone.',
  ...ONE_JOB,
  annotations: { idempotentHint: true },
  async run({ job_id: jobId }, { ctx, signal }) {
    const job = await about({ jobId }, ctx.client.dismissJob(jobId, { signal }));
    const summary = jobSummary({ ...job, jobID: job.jobID || jobId });
    const process = summary.processId ? ` of process ${summary.processId}` : '';
    const message = summary.message ? `: ${asClause(summary.message)}` : '';
    return { text: `Job ${summary.jobId}${process} dismissed (status: ${summary.status}${message}).${jobTimes(summary)}`, structured: summary };
  },
});
