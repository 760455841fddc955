// The bridge against Weaver 6.15's shapes (reconstructed from its source and
// served by the dialect replay server): a server that declares Part 1 2.0 yet
// answers `respond-async, wait=N` with a job, status documents with both `id`
// and `jobID`, results documents of bare values, results refused as problems
// (404 not ready, 400 failed, 410 dismissed, 400 for an id that is no UUID),
// a dismissal answered with a short document, and a job list of bare ids
// unless asked for details.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { McpError } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { textOf } from '../mcp/harness.js';
import { refusal, replaySessions } from './helpers.js';

const session = replaySessions('weaver-6.15.0');
const start = (scenarios: string[]) => session.start(scenarios);
const call = (name: string, args: Record<string, unknown>) => session.call(name, args);
const readError = (uri: string) => refusal<McpError>(() => session.bridge.client.readResource({ uri }), uri);

const outputsOf = (result: CallToolResult) => (result.structuredContent as { outputs?: Record<string, unknown> } | undefined)?.outputs;
const posts = () => session.replay.requests.filter((r) => r.method === 'POST');

describe('executions on Weaver 6.15', () => {
  it('a short process: asked for both at once (2.0), run as a job all the same, its results document read', async () => {
    await start(['execute-short']);
    const run = await call('echo-text', { message: 'Hello Weaver' });
    expect(run.isError, textOf(run)).toBeFalsy();
    expect(outputsOf(run)).toEqual({ echo: 'Hello Weaver' });
    expect(posts()[0]!.headers.prefer).toMatch(/^respond-async, wait=\d+$/);
    expect((run.structuredContent as { jobId: string }).jobId).toBe('7c1e0001-5d2a-4b8e-9f00-3a6b00000001');

    // Weaver answered the wait with a job at once, and the job ran 1 s: from now on the process runs
    // synchronously, as on a 1.0 server (one POST, no Prefer), and the answer holds the results.
    const before = session.replay.requests.length;
    const again = await call('echo-text', { message: 'Hello Weaver' });
    expect(again.isError, textOf(again)).toBeFalsy();
    expect(outputsOf(again)).toEqual({ echo: 'Hello Weaver' });
    const sent = session.replay.requests.slice(before).map((r) => `${r.method} ${r.path}${r.headers.prefer ? ` [${String(r.headers.prefer)}]` : ''}`);
    expect(sent).toEqual(['POST /processes/echo-text/execution']);
  });

  it('a sync-only process: results in the answer, the job found in Link rel=monitor', async () => {
    await start(['execute-short']);
    const run = await call('sync-echo', { message: 'Now' });
    expect(run.isError, textOf(run)).toBeFalsy();
    expect(outputsOf(run)).toEqual({ echo: 'Now' });
    expect(posts()[0]!.headers.prefer).toBeUndefined();
    expect((run.structuredContent as { jobId: string }).jobId).toBe('7c1e0003-5d2a-4b8e-9f00-3a6b00000003');
  });

  it('a job that outlives the wait: status with id and jobID, progress, then results with and without output_id', async () => {
    await start(['running-job']);
    const run = await call('execute_process', { process_id: 'slow-sum', inputs: { values: [1, 2, 3, 4] }, wait_seconds: 0.02 });
    const { jobId, status } = run.structuredContent as { jobId: string; status: string };
    expect(jobId).toBe('7c1e0004-5d2a-4b8e-9f00-3a6b00000004');
    expect(['accepted', 'running']).toContain(status);
    // The bridge may have polled already: the states seen are the later ones, each as Weaver sent it.
    const states = [
      { status: 'accepted', progress: 0, message: 'The job is queued.' },
      { status: 'running', progress: 40, message: 'Summing, step 2 of 5.' },
      { status: 'running', progress: 80, message: 'Summing, step 4 of 5.' },
      { status: 'successful', progress: 100, message: 'The job is done.' },
    ];
    const seen: Array<{ status: string; progress?: number; message?: string }> = [];
    let text = '';
    for (let i = 0; i < 6 && seen.at(-1)?.status !== 'successful'; i++) {
      const got = await call('get_job', { job_id: jobId });
      const { status: s, progress, message } = got.structuredContent as { status: string; progress?: number; message?: string };
      seen.push({ status: s, progress, message });
      if (s === 'running') text = textOf(got);
    }
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toEqual(states.slice(states.length - seen.length));
    expect(text).toMatch(/ is running \((40|80)% done\): Summing, step \d of 5\. \(created /);

    const all = await call('get_job_results', { job_id: jobId });
    expect(all.isError, textOf(all)).toBeFalsy();
    expect(outputsOf(all)).toMatchObject({ mean: 2.5, report: { href: `${session.replay.origin}/wpsoutputs/7c1e0004-5d2a-4b8e-9f00-3a6b00000004/report.txt` } });
    const one = await call('get_job_results', { job_id: jobId, output_id: 'mean' });
    expect(outputsOf(one)).toEqual({ mean: 2.5 });
  });

  it('a failed job is an error with Weaver\'s message', async () => {
    await start(['failed-job']);
    const failed = await call('always-fail', { grid: 'empty' });
    expect(failed.isError).toBe(true);
    expect(textOf(failed)).toContain('the grid has no cells');
  });
});

// As for pygeoapi: a results resource without contents is resource-not-found, -32602 with data {uri}, "MCP error -32602: " once.
describe('the results resource of a Weaver job that has none', () => {
  it('a running job: not ready yet, with its progress', async () => {
    await start(['running-job']);
    const run = await call('execute_process', { process_id: 'slow-sum', inputs: { values: [1, 2, 3, 4] }, wait_seconds: 0.02 });
    const { jobId } = run.structuredContent as { jobId: string };
    const uri = `ogc-job://${jobId}/results`;
    const first = await readError(uri);
    expect(first.code).toBe(-32602);
    expect(first.data).toEqual({ uri });
    expect(first.message).toMatch(new RegExp(`^MCP error -32602: Job ${jobId} is (accepted \\(0%\\)|running \\((40|80)%\\)): its results are not ready yet\\. Read this resource again once get_job says it is successful\\.$`));
  });

  it('a failed job: its message, once', async () => {
    await start(['failed-job']);
    const run = await call('always-fail', { grid: 'empty' });
    const { jobId } = run.structuredContent as { jobId: string };
    const error = await readError(`ogc-job://${jobId}/results`);
    expect(error.code).toBe(-32602);
    expect(error.message).toBe(`MCP error -32602: Job ${jobId} failed: The job failed: the grid has no cells. It has no results.`);
  });

  it('a dismissed job: Weaver keeps it with status dismissed', async () => {
    await start(['dismiss']);
    const run = await call('execute_process', { process_id: 'slow-sum', inputs: { values: [1, 2, 3, 4] }, wait_seconds: 0.02 });
    const { jobId } = run.structuredContent as { jobId: string };
    const dismissed = await call('dismiss_job', { job_id: jobId });
    expect(dismissed.isError, textOf(dismissed)).toBeFalsy();
    expect(dismissed.structuredContent).toMatchObject({ jobId, status: 'dismissed', progress: 30 });
    const error = await readError(`ogc-job://${jobId}/results`);
    expect(error.code).toBe(-32602);
    expect(error.message).toBe(`MCP error -32602: Job ${jobId} was dismissed: The job was dismissed. It has no results.`);
  });

  it('a job id that is no UUID (Weaver: 400 NoSuchJob) and an unknown one (404) are gone', async () => {
    await start(['errors']);
    for (const jobId of ['no-such-job', '7c1e0099-5d2a-4b8e-9f00-3a6b00000099']) {
      const uri = `ogc-job://${jobId}/results`;
      const error = await readError(uri);
      expect(error.code, error.message).toBe(-32602);
      expect(error.data).toEqual({ uri });
      expect(error.message).toMatch(new RegExp(`^MCP error -32602: Job ${jobId} is gone: `));
    }
  });
});

describe('list_jobs on Weaver 6.15', () => {
  const table = () =>
    (session.replay.scenarios.find((s) => s.scenario === 'job-list')!.exchanges[0]!.response.json as { jobs: Array<{ jobID: string; status: string; processID: string; created: string }> }).jobs;

  it('newest first, with status and times, though Weaver lists bare ids unless asked for details', async () => {
    await start(['job-list']);
    const result = await call('list_jobs', { limit: 5 });
    expect(result.isError, textOf(result)).toBeFalsy();
    const listed = result.structuredContent as { jobs: Array<{ jobId: string; status: string; created?: string }>; scanned: number; partial: boolean };
    expect(listed.jobs.map((j) => j.jobId)).toEqual(table().slice(0, 5).map((j) => j.jobID));
    expect(listed.jobs.map((j) => j.status)).toEqual(table().slice(0, 5).map((j) => j.status));
    expect(listed.jobs.every((j) => typeof j.created === 'string')).toBe(true);
    expect(listed.partial).toBe(false);
    expect(listed.scanned).toBeGreaterThanOrEqual(5);
  });

  it('honours a status and a process id, which Weaver filters too', async () => {
    await start(['job-list']);
    const result = await call('list_jobs', { status: 'failed', process_id: 'always-fail', limit: 50 });
    const listed = result.structuredContent as { jobs: Array<{ jobId: string; status: string; processId: string }>; scanned: number; partial: boolean };
    const expected = table().filter((j) => j.status === 'failed' && j.processID === 'always-fail');
    expect(expected.length).toBeGreaterThan(3);
    expect(listed.jobs.map((j) => j.jobId)).toEqual(expected.map((j) => j.jobID));
    expect(listed.scanned).toBe(expected.length);
    expect(listed.partial).toBe(false);
    const asked = session.replay.requests.filter((r) => r.path === '/jobs').at(-1)!;
    expect(asked.query.get('status')).toBe('failed');
    expect(asked.query.get('processID')).toBe('always-fail');
    expect(asked.query.get('detail')).toBe('true');
  });

  it('honours several statuses, which Weaver would read as the last one only: the bridge applies them itself', async () => {
    await start(['job-list']);
    const result = await call('list_jobs', { status: ['failed', 'successful'], limit: 50 });
    const listed = result.structuredContent as { jobs: Array<{ jobId: string; status: string }> };
    const expected = table().filter((j) => j.status === 'failed' || j.status === 'successful');
    expect(expected.some((j) => j.status === 'failed') && expected.some((j) => j.status === 'successful')).toBe(true);
    expect(new Set(listed.jobs.map((j) => j.jobId))).toEqual(new Set(expected.map((j) => j.jobID)));
    const asked = session.replay.requests.filter((r) => r.path === '/jobs');
    expect(asked.every((r) => !r.query.has('status'))).toBe(true);
  });

  it('asks once more with detail=true when the first page is bare ids, and reads every job once', async () => {
    await start(['job-list']);
    const result = await call('list_jobs', { limit: 5 });
    const listed = result.structuredContent as { jobs: Array<{ jobId: string }>; scanned: number; partial: boolean };
    expect(listed.scanned).toBe(table().length);
    expect(listed.partial).toBe(false);
    const asked = session.replay.requests.filter((r) => r.path === '/jobs').map((r) => r.url);
    expect(asked).toEqual(['/jobs?limit=100', '/jobs?limit=100&detail=true']);
  });
});
