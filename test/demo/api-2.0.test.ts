// The demo server's OGC API - Processes 2.0 mode, next to its 1.0 default:
// status documents with `id`, the `wait` preference, `Link: rel=monitor`,
// 303 to the results, minimal results and one output at its own URL.
import { describe, expect, it } from 'vitest';
import { call, execute, useDemoServer } from './helpers.js';

const PRIMES = { inputs: { min_val: 0, max_val: 20 } };
const L3B = { inputs: { start_date: '2024-01-01', end_date: '2024-01-02', geometry: 'POINT (1 2)' } };

describe('demo server in 2.0 mode', () => {
  const server = useDemoServer({ apiVersion: '2.0' });

  it('declares the 2.0 conformance classes', async () => {
    const reply = await call(`${server().url}conformance`);
    expect(reply.body.conformsTo).toContain('http://www.opengis.net/spec/ogcapi-processes-1/2.0/conf/core');
    expect(reply.body.conformsTo.some((uri: string) => uri.includes('/1.0/'))).toBe(false);
  });

  it('answers a sync execution with the results and a monitor link to its job', async () => {
    const reply = await execute(server(), 'primes_between', PRIMES);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ return_value: [2, 3, 5, 7, 11, 13, 17, 19] });
    const link = reply.headers.get('link')!;
    expect(link).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/jobs\/[^>]+>; rel="monitor"$/);
    const job = await call(link.slice(1, link.indexOf('>')));
    expect(job.body).toMatchObject({ status: 'successful', processID: 'primes_between', processingEntityType: 'ogc-api-processes' });
    expect(typeof job.body.id).toBe('string');
    expect(job.body.jobID).toBeUndefined();
  });

  it('waits as long as `wait` says: results when the job is done in time', async () => {
    const reply = await execute(server(), 'primes_between', PRIMES, { Prefer: 'respond-async, wait=5' });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('preference-applied')).toBe('wait=5');
    expect(reply.body.return_value).toHaveLength(8);
  });

  it('waits as long as `wait` says: the job status when it is not done', async () => {
    // 218 takes 0.5 s: a 0.1 s wait ends first.
    const reply = await execute(server(), '218', L3B, { Prefer: 'respond-async, wait=0.1' });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('preference-applied')).toBe('respond-async');
    expect(reply.body).toMatchObject({ processingEntityType: 'ogc-api-processes' });
    expect(reply.body.status === 'accepted' || reply.body.status === 'running').toBe(true);
    expect(reply.headers.get('location')).toContain(`/jobs/${reply.body.id}`);
  });

  it('answers respond-async without wait at once with 201', async () => {
    const reply = await execute(server(), 'primes_between', PRIMES, { Prefer: 'respond-async' });
    expect(reply.status).toBe(201);
    expect(reply.body.id).toBeDefined();
  });

  it('redirects a minimal sync answer to the results with 303', async () => {
    const res = await fetch(`${server().url}processes/primes_between/execution`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', prefer: 'return=minimal' },
      body: JSON.stringify(PRIMES),
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/\/jobs\/[^/]+\/results$/);
    expect(res.headers.get('link')).toContain('rel="monitor"');
    expect((await call(location)).body.return_value).toHaveLength(8);
  });

  it('serves minimal results as links, and each output at its own URL', async () => {
    const done = await execute(server(), 'render_thumbnail', { inputs: {} });
    expect(done.status).toBe(200);
    const jobUrl = done.headers.get('location')!;
    const minimal = await call(`${jobUrl}/results`, { headers: { prefer: 'return=minimal' } });
    expect(minimal.headers.get('preference-applied')).toBe('return=minimal');
    expect(minimal.body.image).toMatchObject({ href: `${jobUrl}/results/image`, type: 'image/png' });
    const image = await fetch(minimal.body.image.href);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    const missing = await call(`${jobUrl}/results/nothing`);
    expect(missing.status).toBe(404);
  });

  it('lists jobs with `id`', async () => {
    const list = await call(`${server().url}jobs?limit=2`);
    expect(list.body.jobs[0].id).toBeDefined();
    expect(list.body.jobs[0].jobID).toBeUndefined();
  });
});

describe('demo server in 1.0 mode', () => {
  const server = useDemoServer();

  it('keeps jobID, 1.0 conformance, no monitor link, and no per-output URL', async () => {
    const reply = await execute(server(), 'primes_between', PRIMES);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('link')).toBeNull();
    const job = await call(reply.headers.get('location')!);
    expect(job.body.jobID).toBeDefined();
    expect(job.body.id).toBeUndefined();
    expect((await call(`${reply.headers.get('location')!}/results/return_value`)).status).toBe(404);
    const conformance = await call(`${server().url}conformance`);
    expect(conformance.body.conformsTo).toContain('http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/core');
  });

  it('ignores wait and answers respond-async with 201', async () => {
    const reply = await execute(server(), 'primes_between', PRIMES, { Prefer: 'respond-async, wait=5' });
    expect(reply.status).toBe(201);
  });
});

describe('demo server latency', () => {
  const server = useDemoServer({ latencyMs: 40 });

  it('adds the latency to every answer', async () => {
    const started = performance.now();
    await call(`${server().url}conformance`);
    await call(`${server().url}processes`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(78);
  });
});
