// list_jobs' filters take one value or several (a job matches any), sent to
// the demo server over HTTP when single (several are applied on the bridge
// side only); with several servers, each listed job is remembered as its
// server's, so that the job tools go straight to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { createLogger } from '../../src/log.js';
import { closeBridgeContext, createBridgeContext, type BridgeContext } from '../../src/mcp/context.js';
import { serve } from '../support/cli-config.js';
import { bridgeOn, connect, textOf, type ConnectedBridge } from './harness.js';

type Listed = { jobs: Array<{ jobId: string; status: string; processId: string; server?: string }>; count: number };

/** Starts a job straight on the server and waits until it has the status it will keep for the test. */
async function startJob(server: DemoServer, processId: string, inputs: Record<string, unknown>, settles: (status: string) => boolean): Promise<string> {
  const reply = await fetch(`${server.url}processes/${processId}/execution`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', prefer: 'respond-async' },
    body: JSON.stringify({ inputs }),
  });
  expect(reply.status).toBe(201);
  const { jobID } = (await reply.json()) as { jobID: string };
  for (let i = 0; i < 100; i++) {
    const { status } = (await (await fetch(`${server.url}jobs/${jobID}`)).json()) as { status: string };
    if (settles(status)) return jobID;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`job ${jobID} of ${processId} never settled`);
}

describe('list_jobs with several statuses and process ids', () => {
  let demo: DemoServer;
  let bridge: ConnectedBridge;
  const jobs: Record<string, string> = {};

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    const done = (s: string) => s === 'successful' || s === 'failed';
    jobs.primesOk = await startJob(demo, 'primes_between', { max_val: 10 }, done);
    jobs.primesFailed = await startJob(demo, 'primes_between', { max_val: 1 }, done);
    jobs.sleepRunning = await startJob(demo, 'sleep_a_while', { duration: 60 }, (s) => s === 'running');
    jobs.sleepOk = await startJob(demo, 'sleep_a_while', { duration: 0 }, done);
    jobs.sleepFailed = await startJob(demo, 'sleep_a_while', { duration: 0.02, fail: true }, done);
    jobs.echoOk = await startJob(demo, 'echo_large', { size_mb: 0 }, done);
    bridge = await bridgeOn(demo.url);
  });
  afterAll(async () => {
    await bridge?.close();
    await demo?.close();
  });

  const list = async (args: Record<string, unknown>) => {
    const result = (await bridge.client.callTool({ name: 'list_jobs', arguments: args })) as CallToolResult;
    expect(result.isError, textOf(result)).toBeFalsy();
    return new Set((result.structuredContent as Listed).jobs.map((j) => j.jobId));
  };

  it('takes a list of statuses', async () => {
    expect(await list({ status: ['successful', 'failed'] })).toEqual(new Set([jobs.primesOk, jobs.primesFailed, jobs.sleepOk, jobs.sleepFailed, jobs.echoOk]));
    expect(await list({ status: ['running'] })).toEqual(new Set([jobs.sleepRunning]));
  });

  it('takes a list of process ids, and both lists together', async () => {
    expect(await list({ process_id: ['primes_between', 'echo_large'] })).toEqual(new Set([jobs.primesOk, jobs.primesFailed, jobs.echoOk]));
    expect(await list({ process_id: ['sleep_a_while', 'echo_large'], status: ['failed', 'running'] })).toEqual(new Set([jobs.sleepRunning, jobs.sleepFailed]));
  });

  it('still takes one value of each', async () => {
    expect(await list({ process_id: 'sleep_a_while', status: 'successful' })).toEqual(new Set([jobs.sleepOk]));
  });

  it('refuses a status that is not one', async () => {
    const result = (await bridge.client.callTool({ name: 'list_jobs', arguments: { status: ['successful', 'finished'] } })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('status');
  });
});

describe('list_jobs on several servers', () => {
  let alpha: DemoServer;
  let beta: DemoServer;
  let ctx: BridgeContext;

  beforeAll(async () => {
    alpha = await startDemoServer({ port: 0 });
    beta = await startDemoServer({ port: 0 });
    const config = serve(['--server', `alpha=${alpha.url}`, '--server', `beta=${beta.url}`, '--refresh-seconds', '0']);
    ctx = createBridgeContext({ ...config, serverUrl: alpha.url }, { logger: createLogger({ level: 'warning', write: () => undefined }) });
  });
  afterAll(async () => {
    if (ctx) await closeBridgeContext(ctx);
    await alpha?.close();
    await beta?.close();
  });

  it('remembers each listed job as its server\'s', async () => {
    const done = (s: string) => s === 'successful';
    const onAlpha = await startJob(alpha, 'primes_between', { max_val: 10 }, done);
    const onBeta = await startJob(beta, 'primes_between', { max_val: 10 }, done);
    const client = await connect(ctx);
    try {
      const result = (await client.callTool({ name: 'list_jobs', arguments: {} })) as CallToolResult;
      const listed = (result.structuredContent as Listed).jobs.map((j) => [j.server, j.jobId]);
      expect(listed).toEqual([['beta', onBeta], ['alpha', onAlpha]]);
      expect(ctx.jobs.ownerOf(onAlpha)).toBe('alpha');
      expect(ctx.jobs.ownerOf(onBeta)).toBe('beta');
    } finally {
      await client.close();
    }
  });
});
