// list_jobs: the jobs on the OGC server, within the result budget. Jobs live
// on the server, so this finds any job, including ones started elsewhere.
import { z } from 'zod';
import { JOB_STATUSES } from '../../ogc/index.js';
import { defineTool, READ_ONLY } from './define.js';
import { jobSummary, JobSummarySchema, type JobSummary } from './job-summary.js';

export const listJobs = defineTool({
  name: 'list_jobs',
  title: 'List OGC jobs',
  description: 'Lists jobs, newest first: id, process, status, progress, message.',
  args: z.strictObject({
    status: z.enum(JOB_STATUSES).optional(),
    process_id: z.string().min(1).optional(),
    limit: z.int().min(1).max(1000).default(20),
  }),
  output: z.looseObject({
    jobs: z.array(JobSummarySchema),
    count: z.int().nonnegative(),
    omitted: z.int().nonnegative().optional().describe('Jobs left out to keep the result within its size budget.'),
  }),
  annotations: READ_ONLY,
  async run({ status, process_id: processId, limit }, { ctx, signal }) {
    const list = await ctx.client.getJobs({ limit, ...(status ? { status } : {}), ...(processId ? { processId } : {}), signal });
    // Servers without paging or filters send everything: apply both here too.
    const jobs = list.jobs
      .filter((j) => status === undefined || j.status === status)
      .filter((j) => processId === undefined || j.processID === undefined || j.processID === processId)
      .slice(0, limit);
    // The list is shown twice (text and structured), both within the result budget.
    const budget = ctx.config.maxResultBytes / 2;
    const summaries: JobSummary[] = [];
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
    return {
      text: `${summaries.length} job(s).${lines.length > 0 ? `\n${lines.join('\n')}` : ''}${more}`,
      structured: { jobs: summaries, count: summaries.length, ...(omitted > 0 ? { omitted } : {}) },
    };
  },
});
