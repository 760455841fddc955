// The bridge against what pygeoapi 0.21 was recorded answering (served by the
// dialect replay server): results in pygeoapi's shapes land on the declared
// output ids, list_jobs is newest first and honours its filters although
// pygeoapi pages oldest first and ignores them, and the results resource of a
// job that is not done says why, with one code and one prefix, in both
// protocol eras.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { ProtocolError, ResourceNotFoundError } from '@modelcontextprotocol/server';
import { afterEach, describe, expect, it } from 'vitest';
import { connectEraClient, type EraClient } from '../e2e/era-client.js';
import { startHttpCli, type HttpCli } from '../http/helpers.js';
import { newestFirst } from '../../src/ogc/job-listing.js';
import { jobTable } from '../support/dialects/pygeoapi.js';
import { loadScenarios, startReplayServer, type ReplayServer } from '../support/dialects/replay-server.js';
import { bridgeOn, textOf, type ConnectedBridge } from '../mcp/harness.js';
import { refusal } from './helpers.js';

let replay: ReplayServer | undefined;
let bridge: ConnectedBridge | undefined;
afterEach(async () => {
  await bridge?.close();
  await replay?.close();
  bridge = undefined;
  replay = undefined;
});

async function start(scenarios?: string[]): Promise<ConnectedBridge> {
  replay = await startReplayServer({ dialect: 'pygeoapi-0.21', ...(scenarios ? { scenarios: ['discovery', ...scenarios] } : {}) });
  bridge = await bridgeOn(replay.url);
  await bridge.ctx.catalog.ready();
  return bridge;
}

async function call(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await bridge!.client.callTool({ name, arguments: args })) as CallToolResult;
}

const outputsOf = (result: CallToolResult) => (result.structuredContent as { outputs?: Record<string, unknown> } | undefined)?.outputs;

describe('results in pygeoapi 0.21 shapes, on the declared outputs', () => {
  it('a document of {id, value} items, first as a job, then synchronously once the process is known to be short', async () => {
    await start(['execute-async', 'execute-sync']);
    const first = await call('hello-world', { name: 'World' });
    expect(first.isError, textOf(first)).toBeFalsy();
    expect(outputsOf(first)).toEqual({ echo: 'Hello World!' });
    const executions = () => replay!.requests.filter((r) => r.method === 'POST');
    expect(executions()[0]!.headers.prefer).toBe('respond-async');

    const second = await call('hello-world', { name: 'World' });
    expect(outputsOf(second)).toEqual({ echo: 'Hello World!' });
    expect(executions()[1]!.headers.prefer).toBeUndefined();
    // One request: no status poll, no results GET after the synchronous POST.
    const after = replay!.requests.slice(replay!.requests.indexOf(executions()[1]!) + 1);
    expect(after).toEqual([]);
  });

  it('an item without an id goes to the only declared output; a nested list to its outputs', async () => {
    await start(['async-result-shapes']);
    const stats = await call('stats', { values: [3, 1, 2] });
    expect(outputsOf(stats)).toEqual({ summary: { count: 3, max: 3, mean: 2, min: 1 } });
    const minMax = await call('min-max', { values: [3, 1, 2] });
    expect(outputsOf(minMax)).toEqual({ min: 1, max: 3 });
  });

  it('get_job_results finds the declared output id', async () => {
    await start(['execute-async']);
    const run = await call('hello-world', { name: 'World' });
    const jobId = (run.structuredContent as { jobId: string }).jobId;
    const one = await call('get_job_results', { job_id: jobId, output_id: 'echo' });
    expect(one.isError, textOf(one)).toBeFalsy();
    expect(outputsOf(one)).toEqual({ echo: 'Hello World!' });
  });

  it('a failed job is an error with the server\'s message', async () => {
    await start(['failed-job']);
    const failed = await call('always-fail', { reason: 'no data for this area' });
    expect(failed.isError).toBe(true);
    expect(textOf(failed)).toContain('no data for this area');
  });
});

describe('list_jobs on pygeoapi 0.21', () => {
  const table = jobTable(loadScenarios('pygeoapi-0.21'));

  it('returns the newest jobs first, though pygeoapi pages oldest first', async () => {
    await start();
    const result = await call('list_jobs', { limit: 5 });
    const listed = (result.structuredContent as { jobs: Array<{ jobId: string }>; scanned: number; partial: boolean });
    expect(listed.jobs.map((j) => j.jobId)).toEqual(newestFirst(table).slice(0, 5).map((j) => j.jobID));
    expect(listed.scanned).toBe(table.length);
    expect(listed.partial).toBe(false);
    expect(textOf(result)).toContain(`${table.length} read`);
  });

  it('honours status and process_id, which pygeoapi ignores', async () => {
    await start();
    const result = await call('list_jobs', { status: 'failed', process_id: 'always-fail', limit: 50 });
    const jobs = (result.structuredContent as { jobs: Array<{ status: string; processId: string }> }).jobs;
    expect(jobs.length).toBe(table.filter((j) => j.status === 'failed' && j.processID === 'always-fail').length);
    expect(jobs.every((j) => j.status === 'failed' && j.processId === 'always-fail')).toBe(true);
  });

  it('honours lists of statuses and process ids, applied on the bridge side (a single value is sent)', async () => {
    await start();
    const result = await call('list_jobs', { status: ['failed', 'running'], process_id: ['stats', 'to-csv'], limit: 50 });
    const jobs = (result.structuredContent as { jobs: Array<{ jobId: string }> }).jobs;
    const expected = newestFirst(table.filter((j) => j.status === 'failed' && (j.processID === 'stats' || j.processID === 'to-csv')));
    expect(expected.length).toBeGreaterThan(1);
    expect(jobs.map((j) => j.jobId)).toEqual(expected.map((j) => j.jobID));
    const asked = replay!.requests.find((r) => r.path === '/jobs')!;
    expect(asked.query.getAll('status')).toEqual([]);
    expect(asked.query.getAll('processID')).toEqual([]);

    const both = await call('list_jobs', { status: ['successful', 'failed'], process_id: ['always-fail', 'echo'], limit: 50 });
    const all = newestFirst(table.filter((j) => j.processID === 'always-fail' || j.processID === 'echo'));
    expect((both.structuredContent as { jobs: Array<{ jobId: string }> }).jobs.map((j) => j.jobId)).toEqual(all.map((j) => j.jobID));
  });
});

// Codes, the same in both eras: a results resource without contents (not ready yet, failed, gone) is a
// resource-not-found, which the v2 SDK sends as -32602 with data {uri} (the 2026-07-28 rule, and what
// SDK servers have always sent to 2025-11-25 clients). The v1 client puts "MCP error -32602: " in front
// once; the v2 client gives the server's message as it is.
describe('the results resource of a job that has none (2025-11-25, v1 client)', () => {
  const readError = (uri: string) => refusal<McpError>(() => bridge!.client.readResource({ uri }), uri);

  it('says a job still accepted is not ready yet, code -32602, prefix once', async () => {
    await start(['running-job']);
    const run = await call('execute_process', { process_id: 'slow-count', inputs: { seconds: 2 }, wait_seconds: 0.02 });
    const { jobId, status } = run.structuredContent as { jobId: string; status: string };
    expect(status).toBe('accepted');
    const uri = `ogc-job://${jobId}/results`;
    const error = await readError(uri);
    expect(error.code).toBe(-32602);
    expect(error.data).toEqual({ uri });
    expect(error.message).toBe(`MCP error -32602: Job ${jobId} is accepted (5%): its results are not ready yet. Read this resource again once get_job says it is successful.`);
  });

  it('gives a failed job\'s message', async () => {
    await start(['failed-job']);
    const run = await call('always-fail', { reason: 'no data for this area' });
    const { jobId } = run.structuredContent as { jobId: string };
    const error = await readError(`ogc-job://${jobId}/results/never`);
    expect(error.code).toBe(-32602);
    expect(error.message).toMatch(/^MCP error -32602: Job \S+ failed: InvalidParameterValue: Error executing process: no data for this area\. It has no results\.$/);
  });

  it('says a job the server does not know is gone', async () => {
    await start(['errors']);
    const error = await readError('ogc-job://no-such-job/results');
    expect(error.code).toBe(-32602);
    expect(error.data).toEqual({ uri: 'ogc-job://no-such-job/results' });
    expect(error.message.match(/MCP error/g)).toHaveLength(1);
    expect(error.message).toContain('Job no-such-job is gone');
  });
});

describe('the results resource of a job that has none (2026-07-28, v2 client, the built CLI over HTTP)', () => {
  let cli: HttpCli | undefined;
  let client: EraClient | undefined;
  afterEach(async () => {
    await client?.close();
    await cli?.stop();
    client = undefined;
    cli = undefined;
  });

  async function startModern(scenarios: string[]): Promise<EraClient> {
    replay = await startReplayServer({ dialect: 'pygeoapi-0.21', scenarios: ['discovery', ...scenarios] });
    cli = await startHttpCli(['--server-url', replay.url, '--refresh-seconds', '0']);
    client = await connectEraClient('modern', { kind: 'http', url: cli.url }, 'replay-modern');
    return client;
  }

  const readError = (uri: string) => refusal<ProtocolError>(() => client!.readResource({ uri }), uri);

  it('not ready yet and gone: resource not found (-32602, data {uri}), the message as the bridge wrote it', async () => {
    const modern = await startModern(['running-job', 'errors']);
    expect(modern.protocolVersion).toBe('2026-07-28');
    const run = await modern.callTool('execute_process', { process_id: 'slow-count', inputs: { seconds: 2 }, wait_seconds: 0.02 });
    const { jobId, status } = run.structuredContent as { jobId: string; status: string };
    expect(status).toBe('accepted');
    const uri = `ogc-job://${jobId}/results`;
    const notReady = await readError(uri);
    expect(notReady).toBeInstanceOf(ResourceNotFoundError);
    expect(notReady.code).toBe(-32602);
    expect(notReady.data).toEqual({ uri });
    expect(notReady.message).toBe(`Job ${jobId} is accepted (5%): its results are not ready yet. Read this resource again once get_job says it is successful.`);

    const gone = await readError('ogc-job://no-such-job/results');
    expect(gone).toBeInstanceOf(ResourceNotFoundError);
    expect(gone.code).toBe(-32602);
    expect(gone.message).toMatch(/^Job no-such-job is gone: /);
  });
});

describe('dismissal on pygeoapi 0.21', () => {
  it('reads the JSON status that pygeoapi sends as text/html', async () => {
    await start(['dismiss']);
    const run = await call('execute_process', { process_id: 'slow-count', inputs: { seconds: 2 }, wait_seconds: 0.02 });
    const { jobId } = run.structuredContent as { jobId: string };
    const dismissed = await call('dismiss_job', { job_id: jobId });
    expect(dismissed.isError, textOf(dismissed)).toBeFalsy();
    expect((dismissed.structuredContent as { status: string }).status).toBe('dismissed');
  });
});
