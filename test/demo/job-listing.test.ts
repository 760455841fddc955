// GET /jobs: paging with next links, and the status / processID / type filters.
import { beforeAll, describe, expect, it } from 'vitest';
import { call, execute, executeAsync, pollJob, useDemoServer } from './helpers.js';

const server = useDemoServer();
const created: Record<string, string[]> = { primes_between: [], process_pipeline: [], failed: [], running: [] };

async function followPages(firstUrl: string): Promise<{ ids: string[]; pages: any[] }> {
  const ids: string[] = [];
  const pages: any[] = [];
  let next: string | undefined = firstUrl;
  while (next) {
    const reply = await call(next);
    expect(reply.status).toBe(200);
    pages.push(reply.body);
    ids.push(...reply.body.jobs.map((j: any) => j.jobID));
    next = reply.body.links.find((l: any) => l.rel === 'next')?.href;
  }
  return { ids, pages };
}

beforeAll(async () => {
  for (let i = 0; i < 13; i++) {
    const reply = await execute(server(), 'primes_between', { inputs: { max_val: 10 + i } });
    created.primes_between.push(reply.headers.get('location')!.split('/').pop()!);
  }
  for (let i = 0; i < 9; i++) {
    const reply = await execute(server(), 'process_pipeline', { inputs: { id: `p${i}` } });
    created.process_pipeline.push(reply.headers.get('location')!.split('/').pop()!);
  }
  for (let i = 0; i < 2; i++) {
    const reply = await execute(server(), 'primes_between', { inputs: { max_val: 1 } });
    created.failed.push(reply.headers.get('location')!.split('/').pop()!);
  }
  const running = await executeAsync(server(), 'sleep_a_while', { duration: 600 });
  created.running.push(running.body.jobID);
  await pollJob(server(), running.body.jobID, (s) => s.status === 'running');
});

describe('GET /jobs', () => {
  it('lists every job in creation order without a limit, with a self link', async () => {
    const reply = await call(`${server().url}jobs`);
    expect(reply.body.jobs.map((j: any) => j.jobID)).toEqual([
      ...created.primes_between,
      ...created.process_pipeline,
      ...created.failed,
      ...created.running,
    ]);
    expect(reply.body.links).toEqual([{ href: `${server().url}jobs`, rel: 'self', type: 'application/json', title: 'This page' }]);
  });

  it('pages with limit and next links until the last page', async () => {
    const all = (await call(`${server().url}jobs`)).body.jobs.map((j: any) => j.jobID);
    const { ids, pages } = await followPages(`${server().url}jobs?limit=10`);
    expect(ids).toEqual(all);
    expect(pages.map((p) => p.jobs.length)).toEqual([10, 10, 5]);
    expect(pages.at(-1).links.some((l: any) => l.rel === 'next')).toBe(false);
    expect(pages[1].links.find((l: any) => l.rel === 'self').href).toBe(`${server().url}jobs?limit=10&offset=10`);
  });

  it('has no next link when the page holds exactly the rest', async () => {
    const { pages } = await followPages(`${server().url}jobs?limit=25`);
    expect(pages).toHaveLength(1);
  });

  it('filters by status, repeated or comma-separated', async () => {
    const failed = await followPages(`${server().url}jobs?status=failed`);
    expect(failed.ids).toEqual(created.failed);
    const comma = await followPages(`${server().url}jobs?status=failed,running`);
    expect(comma.ids).toEqual([...created.failed, ...created.running]);
    const repeated = await followPages(`${server().url}jobs?status=running&status=failed`);
    expect(repeated.ids).toEqual(comma.ids);
  });

  it('filters by processID, repeated or comma-separated, and keeps filters in next links', async () => {
    const one = await followPages(`${server().url}jobs?processID=process_pipeline&limit=4`);
    expect(one.ids).toEqual(created.process_pipeline);
    expect(one.pages).toHaveLength(3);
    const next = one.pages[0].links.find((l: any) => l.rel === 'next').href;
    expect(new URL(next).searchParams.getAll('processID')).toEqual(['process_pipeline']);
    const both = await followPages(`${server().url}jobs?processID=process_pipeline,sleep_a_while&limit=3`);
    expect(both.ids).toEqual([...created.process_pipeline, ...created.running]);
    const combined = await followPages(`${server().url}jobs?processID=primes_between&status=successful&limit=5`);
    expect(combined.ids).toEqual(created.primes_between);
    expect((await call(`${server().url}jobs?processID=nothing`)).body.jobs).toEqual([]);
  });

  it('matches type=process and nothing else', async () => {
    expect((await call(`${server().url}jobs?type=process`)).body.jobs).toHaveLength(25);
    expect((await call(`${server().url}jobs?type=workflow`)).body.jobs).toEqual([]);
  });

  it('rejects an unknown status with a 400 that lists the valid ones', async () => {
    const reply = await call(`${server().url}jobs?status=done`);
    expect(reply.status).toBe(400);
    expect(reply.body.detail).toContain("Unknown status 'done'");
    expect(reply.body.detail).toContain('accepted, running, successful, failed, dismissed');
  });

  it('gives each job a self link, and a results link once successful', async () => {
    const jobs = (await call(`${server().url}jobs`)).body.jobs;
    for (const job of jobs) {
      expect(job.links[0]).toEqual({ href: `${server().url}jobs/${job.jobID}`, rel: 'self', type: 'application/json', title: 'Job status' });
      const results = job.links.find((l: any) => l.rel === 'http://www.opengis.net/def/rel/ogc/1.0/results');
      expect(Boolean(results), job.status).toBe(job.status === 'successful');
    }
  });
});
