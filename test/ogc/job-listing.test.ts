// list_jobs' walk: newest first, filtered on the bridge side, bounded, and
// honest about what it did not see; against pygeoapi's recorded paging rules
// and against a server that lists newest first and filters itself.
import { describe, expect, it } from 'vitest';
import { collectJobs, newestFirst, type JobsPage, type ListedJob } from '../../src/ogc/job-listing.js';
import { jobTable, pygeoapiJobList, type JobDocument } from '../support/dialects/pygeoapi.js';
import { loadScenarios } from '../support/dialects/replay-server.js';

const table = jobTable(loadScenarios('pygeoapi-0.21')) as Array<JobDocument & ListedJob>;
const BOUNDS = { maxPages: 10, budgetMs: 5_000 };

function pygeoapi(pageSize: number) {
  let requests = 0;
  const page = (query: URLSearchParams): JobsPage<ListedJob> => {
    requests++;
    const body = pygeoapiJobList(table, query, 'http://x').body as { jobs: ListedJob[]; links: Array<{ rel: string; href: string }> };
    const next = body.links.find((l) => l.rel === 'next')?.href;
    return { jobs: body.jobs, ...(next ? { next } : {}) };
  };
  return {
    first: async () => page(new URLSearchParams({ limit: String(pageSize), status: 'failed' })),
    next: async (href: string) => page(new URL(href).searchParams),
    requests: () => requests,
  };
}

describe('collectJobs', () => {
  it('finds the newest jobs on a server that pages oldest first and ignores filters', async () => {
    const server = pygeoapi(50);
    const got = await collectJobs(server.first, server.next, { limit: 5 }, BOUNDS);
    const newest = newestFirst(table).slice(0, 5).map((j) => j.jobID);
    expect(got.jobs.map((j) => j.jobID)).toEqual(newest);
    expect(got.scanned).toBe(table.length);
    expect(got.partial).toBe(false);
    expect(server.requests()).toBe(Math.ceil(table.length / 50));
  });

  it('filters status and process on the bridge side', async () => {
    const server = pygeoapi(20);
    const got = await collectJobs(server.first, server.next, { limit: 100, statuses: ['failed'], processIds: ['always-fail'] }, BOUNDS);
    expect(got.jobs.length).toBeGreaterThan(3);
    expect(got.jobs.every((j) => j.status === 'failed' && j.processID === 'always-fail')).toBe(true);
    expect(got.jobs.length).toBe(table.filter((j) => j.status === 'failed' && j.processID === 'always-fail').length);
  });

  it('says the view is partial when the page bound stops it', async () => {
    const server = pygeoapi(10);
    const got = await collectJobs(server.first, server.next, { limit: 5 }, { maxPages: 2, budgetMs: 5_000 });
    expect(got).toMatchObject({ partial: true, stoppedBy: 'pages', scanned: 20, pages: 2 });
    expect(server.requests()).toBe(2);
  });

  it('stops early on a server seen to list newest first', async () => {
    const sorted = newestFirst(table);
    let requests = 0;
    const page = (offset: number): JobsPage<ListedJob> => {
      requests++;
      return { jobs: sorted.slice(offset, offset + 10), ...(offset + 10 < sorted.length ? { next: String(offset + 10) } : {}) };
    };
    const got = await collectJobs(async () => page(0), async (href) => page(Number(href)), { limit: 5 }, BOUNDS);
    expect(got.jobs.map((j) => j.jobID)).toEqual(sorted.slice(0, 5).map((j) => j.jobID));
    expect(requests).toBe(2);
    expect(got.partial).toBe(false);
  });

  it('does not loop on a server that repeats its page', async () => {
    const same = table.slice(0, 5);
    const got = await collectJobs(async () => ({ jobs: same, next: 'a' }), async () => ({ jobs: same, next: 'b' }), { limit: 5 }, BOUNDS);
    expect(got.scanned).toBe(5);
    expect(got.partial).toBe(false);
  });

  it('orders jobs without times after timed ones, latest read first', () => {
    const jobs = [{ jobID: 'a', status: 'x' }, { jobID: 'b', status: 'x', created: '2024-01-01T00:00:00Z' }, { jobID: 'c', status: 'x' }];
    expect(newestFirst(jobs).map((j) => j.jobID)).toEqual(['b', 'c', 'a']);
  });
});
