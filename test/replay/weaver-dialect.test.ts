// The weaver-6.15.0 replay answers as Weaver's source says it does: Part 1
// 1.0 and 2.0 conformance, `respond-async` (with or without wait) as a job,
// `wait` alone inline with the job in Link rel=monitor, status documents with
// `id` and `jobID`, its own job list (page/limit/total, bare ids unless
// detail=true, newest first, filters), and its problem bodies.
import { afterEach, describe, expect, it } from 'vitest';
import { fetchReplay, type ReplayInit } from './helpers.js';
import { loadScenarios, startReplayServer, type ReplayServer } from '../support/dialects/replay-server.js';
import { listedJobTable } from '../support/dialects/rules.js';
import { weaverJobList, weaverPreferClass } from '../support/dialects/weaver.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const call = (method: string, path: string, init?: ReplayInit) => fetchReplay(server!, method, path, init);

const table = listedJobTable(loadScenarios('weaver-6.15.0'));
const listOf = (query: string) => weaverJobList(table, new URLSearchParams(query), 'http://w') as { status: number; body: any };

describe('Weaver 6.15 rules', () => {
  it('reads respond-async anywhere in Prefer as async, and a wait over its longest too', () => {
    expect(weaverPreferClass('respond-async, wait=30')).toBe('async');
    expect(weaverPreferClass('wait=5; respond-async')).toBe('async');
    expect(weaverPreferClass('wait=5')).toBe('sync');
    expect(weaverPreferClass('wait=21')).toBe('async');
    expect(weaverPreferClass(undefined)).toBe('sync');
  });

  it('lists bare ids by default, newest created first, with page, limit, count and total', () => {
    const { status, body } = listOf('');
    expect(status).toBe(200);
    const newest = [...table].sort((a, b) => String(b.created).localeCompare(String(a.created)));
    expect(body.jobs).toEqual(newest.slice(0, 10).map((j) => j.jobID));
    expect(body).toMatchObject({ total: table.length, page: 0, limit: 10, count: 10 });
  });

  it('pages by page number, keeping the other parameters in its links', () => {
    const { body } = listOf('limit=5&detail=true&page=1');
    expect(body.jobs).toHaveLength(5);
    expect(body.jobs[0].jobID).toBe(listOf('limit=10&detail=true').body.jobs[5].jobID);
    const rel = (r: string) => body.links.find((l: { rel: string }) => l.rel === r)?.href;
    expect(rel('next')).toBe('http://w/jobs?limit=5&detail=true&page=2');
    expect(rel('prev')).toBe('http://w/jobs?limit=5&detail=true&page=0');
    expect(listOf(`limit=5&page=${Math.ceil(table.length / 5)}`).status).toBe(400);
  });

  it('filters by a comma-separated status and one processID; of repeated parameters the last counts', () => {
    const failedOrDismissed = listOf('status=failed,dismissed&limit=100').body.jobs as string[];
    expect(failedOrDismissed).toEqual(table.filter((j) => j.status === 'failed' || j.status === 'dismissed').sort((a, b) => String(b.created).localeCompare(String(a.created))).map((j) => j.jobID));
    const repeated = listOf('status=failed&status=dismissed&limit=100').body.jobs as string[];
    expect(repeated).toEqual(listOf('status=dismissed&limit=100').body.jobs);
    const byProcess = listOf('processID=echo-text&detail=true&limit=100').body;
    expect(byProcess.jobs.every((j: { processID: string }) => j.processID === 'echo-text')).toBe(true);
    expect(byProcess.links.find((l: { rel: string }) => l.rel === 'up').href).toBe('http://w/processes/echo-text');
  });
});

describe('Weaver 6.15 replay server', () => {
  it('declares Part 1 1.0 and 2.0 classes', async () => {
    server = await startReplayServer({ dialect: 'weaver-6.15.0', scenarios: ['discovery'] });
    const { json } = await call('GET', 'conformance');
    expect(json.conformsTo).toContain('http://www.opengis.net/spec/ogcapi-processes-1/2.0/conf/core');
    expect(json.conformsTo).toContain('http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/core');
  });

  it('answers respond-async with a job (201, Location under the process, summary with id and jobID), and wait alone inline', async () => {
    server = await startReplayServer({ dialect: 'weaver-6.15.0', scenarios: ['execute-short'] });
    const body = { inputs: { message: 'Hello Weaver' }, response: 'document' };
    const started = await call('POST', 'processes/echo-text/execution', { prefer: 'respond-async, wait=10', body });
    expect(started.status).toBe(201);
    expect(started.headers.get('preference-applied')).toBe('respond-async');
    expect(started.headers.get('location')).toBe(`${server.origin}/processes/echo-text/jobs/${started.json.jobID}`);
    expect(started.json).toMatchObject({ id: started.json.jobID, status: 'accepted', processingEntityType: 'process', location: started.headers.get('location') });
    const status = await call('GET', `jobs/${started.json.jobID}`);
    expect(status.json).toMatchObject({ id: started.json.jobID, jobID: started.json.jobID, status: 'successful', percentCompleted: 100, progress: 100, runningSeconds: 1, runningDuration: 'PT1S', duration: '00:00:01' });
    expect(status.json.links.filter((l: { rel: string }) => ['status', 'monitor'].includes(l.rel)).map((l: { href: string }) => l.href)).toEqual([started.headers.get('location'), started.headers.get('location')]);

    const inline = await call('POST', 'processes/echo-text/execution', { prefer: 'wait=5', body });
    expect(inline.status).toBe(200);
    expect(inline.json).toEqual({ echo: 'Hello Weaver' });
    expect(inline.headers.get('location')).toBeNull();
    expect(inline.headers.get('link')).toMatch(/<[^>]+\/processes\/echo-text\/jobs\/[^>]+>; rel="monitor"/);
  });

  it('after a DELETE the job stays, dismissed; its results are 410 JobDismissed', async () => {
    server = await startReplayServer({ dialect: 'weaver-6.15.0', scenarios: ['dismiss'] });
    const started = await call('POST', 'processes/slow-sum/execution', { prefer: 'respond-async', body: { inputs: { values: [1, 2, 3, 4] }, response: 'document' } });
    const path = `jobs/${started.json.jobID}`;
    const dismissed = await call('DELETE', path);
    expect(dismissed.json).toEqual({ jobID: started.json.jobID, status: 'dismissed', message: expect.any(String), percentCompleted: 30 });
    expect((await call('GET', path)).json.status).toBe('dismissed');
    const gone = await call('GET', `${path}/results`);
    expect(gone.status).toBe(410);
    expect(gone.json).toMatchObject({ title: 'JobDismissed', status: 410, cause: { status: 'dismissed' } });
  });
});
