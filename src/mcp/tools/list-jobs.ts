// list_jobs: the jobs on the OGC server, newest first, within the result
// budget. Jobs live on the server, so this finds any job, including ones
// started elsewhere. Servers page and filter in their own ways (pygeoapi
// slices its table oldest first and ignores the filters), so the list is
// walked page by page within bounds, then filtered and sorted here; a view
// cut short by the bounds says so (ogc/job-listing.ts).
import { z } from 'zod';
import { JOB_STATUSES } from '../../ogc/index.js';
import { collectJobs } from '../../ogc/job-listing.js';
import { defineTool, READ_ONLY } from './define.js';
import { jobSummary, JobSummarySchema, type JobSummary } from './job-summary.js';

// A walk reads at most this many pages, for at most this long.
const WALK_BOUNDS = { maxPages: 20, budgetMs: 10_000 };
const MIN_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

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
    scanned: z.int().nonnegative().describe('Jobs read from the server to make this list.'),
    partial: z.boolean().describe('True when pages of the server\'s list were left unread: newer or matching jobs may be missing.'),
  }),
  annotations: READ_ONLY,
  async run({ status, process_id: processId, limit }, { ctx, signal }) {
    const walk = await collectJobs(
      // Large pages: a server that ignores the filters makes the bridge read everything it has.
      () => ctx.client.getJobsPage({ limit: Math.min(MAX_PAGE_SIZE, Math.max(limit, MIN_PAGE_SIZE)), ...(status ? { status } : {}), ...(processId ? { processId } : {}), signal }),
      (href) => ctx.client.getJobsPageAt(href, { signal }),
      { limit, ...(status ? { statuses: [status] } : {}), ...(processId ? { processIds: [processId] } : {}) },
      WALK_BOUNDS,
    );
    const jobs = walk.jobs;
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
    const partial = walk.partial
      ? `\n(Partial view: ${walk.scanned} jobs read in ${walk.pages} pages before the ${walk.stoppedBy === 'time' ? 'time' : 'page'} limit; the server has more, and newer or matching ones may be missing. Narrow with status or process_id.)`
      : '';
    return {
      text: `${summaries.length} job(s), newest first (${walk.scanned} read).${lines.length > 0 ? `\n${lines.join('\n')}` : ''}${more}${partial}`,
      structured: { jobs: summaries, count: summaries.length, ...(omitted > 0 ? { omitted } : {}), scanned: walk.scanned, partial: walk.partial },
    };
  },
});
