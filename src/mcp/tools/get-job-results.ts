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
  description: 'The outputs of a finished job, all or one (output_id); for a job not finished, where it stands.',
  args: z.strictObject({
    job_id: JOB_ID,
    output_id: z.string().min(1).optional(),
  }),
  annotations: READ_ONLY,
  async run({ job_id: jobId, output_id: outputId }, { ctx, signal }) {
    const job = await about({ jobId }, ctx.client.getJob(jobId, { signal }));
    const tool = job.processID ? ctx.catalog.entry(job.processID)?.tool : undefined;
    // The id asked for, should the server's status document leave it out.
    return answerForJob(ctx, tool, { ...job, jobID: job.jobID || jobId }, signal, { ...(outputId !== undefined ? { outputId } : {}) });
  },
});
