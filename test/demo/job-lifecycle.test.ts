// Job lifecycle over HTTP: progress, failure, dismissal, queueing and retention.
import { describe, expect, it } from 'vitest';
import { call, execute, executeAsync, pollJob, useDemoServer } from './helpers.js';

describe('sleep_a_while', () => {
  const server = useDemoServer();

  it('goes accepted/running -> successful with rising progress and timestamps', async () => {
    const created = await executeAsync(server(), 'sleep_a_while', { duration: 0.5 });
    expect(created.status).toBe(201);
    const seen: any[] = [created.body];
    const done = await pollJob(server(), created.body.jobID, undefined, (s) => seen.push(s));
    expect(done.status).toBe('successful');
    expect(done.progress).toBe(100);
    const progress = seen.filter((s) => s.progress !== undefined).map((s) => s.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(seen.some((s) => s.status === 'running' && s.progress < 100)).toBe(true);
    for (const key of ['created', 'started', 'updated', 'finished'] as const) {
      expect(Date.parse(done[key]), key).not.toBeNaN();
    }
    expect(done.created <= done.started && done.started <= done.finished).toBe(true);
    const results = await call(`${server().url}jobs/${done.jobID}/results`);
    expect(results.status).toBe(200);
    // Elapsed seconds of 101 steps of duration/100.
    expect(results.body.return_value).toBeGreaterThanOrEqual(0.5);
  });

  it('fails at 50% with "Woke up too early", and its results are that error', async () => {
    const created = await executeAsync(server(), 'sleep_a_while', { duration: 0.2, fail: true });
    const done = await pollJob(server(), created.body.jobID);
    expect(done).toMatchObject({ status: 'failed', message: 'Woke up too early', progress: 50 });
    expect(done.finished).toBeDefined();
    const results = await call(`${server().url}jobs/${done.jobID}/results`);
    expect(results.status).toBe(500);
    expect(results.body).toMatchObject({ type: expect.stringMatching(/job-failed$/), detail: 'Woke up too early', jobID: done.jobID });
    const failureLink = done.links.find((l: any) => l.rel === 'http://www.opengis.net/def/rel/ogc/1.0/exceptions');
    expect(failureLink.href).toBe(`${server().url}jobs/${done.jobID}/results`);
  });

  it('answers results of an unfinished job with 404 result-not-ready', async () => {
    const created = await executeAsync(server(), 'sleep_a_while', { duration: 60 });
    const results = await call(`${server().url}jobs/${created.body.jobID}/results`);
    expect(results.status).toBe(404);
    expect(results.body.type).toBe('http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/result-not-ready');
    await call(`${server().url}jobs/${created.body.jobID}`, { method: 'DELETE' });
  });

  it('DELETE stops a running job (dismissed), then removes it; a third DELETE is 404', async () => {
    const created = await executeAsync(server(), 'sleep_a_while', { duration: 10 });
    const id = created.body.jobID;
    await pollJob(server(), id, (s) => s.status === 'running' && s.progress >= 1);
    const dismissed = await call(`${server().url}jobs/${id}`, { method: 'DELETE' });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({ jobID: id, status: 'dismissed' });
    expect(dismissed.body.finished).toBeDefined();
    // Still listed as dismissed, with no results.
    expect((await call(`${server().url}jobs/${id}`)).body.status).toBe('dismissed');
    const results = await call(`${server().url}jobs/${id}/results`);
    expect(results.status).toBe(410);
    const removed = await call(`${server().url}jobs/${id}`, { method: 'DELETE' });
    expect(removed.status).toBe(200);
    expect(removed.body.status).toBe('dismissed');
    expect((await call(`${server().url}jobs/${id}`)).status).toBe(404);
    expect((await call(`${server().url}jobs/${id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('DELETE of a finished job removes it and its results', async () => {
    const reply = await execute(server(), 'primes_between', { inputs: { max_val: 10 } });
    const location = reply.headers.get('location')!;
    const deleted = await call(location, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(deleted.body.status).toBe('successful');
    expect((await call(location)).status).toBe(404);
    expect((await call(`${location}/results`)).status).toBe(404);
  });
});

describe('bounded worker pool', () => {
  const server = useDemoServer({ maxWorkers: 1 });

  it('keeps queued jobs accepted, and a dismissal frees the worker for the next job', async () => {
    const first = await executeAsync(server(), 'sleep_a_while', { duration: 60 });
    expect(first.body.status).toBe('running');
    const second = await executeAsync(server(), 'sleep_a_while', { duration: 60 });
    expect(second.body.status).toBe('accepted');
    const queued = (await call(`${server().url}jobs/${second.body.jobID}`)).body;
    expect(queued.status).toBe('accepted');
    expect(queued.started).toBeUndefined();

    // Dismissing the queued job never starts it.
    const dismissedQueued = await call(`${server().url}jobs/${second.body.jobID}`, { method: 'DELETE' });
    expect(dismissedQueued.body).toMatchObject({ status: 'dismissed' });
    expect(dismissedQueued.body.started).toBeUndefined();

    // The only worker is busy: a quick async job waits.
    const third = await executeAsync(server(), 'primes_between', {});
    expect(third.body.status).toBe('accepted');
    // Dismissing the running job stops it, which frees the worker for the waiting one.
    await call(`${server().url}jobs/${first.body.jobID}`, { method: 'DELETE' });
    expect((await pollJob(server(), third.body.jobID)).status).toBe('successful');
    // And a sync execution goes through as well.
    expect((await execute(server(), 'primes_between', { inputs: { max_val: 5 } })).body).toEqual({ return_value: [2, 3, 5] });
  });
});

describe('retention', () => {
  const server = useDemoServer({ maxJobs: 5 });

  it('evicts the oldest finished jobs past maxJobs', async () => {
    const locations: string[] = [];
    for (let i = 0; i < 8; i++) {
      locations.push((await execute(server(), 'process_pipeline', { inputs: { id: `n${i}` } })).headers.get('location')!);
    }
    const listed = (await call(`${server().url}jobs`)).body.jobs.map((j: any) => `${server().url}jobs/${j.jobID}`);
    expect(listed).toEqual(locations.slice(3));
    expect((await call(locations[0])).status).toBe(404);
    expect((await call(locations[7])).status).toBe(200);
  });
});

describe('close()', () => {
  it('stops running jobs and closes keep-alive connections promptly', async () => {
    const { startDemoServer } = await import('../../src/demo/index.js');
    const server = await startDemoServer();
    const created = await executeAsync(server, 'sleep_a_while', { duration: 600 });
    expect(created.status).toBe(201);
    // The keep-alive connection from that request is still open; close() must not wait for it.
    await server.close();
    await expect(fetch(server.url)).rejects.toThrow();
    await server.close(); // idempotent
  });
});
