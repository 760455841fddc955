// get_job: where one job stands, and what to call next.
import { asClause } from '../../util/text.js';
import { about } from '../errors.js';
import { defineTool, READ_ONLY } from './define.js';
import { jobSummary, jobTimes, ONE_JOB } from './job-summary.js';

export const getJob = defineTool({
  name: 'get_job',
  title: 'Get an OGC job\'s status',
  description: 'A job\'s status (accepted, running, successful, failed, dismissed), progress and message.',
  ...ONE_JOB,
  annotations: READ_ONLY,
  async run({ job_id: jobId }, { ctx, signal }) {
    const job = await about({ jobId }, ctx.client.getJob(jobId, { signal }));
    const summary = jobSummary(job);
    const again = JSON.stringify({ job_id: job.jobID });
    let next = '';
    if (job.status === 'successful') next = ` Get its outputs with get_job_results ${again}.`;
    else if (job.status === 'accepted' || job.status === 'running') next = ` Call get_job ${again} again later; dismiss_job ${again} stops it.`;
    const text = `Job ${summary.jobId}${summary.processId ? ` (process ${summary.processId})` : ''} is ${summary.status}` +
      `${summary.progress !== undefined ? ` (${summary.progress}% done)` : ''}${summary.message ? `: ${asClause(summary.message)}` : ''}.${jobTimes(summary)}${next}`;
    // The text says every fact of the structured summary: no JSON copy of it.
    return { text, structured: summary };
  },
});
