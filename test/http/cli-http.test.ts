// The built CLI with `--demo --transport http` and a token, driven by the SDK's
// Client over Streamable HTTP: what the stdio end-to-end tests do, plus MCP
// logging (logging/setLevel, notifications/message) over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { startDemoServer } from '../../src/demo/index.js';
import { callTool, connectClient, eventually, rawRequest, startHttpCli, structured, textOf, type HttpCli, type RecordedClient } from './helpers.js';

const TOKEN = 'cli-http-token-5d2e7a91';
const FIXED = ['get_server_info', 'list_processes', 'describe_process', 'execute_process', 'list_jobs', 'get_job', 'get_job_results', 'dismiss_job'];

function logLines(messages: JSONRPCMessage[]): string[] {
  return messages
    .filter((m) => 'method' in m && m.method === 'notifications/message')
    .map((m) => String((m as unknown as { params: { data: unknown } }).params.data));
}

describe('`ogc-processes-mcp --demo --transport http`, through the SDK client', () => {
  let cli: HttpCli;
  let c: RecordedClient;
  beforeAll(async () => {
    cli = await startHttpCli(['--demo', '--log-level', 'debug'], { MCP_HTTP_TOKEN: TOKEN });
    c = await connectClient(cli.url, { token: TOKEN });
  });
  afterAll(async () => {
    await c?.close();
    await cli?.stop('SIGKILL');
  });

  it('binds loopback and lists the fixed tools and one tool per demo process', async () => {
    expect(cli.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const tools = (await c.client.listTools()).tools;
    const names = tools.map((t) => t.name);
    for (const name of FIXED) expect(names).toContain(name);
    expect(tools.find((t) => t._meta?.['ogc-processes-mcp/processId'] === 'primes_between')).toBeDefined();
    expect(c.client.getServerCapabilities()?.logging).toBeDefined();
  });

  it('returns the primes between 0 and 20', async () => {
    const result = await callTool(c.client, 'primes_between', { min_val: 0, max_val: 20 });
    expect(result.isError).toBeFalsy();
    expect(structured<{ outputs: { return_value: number[] } }>(result).outputs.return_value).toEqual([2, 3, 5, 7, 11, 13, 17, 19]);
  });

  it('streams increasing progress while sleep_a_while runs', async () => {
    const seen: { progress: number; total?: number }[] = [];
    const result = await callTool(c.client, 'sleep_a_while', { duration: 1 }, { onprogress: (p) => void seen.push(p) });
    expect(structured<{ status: string }>(result).status).toBe('successful');
    expect(seen.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.progress).toBeGreaterThan(seen[i - 1]!.progress);
    expect(seen.at(-1)!.progress).toBe(100);
  });

  it("reports a failed job as an error result with the job's message", async () => {
    const result = await callTool(c.client, 'sleep_a_while', { duration: 0.2, fail: true });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('Woke up too early');
  });

  it('returns a job still running, which get_job and get_job_results then follow', async () => {
    const started = await callTool(c.client, 'execute_process', { process_id: 'sleep_a_while', inputs: { duration: 0.5 }, wait_seconds: 0 });
    const { status, jobId } = structured<{ status: string; jobId: string }>(started);
    expect(['accepted', 'running']).toContain(status);
    expect(textOf(started)).toContain('get_job');
    await eventually(async () => {
      const job = await callTool(c.client, 'get_job', { job_id: jobId });
      return structured<{ status: string }>(job).status === 'successful' ? true : undefined;
    });
    const results = await callTool(c.client, 'get_job_results', { job_id: jobId });
    expect(results.isError).toBeFalsy();
    expect(typeof structured<{ outputs: { return_value: unknown } }>(results).outputs.return_value).toBe('number');
  });

  it('dismisses a running job', async () => {
    const started = await callTool(c.client, 'execute_process', { process_id: 'sleep_a_while', inputs: { duration: 30 }, wait_seconds: 0 });
    const { jobId } = structured<{ jobId: string }>(started);
    const dismissed = await callTool(c.client, 'dismiss_job', { job_id: jobId });
    expect(dismissed.isError).toBeFalsy();
    expect(structured<{ status: string }>(dismissed).status).toBe('dismissed');
    const job = await callTool(c.client, 'get_job', { job_id: jobId });
    expect(structured<{ status: string }>(job).status).toBe('dismissed');
  });

  it('sends log lines as notifications/message, at the level each session set with logging/setLevel', async () => {
    const quiet = await connectClient(cli.url, { token: TOKEN, name: 'quiet' });
    await quiet.client.setLoggingLevel('warning');
    const first = structured<{ jobId: string }>(await callTool(quiet.client, 'primes_between', { min_val: 1, max_val: 5 })).jobId;
    await quiet.client.setLoggingLevel('debug');
    const second = structured<{ jobId: string }>(await callTool(quiet.client, 'primes_between', { min_val: 1, max_val: 6 })).jobId;
    // Lines arrive in order on one stream: once the second job's line is there, the first's would be too.
    await eventually(async () => (logLines(quiet.received).some((l) => l.includes(`Started job ${second}`)) ? true : undefined));
    expect(logLines(quiet.received).some((l) => l.includes(first))).toBe(false);
    await quiet.close();
  });

  it('serves /healthz without the token, refuses /mcp without it, and never logs it', async () => {
    const health = await rawRequest(cli.url, { method: 'GET', path: '/healthz' });
    expect(health.status).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    expect((await rawRequest(cli.url, { headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401);
    expect(cli.stderr()).toContain('bearer token required');
    expect(cli.stderr()).not.toContain(TOKEN);
  });
});

describe('shutting the CLI down', () => {
  it('stops on SIGTERM with exit code 0, after the call in flight has its answer', async () => {
    const cli = await startHttpCli(['--demo']);
    const c = await connectClient(cli.url);
    let signalled = false;
    const call = callTool(c.client, 'sleep_a_while', { duration: 1 }, {
      onprogress: () => {
        if (!signalled) {
          signalled = true;
          cli.child.kill('SIGTERM');
        }
      },
    });
    const result = await call;
    expect(signalled).toBe(true);
    expect(result.isError).toBeFalsy();
    expect(structured<{ status: string }>(result).status).toBe('successful');
    expect(await cli.exited).toBe(0);
    expect(cli.stderr()).toMatch(/SIGTERM received/);
    expect(cli.stderr()).toMatch(/Waiting up to \d+(\.\d+)? s for 1 call\(s\) in flight/);
    expect(cli.stderr()).toContain('MCP HTTP transport stopped.');
    await c.client.close();
  });
});

describe('shutting down past the grace period', () => {
  it('stops without aborting the call, so its job goes on on the OGC server', async () => {
    const demo = await startDemoServer({ port: 0 });
    try {
      const cli = await startHttpCli(['--server-url', demo.url, '--shutdown-grace-seconds', '0.2']);
      const c = await connectClient(cli.url);
      let signalled = false;
      const call = callTool(c.client, 'sleep_a_while', { duration: 20 }, {
        onprogress: () => {
          if (!signalled) {
            signalled = true;
            cli.child.kill('SIGTERM');
          }
        },
      });
      expect(await cli.exited).toBe(0);
      // The call got no answer (its stream was cut); closing the client ends it.
      await c.client.close();
      await expect(call).rejects.toThrow();
      expect(cli.stderr()).toMatch(/1 call\(s\) still running after 0\.2 s; their jobs go on on the OGC server/);
      // The job was neither dismissed nor stopped by the bridge going away.
      const listing = (await (await fetch(`${demo.url}jobs?processID=sleep_a_while`)).json()) as { jobs: { jobID: string; status: string }[] };
      expect(listing.jobs).toHaveLength(1);
      expect(listing.jobs[0]!.status).toBe('running');
    } finally {
      await demo.close();
    }
  });
});
