// list_jobs across two demo servers behind one built bridge: one list, newest
// first across both, the limit applied to the whole, each job naming its
// server, the whole within the result budget; with one server stopped, the
// other's jobs listed and the stopped one named as unavailable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { measureResultBytes } from '../../src/bridge/results/index.js';
import { callTool, startCli, structured, textOf, type CliSession } from './helpers.js';

interface Listed {
  jobs: Array<{ jobId: string; server: string; created: string }>;
  count: number;
  omitted?: number;
  scanned: number;
  partial: boolean;
  unavailable?: Array<{ server: string; error: string }>;
}

const MAX_RESULT_BYTES = 4_000;

/** Starts a job straight on the server (not through the bridge), returning its id. */
async function startJob(server: DemoServer): Promise<string> {
  const reply = await fetch(`${server.url}processes/primes_between/execution`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', prefer: 'respond-async' },
    body: '{"inputs":{"max_val":10}}',
  });
  expect(reply.status).toBe(201);
  return ((await reply.json()) as { jobID: string }).jobID;
}

describe('list_jobs on two servers behind one bridge', () => {
  let alpha: DemoServer;
  let beta: DemoServer;
  let cli: CliSession;
  let small: CliSession;
  // Newest last: [server, job id], started in turn on alpha and beta.
  const started: Array<[string, string]> = [];

  beforeAll(async () => {
    alpha = await startDemoServer({ port: 0 });
    beta = await startDemoServer({ port: 0 });
    for (let i = 0; i < 30; i++) {
      const [name, server] = i % 2 === 0 ? (['alpha', alpha] as const) : (['beta', beta] as const);
      started.push([name, await startJob(server)]);
      // Distinct creation times (milliseconds) on the two servers' clocks.
      await new Promise((r) => setTimeout(r, 5));
    }
    const servers = ['--server', `alpha=${alpha.url}`, '--server', `beta=${beta.url}`, '--refresh-seconds', '0'];
    cli = await startCli(servers);
    small = await startCli([...servers, '--max-result-bytes', String(MAX_RESULT_BYTES)]);
  });
  afterAll(async () => {
    await cli?.close();
    await small?.close();
    await alpha?.close();
    await beta?.close();
  });

  it('returns one list, newest first across both servers, cut to the limit overall', async () => {
    const result = await callTool(cli.client, 'list_jobs', { limit: 5 });
    expect(result.isError, textOf(result)).toBeFalsy();
    const listed = structured<Listed>(result);
    const newest = started.slice(-5).reverse();
    expect(listed.jobs.map((j) => [j.server, j.jobId])).toEqual(newest);
    expect(listed).toMatchObject({ count: 5, scanned: 30, partial: false });
    expect(listed).not.toHaveProperty('unavailable');
    const times = listed.jobs.map((j) => Date.parse(j.created));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // One list in the text too, each line naming its server, in the same order.
    const lines = textOf(result).split('\n').filter((l) => l.startsWith('- '));
    expect(lines.map((l) => l.match(/^- \[(\w+)\] (\S+):/)?.slice(1))).toEqual(newest);
    expect(textOf(result)).toMatch(/^5 job\(s\) on 2 servers, newest first \(30 read\)\./);
  });

  it('uses the default limit of 20 across servers', async () => {
    const listed = structured<Listed>(await callTool(cli.client, 'list_jobs', {}));
    expect(listed.jobs.map((j) => j.jobId)).toEqual(started.slice(-20).reverse().map(([, id]) => id));
  });

  it('keeps the merged list within the result budget, cut at a job, the newest kept', async () => {
    const result = await callTool(small.client, 'list_jobs', { limit: 30 });
    const listed = structured<Listed>(result);
    expect(listed.count).toBeGreaterThan(0);
    expect(listed.omitted).toBeGreaterThan(0);
    expect(listed.count + listed.omitted!).toBe(30);
    expect(listed.jobs.map((j) => j.jobId)).toEqual(started.slice(-listed.count).reverse().map(([, id]) => id));
    expect(textOf(result)).toContain(`${listed.omitted} more not shown`);
    expect(measureResultBytes(result)).toBeLessThanOrEqual(MAX_RESULT_BYTES);
  });

  it('with one server stopped, lists the other\'s jobs and names the stopped one as unavailable', async () => {
    await beta.close();
    const result = await callTool(cli.client, 'list_jobs', { limit: 4 });
    expect(result.isError, textOf(result)).toBeFalsy();
    const listed = structured<Listed>(result);
    expect(listed.jobs.map((j) => [j.server, j.jobId])).toEqual(started.filter(([s]) => s === 'alpha').slice(-4).reverse());
    expect(listed.scanned).toBe(15);
    expect(listed.unavailable?.map((u) => u.server)).toEqual(['beta']);
    expect(textOf(result)).toMatch(/Server beta \(http:\/\/127\.0\.0\.1:\d+\/\) cannot be used right now/);

    const cut = await callTool(small.client, 'list_jobs', { limit: 15 });
    expect(structured<Listed>(cut).unavailable?.map((u) => u.server)).toEqual(['beta']);
    expect(measureResultBytes(cut)).toBeLessThanOrEqual(MAX_RESULT_BYTES);
  });
});
