// The pygeoapi 0.21 replay serves what pygeoapi was recorded answering, and
// its computed job list gives back every recorded page.
import { afterEach, describe, expect, it } from 'vitest';
import { fetchReplay, type ReplayInit } from './helpers.js';
import { jobTable, pygeoapiJobList, pygeoapiPreferClass } from '../support/dialects/pygeoapi.js';
import { loadScenarios, startReplayServer, type ReplayServer } from '../support/dialects/replay-server.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const call = (method: string, path: string, init?: ReplayInit) => fetchReplay(server!, method, path, init);

describe('pygeoapi 0.21 job list rules', () => {
  const scenario = loadScenarios('pygeoapi-0.21', ['job-list'])[0]!;
  const all = loadScenarios('pygeoapi-0.21');
  const table = jobTable(all);

  it('the table holds every job listed, oldest first', () => {
    expect(table.length).toBeGreaterThan(40);
    const created = table.map((j) => String(j.created));
    expect([...created].sort()).toEqual(created);
  });

  const lists = scenario.exchanges.map((e, i) => ({ e, i })).filter(({ e }) => e.request.method === 'GET' && e.request.path === '/jobs');
  it.each(lists.map(({ e, i }) => [JSON.stringify(e.request.query ?? []), i] as const))('gives back the recorded page for %s (#%i)', (_q, i) => {
    const exchange = scenario.exchanges[i]!;
    // Jobs started later in the scenario than this request were not in the table yet.
    const later = new Set(
      scenario.exchanges.slice(i + 1).map((e) => e.response.headers.location?.split('/').pop()).filter((id): id is string => id !== undefined),
    );
    const query = new URLSearchParams(exchange.request.query ?? []);
    const computed = pygeoapiJobList(table.filter((j) => !later.has(j.jobID)), query, '{origin}');
    expect(computed).toEqual({ status: exchange.response.status, body: exchange.response.json });
  });

  it('ignores status and processID, and the first page holds the oldest jobs', () => {
    const page = pygeoapiJobList(table, new URLSearchParams('limit=5&status=running&processID=echo'), 'http://x').body as { jobs: Array<{ status: string; processID: string; created: string }> };
    expect(page.jobs).toHaveLength(5);
    expect(page.jobs.some((j) => j.processID !== 'echo' || j.status !== 'running')).toBe(true);
    expect(page.jobs.map((j) => j.created).sort()).toEqual(table.slice(0, 5).map((j) => String(j.created)).sort());
  });

  it('reads Prefer as a whole string', () => {
    expect(pygeoapiPreferClass('respond-async')).toBe('async');
    expect(pygeoapiPreferClass('respond-async, wait=5')).toBe('sync');
    expect(pygeoapiPreferClass(undefined)).toBe('sync');
  });
});

describe('pygeoapi 0.21 replay server', () => {
  it('serves the discovery documents with its own origin', async () => {
    server = await startReplayServer({ dialect: 'pygeoapi-0.21' });
    const list = await call('GET', 'processes');
    expect(list.status).toBe(200);
    expect(list.json.processes.map((p: { id: string }) => p.id)).toContain('hello-world');
    expect(list.text).toContain(server.origin);
    expect(list.text).not.toContain('{origin}');
  });

  it('replays a sync execution with its Location, and an async one through its states', async () => {
    server = await startReplayServer({ dialect: 'pygeoapi-0.21', scenarios: ['execute-sync', 'running-job'] });
    const sync = await call('POST', 'processes/hello-world/execution', { body: { inputs: { name: 'World' }, response: 'raw' } });
    expect(sync.status).toBe(200);
    expect(sync.json).toEqual({ id: 'echo', value: 'Hello World!' });
    expect(sync.headers.get('location')).toMatch(new RegExp(`^${server.origin}/jobs/`));

    const started = await call('POST', 'processes/slow-count/execution', { prefer: 'respond-async', body: { inputs: { seconds: 2 }, response: 'document' } });
    expect(started.status).toBe(201);
    expect(started.headers.get('preference-applied')).toBe('respond-async');
    const jobPath = new URL(started.headers.get('location')!).pathname.slice(1);
    const early = await call('GET', `${jobPath}/results`);
    expect(early.status).toBe(404);
    expect(early.json.code).toBe('ResultNotReady');
    const states: string[] = [];
    for (let i = 0; i < 30; i++) {
      const job = await call('GET', jobPath);
      states.push(job.json.status);
      if (job.json.status === 'successful') break;
    }
    expect(states[0]).toBe('accepted');
    expect(states.at(-1)).toBe('successful');
    const results = await call('GET', `${jobPath}/results`);
    expect(results.json).toEqual({ outputs: [{ id: 'count', value: 8 }] });
  });

  it('answers a Prefer pygeoapi does not take as async with the synchronous run', async () => {
    server = await startReplayServer({ dialect: 'pygeoapi-0.21', scenarios: ['prefer-variants'] });
    const res = await call('POST', 'processes/hello-world/execution', { prefer: 'respond-async, wait=5', body: { inputs: { name: 'A' }, response: 'document' } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ outputs: [{ id: 'echo', value: 'Hello A!' }] });
  });

  it('after a DELETE, the job is gone', async () => {
    server = await startReplayServer({ dialect: 'pygeoapi-0.21', scenarios: ['dismiss'] });
    const started = await call('POST', 'processes/slow-count/execution', { prefer: 'respond-async', body: { inputs: { seconds: 2 }, response: 'document' } });
    const jobPath = new URL(started.headers.get('location')!).pathname.slice(1);
    const dismissed = await call('DELETE', jobPath);
    expect(dismissed.status).toBe(200);
    expect(dismissed.headers.get('content-type')).toContain('text/html');
    expect(dismissed.json.status).toBe('dismissed');
    expect((await call('GET', jobPath)).status).toBe(404);
  });

  it('computes the job list from the recorded table', async () => {
    server = await startReplayServer({ dialect: 'pygeoapi-0.21' });
    const first = await call('GET', 'jobs?limit=5');
    expect(first.json.jobs).toHaveLength(5);
    const next = first.json.links.find((l: { rel: string }) => l.rel === 'next').href as string;
    expect(next.startsWith(server.origin)).toBe(true);
    const second = await call('GET', next);
    expect(second.json.jobs).toHaveLength(5);
    expect(second.json.jobs[0].jobID).not.toBe(first.json.jobs[0].jobID);
  });

  it('says so when a request was not recorded', async () => {
    server = await startReplayServer({ dialect: 'pygeoapi-0.21', scenarios: ['errors'] });
    const res = await call('GET', 'processes/hello-world');
    expect(res.status).toBe(599);
    expect(res.json.code).toBe('NotRecorded');
  });
});
