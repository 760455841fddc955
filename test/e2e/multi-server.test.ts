// Two demo servers behind one bridge (`--server a=URL --server b=URL`):
// tools from both, namespaced; a job on each followed and dismissed through
// the bridge, its id routed to the server that owns it; then one server
// stopped while the other keeps working.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { callTool, cliPath, clientConstraintViolations, eventually, startCli, structured, textOf, type CliSession } from './helpers.js';

describe('two OGC servers behind one bridge', () => {
  let alpha: DemoServer;
  let beta: DemoServer;
  let cli: CliSession;
  const jobsOn = async (server: DemoServer): Promise<string[]> =>
    ((await (await fetch(`${server.url}jobs?limit=1000`)).json()) as { jobs: Array<{ jobID: string }> }).jobs.map((j) => j.jobID);

  beforeAll(async () => {
    alpha = await startDemoServer({ port: 0 });
    beta = await startDemoServer({ port: 0 });
    cli = await startCli(['--server', `alpha=${alpha.url}`, '--server', `beta=${beta.url}`, '--wait-seconds', '1', '--refresh-seconds', '0']);
  });
  afterAll(async () => {
    await cli?.close();
    await alpha?.close();
    await beta?.close();
  });

  it('lists the processes of both servers as namespaced tools, valid for every client', async () => {
    const { tools } = await cli.client.listTools();
    const names = tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['alpha_sleep_a_while', 'beta_sleep_a_while', 'alpha_218', 'beta_218', 'get_job', 'list_processes']));
    expect(names).not.toContain('sleep_a_while');
    for (const tool of tools) expect(clientConstraintViolations(tool), tool.name).toEqual([]);
    const alphaTool = tools.find((t) => t.name === 'alpha_218')!;
    expect(alphaTool._meta).toMatchObject({ 'ogc-processes-mcp/processId': '218', 'ogc-processes-mcp/server': 'alpha' });
    const listJobs = tools.find((t) => t.name === 'list_jobs')!;
    expect((listJobs.inputSchema.properties as Record<string, { enum?: string[] }>).server?.enum).toEqual(['alpha', 'beta']);
  });

  it('follows and dismisses a job on each server by its id alone', async () => {
    for (const [name, server] of [['alpha', alpha], ['beta', beta]] as const) {
      const started = await callTool(cli.client, `${name}_sleep_a_while`, { duration: 60 });
      const { jobId, status } = structured<{ jobId: string; status: string }>(started);
      expect(['accepted', 'running']).toContain(status);
      expect(await jobsOn(server)).toContain(jobId);
      const other = server === alpha ? beta : alpha;
      expect(await jobsOn(other)).not.toContain(jobId);

      const followed = await callTool(cli.client, 'get_job', { job_id: jobId });
      expect(followed.isError).toBeFalsy();
      expect(structured(followed)).toMatchObject({ jobId, processId: 'sleep_a_while', server: name });

      const dismissed = await callTool(cli.client, 'dismiss_job', { job_id: jobId });
      expect(dismissed.isError, textOf(dismissed)).toBeFalsy();
      await eventually(async () => {
        const reply = await fetch(`${server.url}jobs/${jobId}`);
        const body = reply.status === 200 ? ((await reply.json()) as { status: string }) : undefined;
        return reply.status === 404 || body?.status === 'dismissed' ? true : undefined;
      });
    }
  });

  it('lists jobs of one server when asked, of both otherwise', async () => {
    await callTool(cli.client, 'alpha_primes_between', { min_val: 0, max_val: 10 });
    await callTool(cli.client, 'beta_primes_between', { min_val: 0, max_val: 10 });
    const both = structured<{ jobs: Array<{ server: string }> }>(await callTool(cli.client, 'list_jobs', {}));
    expect(new Set(both.jobs.map((j) => j.server))).toEqual(new Set(['alpha', 'beta']));
    const onlyBeta = structured<{ jobs: Array<{ server: string }> }>(await callTool(cli.client, 'list_jobs', { server: 'beta' }));
    expect(onlyBeta.jobs.length).toBeGreaterThan(0);
    expect(onlyBeta.jobs.every((j) => j.server === 'beta')).toBe(true);
  });

  it('serves a job\'s results as a resource from the server that owns it', async () => {
    const run = await callTool(cli.client, 'beta_primes_between', { min_val: 0, max_val: 12 });
    const { jobId } = structured<{ jobId: string }>(run);
    const read = await cli.client.readResource({ uri: `ogc-job://${encodeURIComponent(jobId)}/results` });
    expect(JSON.parse((read.contents[0] as { text: string }).text)).toMatchObject({ return_value: [2, 3, 5, 7, 11] });
  });

  it('runs a process by id on the named server, and asks which server when the id is on both', async () => {
    const run = await callTool(cli.client, 'execute_process', { server: 'beta', process_id: 'primes_between', inputs: { max_val: 20 } });
    expect(structured(run)).toMatchObject({ status: 'successful', outputs: { return_value: [2, 3, 5, 7, 11, 13, 17, 19] } });
    const ambiguous = await callTool(cli.client, 'execute_process', { process_id: 'primes_between', inputs: {} });
    expect(ambiguous.isError).toBe(true);
    expect(textOf(ambiguous)).toMatch(/alpha.*beta|beta.*alpha/);
  });

  it('inspect prints each server\'s processes under its name', async () => {
    const child = spawn(process.execPath, [cliPath, 'inspect', '--server', `alpha=${alpha.url}`, '--server', `beta=${beta.url}`], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^alpha: http:\/\/127\.0\.0\.1:\d+\/: 9 process\(es\)/m);
    expect(stdout).toMatch(/^beta: http:\/\/127\.0\.0\.1:\d+\/: 9 process\(es\)/m);
    expect(stdout).toContain('218 -> tool beta_218');
  });

  it('keeps working with one server stopped, and says which one is down', async () => {
    await beta.close();
    const fine = await callTool(cli.client, 'alpha_primes_between', { min_val: 0, max_val: 10 });
    expect(structured(fine)).toMatchObject({ status: 'successful', outputs: { return_value: [2, 3, 5, 7] } });
    const down = await callTool(cli.client, 'beta_primes_between', { min_val: 0, max_val: 10 });
    expect(down.isError).toBe(true);
    expect(textOf(down)).toContain('beta');
    const info = await callTool(cli.client, 'get_server_info', {});
    expect(info.isError).toBeFalsy();
    expect(textOf(info)).toMatch(/Server beta \(http:\/\/127\.0\.0\.1:\d+\/\) cannot be used right now: Could not get an answer/);
    const processes = await callTool(cli.client, 'list_processes', { server: 'alpha' });
    expect(processes.isError).toBeFalsy();
    expect(textOf(processes)).toContain('sleep_a_while');
  });
});
