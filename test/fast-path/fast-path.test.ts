// The fast path against the demo server, in 1.0 and 2.0 mode, with every
// upstream request counted at a recording proxy: a short sync-capable process
// costs one request once the bridge knows it is short (1.0) or from the first
// call (2.0, `Prefer: respond-async, wait=N`); a long job still comes back
// within the budget with its job id; cancelling a call still stops its job.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { startFaultServer, type FaultServer } from '../support/fault-server.js';
import { bridgeOn, textOf, type ConnectedBridge } from '../mcp/harness.js';

let demo: DemoServer | undefined;
let proxy: FaultServer | undefined;
let bridge: ConnectedBridge | undefined;
afterEach(async () => {
  await bridge?.close();
  await proxy?.close();
  await demo?.close();
  bridge = proxy = demo = undefined;
});

async function start(apiVersion: '1.0' | '2.0', waitSeconds = 5): Promise<ConnectedBridge> {
  demo = await startDemoServer({ apiVersion });
  proxy = await startFaultServer({ proxyTo: demo.url });
  bridge = await bridgeOn(proxy.url, { env: { OGC_WAIT_SECONDS: String(waitSeconds) } });
  await bridge.ctx.catalog.ready();
  return bridge;
}

async function call(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await bridge!.client.callTool({ name, arguments: args })) as CallToolResult;
}

/** The upstream requests a call made (conformance and descriptions aside). */
async function requestsOf(fn: () => Promise<CallToolResult>): Promise<{ result: CallToolResult; requests: string[] }> {
  const before = proxy!.requests.length;
  const result = await fn();
  const requests = proxy!.requests
    .slice(before)
    .filter((r) => r.path !== '/conformance' && !/^\/processes\/[^/]+$/.test(r.path))
    .map((r) => `${r.method} ${r.path.replace(/\/jobs\/[^/]+/, '/jobs/{id}')}${r.headers.prefer ? ` [${String(r.headers.prefer)}]` : ''}`);
  return { result, requests };
}

const PRIMES = { min_val: 0, max_val: 20 };
const PRIMES_OUT = { return_value: [2, 3, 5, 7, 11, 13, 17, 19] };

describe('a short process on a 1.0 server', () => {
  it('runs as a job the first time, then with one synchronous request', async () => {
    await start('1.0');
    const first = await requestsOf(() => call('primes_between', PRIMES));
    expect(first.result.structuredContent).toMatchObject({ status: 'successful', outputs: PRIMES_OUT });
    expect(first.requests[0]).toBe('POST /processes/primes_between/execution [respond-async]');
    expect(first.requests.length).toBeGreaterThanOrEqual(2);

    const second = await requestsOf(() => call('primes_between', PRIMES));
    expect(second.result.structuredContent).toMatchObject({ status: 'successful', outputs: PRIMES_OUT });
    expect(second.requests).toEqual(['POST /processes/primes_between/execution']);
    // The synchronous run still has its job, from the Location header.
    expect((second.result.structuredContent as { jobId?: string }).jobId).toMatch(/\S/);
  });
});

describe('a short process on a 2.0 server', () => {
  it('asks for results within the budget, and gets them in one request', async () => {
    await start('2.0', 7);
    const first = await requestsOf(() => call('primes_between', PRIMES));
    expect(first.result.structuredContent).toMatchObject({ status: 'successful', outputs: PRIMES_OUT });
    expect(first.requests).toEqual(['POST /processes/primes_between/execution [respond-async, wait=7]']);
    expect(proxy!.requestsTo('GET', '/conformance')).toHaveLength(1);
    // The synchronous run's job, named by the answer's headers, can be followed.
    const jobId = (first.result.structuredContent as { jobId?: string }).jobId;
    expect(jobId).toMatch(/\S/);
    const job = await call('get_job', { job_id: jobId! });
    expect(job.structuredContent).toMatchObject({ jobId, status: 'successful', processId: 'primes_between' });
  });

  it('reads 2.0 status documents (id, not jobID) of a job that outlives the wait', async () => {
    await start('2.0', 1);
    // 218 takes 0.5 s; with a 0-second wait the server answers 201 at once.
    const run = await call('execute_process', {
      process_id: '218',
      inputs: { start_date: '2024-01-01', end_date: '2024-01-02', geometry: 'POINT (1 2)' },
      wait_seconds: 0.5,
    });
    expect(run.isError, textOf(run)).toBeFalsy();
    const { jobId, status } = run.structuredContent as { jobId: string; status: string };
    expect(jobId).toMatch(/\S/);
    expect(['accepted', 'running', 'successful']).toContain(status);
    const job = await call('get_job', { job_id: jobId });
    expect((job.structuredContent as { jobId: string }).jobId).toBe(jobId);
  });
});

describe.each(['1.0', '2.0'] as const)('a long job on a %s server', (apiVersion) => {
  it('comes back within the budget with its job id', async () => {
    await start(apiVersion, 1);
    const started = performance.now();
    const run = await call('sleep_a_while', { duration: 5 });
    const ms = performance.now() - started;
    const { jobId, status } = run.structuredContent as { jobId: string; status: string };
    expect(['accepted', 'running']).toContain(status);
    expect(jobId).toMatch(/\S/);
    expect(ms).toBeLessThan(3_000);
    await call('dismiss_job', { job_id: jobId });
  });

  it('dismisses the job of a cancelled call', async () => {
    await start(apiVersion, 30);
    const controller = new AbortController();
    const pending = bridge!.client.callTool({ name: 'sleep_a_while', arguments: { duration: 5 } }, undefined, { signal: controller.signal }).catch(() => undefined);
    while (proxy!.requestsTo('GET', /^\/jobs\/[^/]+$/).length === 0) await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    await pending;
    for (let i = 0; i < 100 && proxy!.requestsTo('DELETE', /^\/jobs\//).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(proxy!.requestsTo('DELETE', /^\/jobs\//)).toHaveLength(1);
  });
});

describe('a synchronous run that outlives its budget', () => {
  it('is abandoned at the deadline with a clear error, and the process runs as a job from then on', async () => {
    await start('1.0', 1);
    await call('primes_between', PRIMES);
    // Known to be short now; this time the server takes 3 s to answer.
    proxy!.inject('POST', '/processes/primes_between/execution', { kind: 'delay', ms: 3_000 }, { times: 1 });
    const started = performance.now();
    const slow = await call('primes_between', PRIMES);
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(slow.isError).toBe(true);
    expect(textOf(slow)).toContain('no answer within 1 s of synchronous execution');
    const next = await requestsOf(() => call('primes_between', PRIMES));
    expect(next.requests[0]).toBe('POST /processes/primes_between/execution [respond-async]');
  });

  it('is found in the job list when the server made a job of it, and the call answers with that job', async () => {
    await start('1.0', 1);
    await call('primes_between', PRIMES);
    // The server makes a job of the request at once, then holds the answer past the budget.
    let madeJob: string | undefined;
    proxy!.inject(
      'POST',
      '/processes/primes_between/execution',
      {
        kind: 'handle',
        handle: async () => {
          const response = await fetch(new URL('processes/primes_between/execution', demo!.url), {
            method: 'POST',
            headers: { 'content-type': 'application/json', prefer: 'respond-async' },
            body: JSON.stringify({ inputs: PRIMES }),
          });
          madeJob = ((await response.json()) as { jobID: string }).jobID;
          // No answer: the bridge abandons the request at its deadline.
        },
      },
      { times: 1 },
    );
    const started = performance.now();
    const slow = await requestsOf(() => call('primes_between', PRIMES));
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(slow.result.isError, textOf(slow.result)).toBeFalsy();
    expect(madeJob).toMatch(/\S/);
    expect((slow.result.structuredContent as { jobId?: string }).jobId).toBe(madeJob);
    expect(slow.requests[0]).toBe('POST /processes/primes_between/execution');
    expect(slow.requests).toContain('GET /jobs');
    const next = await requestsOf(() => call('primes_between', PRIMES));
    expect(next.requests[0]).toBe('POST /processes/primes_between/execution [respond-async]');
  });
});

