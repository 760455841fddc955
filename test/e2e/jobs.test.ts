// Following, dismissing and cancelling jobs through the built CLI, against a
// demo server started here so that the test can look at its jobs directly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { callTool, ERAS, eventually, startCli, structured, textOf, type CliSession } from './helpers.js';

interface DemoJob {
  jobID: string;
  status: string;
  processID?: string;
}

describe.each(ERAS)('jobs through `ogc-processes-mcp --server-url URL --wait-seconds 1` (%s client)', (era) => {
  let demo: DemoServer;
  let cli: CliSession;
  const jobs = async (): Promise<DemoJob[]> => ((await (await fetch(`${demo.url}jobs?limit=1000`)).json()) as { jobs: DemoJob[] }).jobs;
  const job = async (id: string): Promise<DemoJob> => (await (await fetch(`${demo.url}jobs/${id}`)).json()) as DemoJob;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    cli = await startCli(['--server-url', demo.url, '--wait-seconds', '1'], {}, era);
    await cli.client.listTools();
  });
  afterAll(async () => {
    await cli?.close();
    await demo?.close();
  });

  it('returns a running job that get_job and get_job_results follow to its outputs', async () => {
    const first = await callTool(cli.client, 'sleep_a_while', { duration: 5 });
    expect(first.isError).toBeFalsy();
    const pending = structured<{ status: string; jobId: string; progress?: number }>(first);
    expect(['accepted', 'running']).toContain(pending.status);
    expect(pending.jobId).toBeTruthy();
    expect(textOf(first)).toContain('get_job');

    const early = await callTool(cli.client, 'get_job_results', { job_id: pending.jobId });
    expect(early.isError).toBeFalsy();
    expect(['accepted', 'running']).toContain(structured<{ status: string }>(early).status);

    const done = await eventually(async () => {
      const status = await callTool(cli.client, 'get_job', { job_id: pending.jobId });
      const { status: s } = structured<{ status: string }>(status);
      return s === 'successful' ? status : undefined;
    }, 200, 100);
    expect(structured(done)).toMatchObject({ jobId: pending.jobId, processId: 'sleep_a_while', status: 'successful' });

    const results = await callTool(cli.client, 'get_job_results', { job_id: pending.jobId });
    expect(results.isError).toBeFalsy();
    const outputs = structured<{ status: string; outputs: { return_value: number } }>(results);
    expect(outputs.status).toBe('successful');
    expect(outputs.outputs.return_value).toBeGreaterThanOrEqual(5);

    const one = await callTool(cli.client, 'get_job_results', { job_id: pending.jobId, output_id: 'nope' });
    expect(one.isError).toBe(true);
    expect(textOf(one)).toContain('return_value');
  });

  it('dismiss_job stops a running job', async () => {
    const started = await callTool(cli.client, 'execute_process', { process_id: 'sleep_a_while', inputs: { duration: 60 }, wait_seconds: 0 });
    const { jobId } = structured<{ jobId: string }>(started);
    expect((await job(jobId)).status).toMatch(/accepted|running/);
    const dismissed = await callTool(cli.client, 'dismiss_job', { job_id: jobId });
    expect(dismissed.isError).toBeFalsy();
    expect(structured(dismissed)).toMatchObject({ jobId, status: 'dismissed' });
    expect((await job(jobId)).status).toBe('dismissed');
    const listed = await callTool(cli.client, 'list_jobs', { status: 'dismissed' });
    expect(structured<{ jobs: { jobId: string }[] }>(listed).jobs.map((j) => j.jobId)).toContain(jobId);
  });

  it('cancelling a tool call dismisses its job', async () => {
    const before = new Set((await jobs()).map((j) => j.jobID));
    const controller = new AbortController();
    const call = callTool(cli.client, 'sleep_a_while', { duration: 60 }, { signal: controller.signal, onprogress: () => controller.abort('user gave up') });
    await expect(call).rejects.toThrow();
    const dismissed = await eventually(async () => {
      const fresh = (await jobs()).filter((j) => !before.has(j.jobID) && j.processID === 'sleep_a_while');
      return fresh.length === 1 && fresh[0]!.status === 'dismissed' ? fresh[0] : undefined;
    });
    expect(dismissed.status).toBe('dismissed');
  });

  it('rejects invalid arguments precisely, and starts no job for them', async () => {
    const before = (await jobs()).length;
    const wrongType = await callTool(cli.client, 'primes_between', { min_val: 'zero', max_val: 20 });
    expect(wrongType.isError).toBe(true);
    expect(textOf(wrongType)).toMatch(/"min_val".*integer.*"zero"/);

    const outOfRange = await callTool(cli.client, 'primes_between', { min_val: 0, max_val: 1000 });
    expect(outOfRange.isError).toBe(true);
    expect(textOf(outOfRange)).toMatch(/"max_val" must be <= 100 \(maximum\); got 1000/);

    const unknownInput = await callTool(cli.client, 'primes_between', { maximum: 3 });
    expect(unknownInput.isError).toBe(true);
    expect(textOf(unknownInput)).toMatch(/unknown input "maximum"[^]*min_val, max_val/);

    const unknownTool = await callTool(cli.client, 'no_such_tool', {});
    expect(unknownTool.isError).toBe(true);
    expect(textOf(unknownTool)).toContain('Unknown tool "no_such_tool"');

    const unknownProcess = await callTool(cli.client, 'execute_process', { process_id: 'no_such_process', inputs: {} });
    expect(unknownProcess.isError).toBe(true);
    expect(textOf(unknownProcess)).toContain('No process "no_such_process"');

    const viaExecute = await callTool(cli.client, 'execute_process', { process_id: 'primes_between', inputs: { max_val: 101 } });
    expect(viaExecute.isError).toBe(true);
    expect(textOf(viaExecute)).toMatch(/execute_process[^]*"max_val" must be <= 100/);

    const badFixedArgs = await callTool(cli.client, 'list_jobs', { limit: 0 });
    expect(badFixedArgs.isError).toBe(true);
    expect(textOf(badFixedArgs)).toMatch(/"limit" must be >= 1/);

    expect((await jobs()).length).toBe(before);
  });

  it('says clearly when a job does not exist', async () => {
    const result = await callTool(cli.client, 'get_job', { job_id: 'no-such-job' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/404[^]*no-such-job[^]*list_jobs/);
    expect(textOf(result)).toContain(new URL(demo.url).host);
  });
});
