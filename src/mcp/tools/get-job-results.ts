// get_job_results: the outputs of a finished job (all, or one), on the same
// path as a process run's own answer.
import { z } from 'zod';
import { about } from '../errors.js';
import { answerForJob } from '../execution.js';
import { defineTool, READ_ONLY } from './define.js';
import { JOB_ID } from './job-summary.js';

export const getJobResults = defineTool({
  name: 'get_job_results',
  title: 'Get an OGC job\'s results',
  description:
    'Returns the outputs of a finished job, all of them or one (output_id). Large outputs are cut to fit and stay readable whole as the resource ogc-job://{jobId}/results. For a job still running it says so; for a failed job it gives the failure.',
  args: z.strictObject({
    job_id: JOB_ID,
    output_id: z.string().min(1).optional().describe('Only this output (default: all).'),
  }),
  annotations: READ_ONLY,
  async run({ job_id: jobId, output_id: outputId }, { ctx, signal }) {
    const job = await about({ jobId }, ctx.client.getJob(jobId, { signal }));
    const tool = job.processID ? ctx.catalog.entry(job.processID)?.tool : undefined;
    // The id asked for, should the server's status document leave it out.
    return answerForJob(ctx, tool, { ...job, jobID: job.jobID || jobId }, signal, { ...(outputId !== undefined ? { outputId } : {}) });
  },
});
