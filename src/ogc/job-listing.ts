// list_jobs as the tool promises it, whatever the server does: newest first,
// only the jobs with the asked status and process, at most `limit` of them.
// Servers differ: some sort newest first and filter, some (pygeoapi) slice
// their table oldest first by limit and offset and ignore the filters, some
// send everything at once. So the bridge asks with the filters, walks the
// `next` links within a bounded number of pages and a time budget, filters
// and sorts what it saw itself, and says when it could not see everything.

export interface ListedJob {
  jobID: string;
  status: string;
  processID?: string;
  created?: string;
  started?: string;
  updated?: string;
  finished?: string;
}

export interface JobsPage<J extends ListedJob> {
  jobs: J[];
  /** Where the next page is, if the server said. */
  next?: string;
}

export interface JobQuery {
  limit: number;
  statuses?: readonly string[];
  processIds?: readonly string[];
}

export interface WalkBounds {
  /** Most pages read (the first included). */
  maxPages: number;
  /** Stop reading more pages after this long (ms from the start). */
  budgetMs: number;
  now?: () => number;
}

export interface CollectedJobs<J extends ListedJob> {
  /** Newest first, filtered, at most `limit`. */
  jobs: J[];
  /** Jobs read from the server, across all pages. */
  scanned: number;
  pages: number;
  /** True when pages were left unread (bounds reached): newer or matching jobs may be missing. */
  partial: boolean;
  /** Why the walk stopped early, when it did. */
  stoppedBy?: 'pages' | 'time';
}

/** What carries a job's times: a status document, or a loose record such as a tool's job summary. */
export type JobTimes = { created?: unknown; started?: unknown; updated?: unknown; finished?: unknown } | Readonly<Record<string, unknown>>;

/** The time a job is best ordered by: when it was created, else started, updated, finished. */
export function jobTime(job: JobTimes): number | undefined {
  for (const value of [job.created, job.started, job.updated, job.finished]) {
    if (typeof value !== 'string') continue;
    const t = Date.parse(value);
    if (!Number.isNaN(t)) return t;
  }
  return undefined;
}

/** Orders by time, newest first, the timed before the untimed; equal otherwise (a stable sort keeps their order). */
export function byNewest<T>(timeOf: (item: T) => number | undefined): (a: T, b: T) => number {
  return (a, b) => {
    const ta = timeOf(a);
    const tb = timeOf(b);
    if (ta !== undefined && tb !== undefined) return tb - ta;
    if (ta !== undefined) return -1;
    if (tb !== undefined) return 1;
    return 0;
  };
}

export function matchesQuery(job: ListedJob, query: JobQuery): boolean {
  if (query.statuses && query.statuses.length > 0 && !query.statuses.includes(job.status)) return false;
  if (query.processIds && query.processIds.length > 0 && job.processID !== undefined && !query.processIds.includes(job.processID)) return false;
  return true;
}

/**
 * Newest first by time; jobs with the same time, or without a time (after the
 * timed ones), in reverse of the order read (the server's latest pages being
 * its newest when it says nothing).
 */
export function newestFirst<J extends JobTimes>(jobs: readonly J[]): J[] {
  const newer = byNewest<{ t: number | undefined }>((x) => x.t);
  return jobs
    .map((job, i) => ({ job, i, t: jobTime(job) }))
    .sort((a, b) => newer(a, b) || b.i - a.i)
    .map((x) => x.job);
}

/** True when every page so far is older, as a whole, than the page before it (the server lists newest first). */
function pagesDescend(pages: ReadonlyArray<readonly ListedJob[]>): boolean {
  for (let p = 1; p < pages.length; p++) {
    const before = pages[p - 1]!.map(jobTime);
    const after = pages[p]!.map(jobTime);
    if (before.some((t) => t === undefined) || after.some((t) => t === undefined)) return false;
    if (before.length === 0 || after.length === 0) continue;
    if (Math.max(...(after as number[])) > Math.min(...(before as number[]))) return false;
  }
  return true;
}

/**
 * Reads the first page and follows `next` links until the list ends, the
 * bounds are reached, or (for a server seen to list newest first) enough
 * matching jobs are in hand; then filters and sorts on the bridge side.
 */
export async function collectJobs<J extends ListedJob>(
  first: () => Promise<JobsPage<J>>,
  next: (href: string) => Promise<JobsPage<J>>,
  query: JobQuery,
  bounds: WalkBounds,
): Promise<CollectedJobs<J>> {
  const now = bounds.now ?? (() => performance.now());
  const started = now();
  const pages: J[][] = [];
  const seenIds = new Set<string>();
  const seenLinks = new Set<string>();
  let page = await first();
  let stoppedBy: CollectedJobs<J>['stoppedBy'];
  for (;;) {
    // A server that repeats itself (ignoring offset) must not be counted twice.
    const fresh = page.jobs.filter((j) => !seenIds.has(j.jobID));
    for (const j of fresh) seenIds.add(j.jobID);
    pages.push(fresh);
    const href = page.next;
    if (href === undefined || seenLinks.has(href) || fresh.length === 0) break;
    seenLinks.add(href);
    const matching = pages.flat().filter((j) => matchesQuery(j, query)).length;
    if (pages.length >= 2 && pagesDescend(pages) && matching >= query.limit) break;
    if (pages.length >= bounds.maxPages) {
      stoppedBy = 'pages';
      break;
    }
    if (now() - started >= bounds.budgetMs) {
      stoppedBy = 'time';
      break;
    }
    page = await next(href);
  }
  const all = pages.flat();
  const jobs = newestFirst(all.filter((j) => matchesQuery(j, query))).slice(0, query.limit);
  return { jobs, scanned: all.length, pages: pages.length, partial: stoppedBy !== undefined, ...(stoppedBy ? { stoppedBy } : {}) };
}
