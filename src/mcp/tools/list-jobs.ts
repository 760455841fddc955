// list_jobs: the jobs on the OGC server, newest first, within the result
// budget. Jobs live on the server, so this finds any job, including ones
// started elsewhere. Servers page and filter in their own ways (pygeoapi
// slices its table oldest first and ignores the filters), so the list is
// walked page by page within bounds, then filtered and sorted here; a view
// cut short by the bounds says so (ogc/job-listing.ts). With several servers
// the lists become one, newest first across them (merge).
import { z } from 'zod';
import { JOB_STATUSES } from '../../ogc/index.js';
import { byNewest, collectJobs, jobTime } from '../../ogc/job-listing.js';
import { defineTool, READ_ONLY, type Answer, type ServerAnswer } from './define.js';
import { jobSummary, JobSummarySchema, type JobSummary } from './job-summary.js';

// A walk reads at most this many pages, for at most this long.
const WALK_BOUNDS = { maxPages: 20, budgetMs: 10_000 };
const MIN_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

/** One value or several (a job matches any of them), as OGC /jobs takes status and processID. */
function oneOrMore<T extends z.ZodType>(item: T) {
  return z.union([item, z.array(item)]).optional();
}

const LIST_JOBS_OUTPUT = z.looseObject({
  jobs: z.array(JobSummarySchema),
  count: z.int().nonnegative(),
  omitted: z.int().nonnegative().optional().describe('Jobs left out to keep the result within its size budget.'),
  scanned: z.int().nonnegative().describe('Jobs read from the server(s) to make this list.'),
  partial: z.boolean().describe('True when pages of a server\'s list were left unread: newer or matching jobs may be missing.'),
});

export type JobList = z.output<typeof LIST_JOBS_OUTPUT>;

/** A listed job, and the server it is on when the list covers several. */
export type ListedJobSummary = JobSummary & { server?: string };

export const listJobs = defineTool({
  name: 'list_jobs',
  title: 'List OGC jobs',
  description: 'Lists jobs, newest first: id, process, status, progress, message.',
  args: z.strictObject({
    status: oneOrMore(z.enum(JOB_STATUSES)),
    process_id: oneOrMore(z.string().min(1)),
    limit: z.int().min(1).max(1000).default(20),
  }),
  output: LIST_JOBS_OUTPUT,
  annotations: READ_ONLY,
  async run({ status, process_id: processId, limit }, { ctx, signal }) {
    const statuses = status === undefined ? [] : [status].flat();
    const processIds = processId === undefined ? [] : [processId].flat();
    const walk = await collectJobs(
      // Large pages: a server that ignores the filters makes the bridge read everything it has.
      () =>
        ctx.client.getJobsPage({
          limit: Math.min(MAX_PAGE_SIZE, Math.max(limit, MIN_PAGE_SIZE)),
          // One value means the same to every server; several are read differently (repeated
          // parameters, comma lists, the last one only: Weaver), so the bridge alone applies them.
          ...(statuses.length === 1 ? { status: statuses[0] } : {}),
          ...(processIds.length === 1 ? { processId: processIds[0] } : {}),
          signal,
        }),
      (href) => ctx.client.getJobsPageAt(href, { signal }),
      { limit, statuses, processIds },
      WALK_BOUNDS,
    );
    const partial = walk.partial
      ? `(Partial view: ${walk.scanned} jobs read in ${walk.pages} pages before the ${walk.stoppedBy === 'time' ? 'time' : 'page'} limit; the server has more, and newer or matching ones may be missing. Narrow with status or process_id.)`
      : undefined;
    const jobs = walk.jobs.map(jobSummary);
    return listAnswer(jobs, jobs.length, { scanned: walk.scanned, partial }, ctx.config.maxResultBytes, '');
  },
  merge(answers, { limit }, { ctx }) {
    const merged = mergeJobLists(answers, limit);
    const partial =
      merged.partialOn.length > 0
        ? `(Partial view on ${merged.partialOn.join(', ')}: pages of the list were left unread; newer or matching jobs may be missing. Narrow with status or process_id.)`
        : undefined;
    return listAnswer(merged.jobs, merged.total, { scanned: merged.scanned, partial }, ctx.config.maxResultBytes, ` on ${answers.length} servers`);
  },
});

/**
 * Several servers' lists as one: newest first across them, at most `limit`,
 * each job naming its server. Each list is newest first already, and a stable
 * sort keeps that order among jobs of the same time. `total` counts the jobs
 * the whole list has, including those a server left out for the size budget
 * (always older than the ones it showed).
 */
export function mergeJobLists(
  answers: ReadonlyArray<ServerAnswer<JobList>>,
  limit: number,
): { jobs: ListedJobSummary[]; total: number; scanned: number; partialOn: string[] } {
  const newer = byNewest<{ t: number | undefined }>((x) => x.t);
  const jobs = answers
    .flatMap(({ server, structured }) => structured.jobs.map((job) => ({ job: { server, ...job }, t: jobTime(job) })))
    .sort(newer)
    .slice(0, limit)
    .map((x) => x.job);
  const listed = answers.reduce((sum, { structured }) => sum + structured.count + (structured.omitted ?? 0), 0);
  return {
    jobs,
    total: Math.min(limit, listed),
    scanned: answers.reduce((sum, { structured }) => sum + structured.scanned, 0),
    partialOn: answers.filter((a) => a.structured.partial).map((a) => a.server),
  };
}

/**
 * The list as text and structured, both within the result budget: cut at a
 * job, saying how many of `total` were left out.
 */
function listAnswer(jobs: readonly ListedJobSummary[], total: number, facts: { scanned: number; partial: string | undefined }, maxResultBytes: number, where: string): Answer<JobList> {
  // The list is shown twice (text and structured), both within the result budget.
  const budget = maxResultBytes / 2;
  const shown: ListedJobSummary[] = [];
  const lines: string[] = [];
  let bytes = 0;
  for (const entry of jobs) {
    const line = jobLine(entry);
    bytes += Math.max(Buffer.byteLength(line), Buffer.byteLength(JSON.stringify(entry))) + 1;
    if (bytes > budget && shown.length > 0) break;
    shown.push(entry);
    lines.push(line);
  }
  const omitted = total - shown.length;
  const more = omitted > 0 ? `(${omitted} more not shown, to stay within the result size; narrow the list with status, process_id or a smaller limit.)` : undefined;
  const text = [`${shown.length} job(s)${where}, newest first (${facts.scanned} read).`, ...lines, ...(more ? [more] : []), ...(facts.partial ? [facts.partial] : [])];
  return {
    text: text.join('\n'),
    structured: { jobs: shown, count: shown.length, ...(omitted > 0 ? { omitted } : {}), scanned: facts.scanned, partial: facts.partial !== undefined },
  };
}

function jobLine(entry: ListedJobSummary): string {
  const server = entry.server !== undefined ? `[${entry.server}] ` : '';
  return `- ${server}${entry.jobId}: ${entry.status}${entry.processId ? ` (${entry.processId})` : ''}${entry.progress !== undefined ? ` ${entry.progress}%` : ''}${entry.message ? `: ${entry.message}` : ''}`;
}
