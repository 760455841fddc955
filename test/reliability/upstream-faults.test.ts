// Upstream faults on real sockets, through the whole bridge (MCP Server,
// tools, OGC client): every one ends in a clear isError result within the
// configured timeouts, the bridge serves the next call, idempotent GETs are
// retried with backoff on 502, 503 and resets, and an execution POST is sent
// exactly once whatever happens to it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { echoProcess, startFaultServer, type FaultServer } from '../support/fault-server.js';
import { freePort } from '../support/free-port.js';
import { FAULTS } from './faults.js';
import { brief, startBridge, textOf, timed, type InProcessBridge } from './bridge.js';

const TIMEOUT_SECONDS = 0.5;
// Generous ceiling for any one faulty call: a few timeouts plus retry pauses,
// far below what a hang would take. Measured durations are logged, not asserted.
const CALL_CEILING_MS = 15_000;
const EXECUTION = /^\/processes\/[^/]+\/execution$/;
const JOB = '/jobs/job-1';

describe('upstream faults through the bridge', () => {
  let server: FaultServer;
  let bridge: InProcessBridge;
  const durations: string[] = [];

  beforeAll(async () => {
    server = await startFaultServer({
      processes: [
        { description: echoProcess('echo') },
        { description: echoProcess('forever'), behaviour: { kind: 'run-forever' } },
        { description: echoProcess('vanishing'), behaviour: { kind: 'vanish', polls: 2 } },
        { description: echoProcess('chatty'), behaviour: { kind: 'fail', polls: 0, message: `Traceback:\n${'  at frame\n'.repeat(200_000)}` } },
      ],
    });
    bridge = await startBridge(server.url, { 'timeout-seconds': String(TIMEOUT_SECONDS), 'wait-seconds': '1' });
    await bridge.ctx.catalog.ready();
    // A job to ask about.
    const started = await bridge.call('echo', { message: 'first' });
    expect(started.isError, brief(started)).toBeFalsy();
    expect((started.structuredContent as { jobId: string }).jobId).toBe('job-1');
  });
  afterAll(async () => {
    console.log(`faulty calls (ms, --timeout-seconds ${TIMEOUT_SECONDS}): ${durations.join(', ')}`);
    await bridge?.close();
    await server?.close();
  });
  afterEach(() => server.clearFaults());

  /** The bridge still works: a GET and an execution both succeed. */
  async function expectHealthy(): Promise<void> {
    const job = await bridge.call('get_job', { job_id: 'job-1' });
    expect(job.isError, brief(job)).toBeFalsy();
    const run = await bridge.call('echo', { message: 'after' });
    expect(run.isError, brief(run)).toBeFalsy();
    expect((run.structuredContent as { outputs: Record<string, unknown> }).outputs.return_value).toContain('after');
  }

  describe.each(FAULTS)('$name', ({ name, fault, getAttempts, says }) => {
    it(`a GET ends in a clear error after ${getAttempts} attempt(s), then the bridge serves the next call`, async () => {
      server.inject('GET', JOB, fault);
      const before = server.requestsTo('GET', JOB).length;
      const { value: result, ms } = await timed(() => bridge.call('get_job', { job_id: 'job-1' }));
      server.clearFaults();
      expect(result.isError, brief(result)).toBe(true);
      expect(brief(result)).toMatch(says);
      expect(textOf(result)).toContain(server.origin);
      expect(server.requestsTo('GET', JOB).length - before).toBe(getAttempts);
      durations.push(`GET ${name} ${Math.round(ms)}`);
      expect(ms).toBeLessThan(CALL_CEILING_MS);
      await expectHealthy();
    });

    it('an execution POST is sent once, never retried, and ends in a clear error', async () => {
      server.inject('POST', EXECUTION, fault);
      const before = server.requestsTo('POST', EXECUTION).length;
      const { value: result, ms } = await timed(() => bridge.call('echo', { message: 'under fault' }));
      server.clearFaults();
      expect(result.isError, brief(result)).toBe(true);
      expect(server.requestsTo('POST', EXECUTION).length - before).toBe(1);
      durations.push(`POST ${name} ${Math.round(ms)}`);
      expect(ms).toBeLessThan(CALL_CEILING_MS);
      await expectHealthy();
    });
  });

  it('retries a GET with growing pauses, and the retry that works wins', async () => {
    server.inject('GET', JOB, { kind: 'respond', status: 503 }, { times: 2 });
    const before = server.requestsTo('GET', JOB).length;
    const result = await bridge.call('get_job', { job_id: 'job-1' });
    expect(result.isError, brief(result)).toBeFalsy();
    const attempts = server.requestsTo('GET', JOB).slice(before);
    expect(attempts).toHaveLength(3);
    const [first, second, third] = attempts.map((r) => r.at);
    // Lower bounds only: the client pauses 200 ms, then 400 ms (a timer never fires early).
    expect(second! - first!).toBeGreaterThanOrEqual(190);
    expect(third! - second!).toBeGreaterThanOrEqual(390);
  });

  it('retries a GET after a reset in the middle of a body, and returns the good answer', async () => {
    server.inject('GET', JOB, { kind: 'reset', afterBytes: 50 }, { times: 1 });
    const before = server.requestsTo('GET', JOB).length;
    const result = await bridge.call('get_job', { job_id: 'job-1' });
    expect(result.isError, brief(result)).toBeFalsy();
    expect(server.requestsTo('GET', JOB).length - before).toBe(2);
  });

  it('gives up on a redirect loop with a clear error', async () => {
    server.inject('GET', JOB, { kind: 'redirect', location: JOB });
    const before = server.requestsTo('GET', JOB).length;
    const result = await bridge.call('get_job', { job_id: 'job-1' });
    server.clearFaults();
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/redirects/);
    // The first request and a bounded number of hops, not an endless chase.
    expect(server.requestsTo('GET', JOB).length - before).toBeLessThanOrEqual(10);
    await expectHealthy();
  });

  it('does not follow a redirect of an execution POST (that would run it again)', async () => {
    server.inject('POST', EXECUTION, { kind: 'redirect', location: '/processes/echo/execution', status: 307 });
    const before = server.requestsTo('POST', EXECUTION).length;
    const result = await bridge.call('echo', { message: 'redirected' });
    server.clearFaults();
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/redirect/i);
    expect(server.requestsTo('POST', EXECUTION).length - before).toBe(1);
  });

  it('answers a job that runs forever within --wait-seconds, as running, and lets it be dismissed', async () => {
    const { value: result, ms } = await timed(() => bridge.call('forever', { message: 'x' }));
    expect(result.isError, brief(result)).toBeFalsy();
    const structured = result.structuredContent as { status: string; jobId: string };
    expect(structured.status).toBe('running');
    expect(textOf(result)).toMatch(/get_job/);
    expect(ms).toBeLessThan(CALL_CEILING_MS);
    const results = await bridge.call('get_job_results', { job_id: structured.jobId });
    expect(textOf(results)).toMatch(/running/);
    const dismissed = await bridge.call('dismiss_job', { job_id: structured.jobId });
    expect(dismissed.isError, brief(dismissed)).toBeFalsy();
    expect(server.ogc.jobs.get(structured.jobId)?.status).toBe('dismissed');
  });

  it('reports a job that disappears (404) while it is waited on', async () => {
    const { value: result, ms } = await timed(() => bridge.call('vanishing', { message: 'x' }));
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/no job "job-\d+"/i);
    expect(ms).toBeLessThan(CALL_CEILING_MS);
    await expectHealthy();
  });

  it('keeps results small when a job carries a 2 MB message', async () => {
    const run = await bridge.call('chatty', { message: 'x' });
    expect(run.isError).toBe(true);
    const jobId = /job-\d+/.exec(textOf(run))?.[0];
    expect(jobId).toBeDefined();
    for (const [name, args] of [
      ['chatty', { message: 'y' }],
      ['get_job', { job_id: jobId }],
      ['get_job_results', { job_id: jobId }],
      ['list_jobs', {}],
    ] as const) {
      const result = await bridge.call(name, args);
      expect(JSON.stringify(result).length, name).toBeLessThan(bridge.ctx.config.maxResultBytes);
    }
  });

  it('reports the faults on the process list and recovers when the list is back', async () => {
    server.inject('GET', '/processes', { kind: 'respond', status: 200, body: '<html>maintenance</html>', contentType: 'text/html' });
    await bridge.ctx.catalog.refresh();
    const tools = await bridge.client.listTools();
    // The last good list stays: the process tools do not vanish because of one bad answer.
    expect(tools.tools.map((t) => t.name)).toContain('echo');
    const listed = await bridge.call('list_processes', {});
    expect(textOf(listed)).toMatch(/cannot be reached|earlier/);
    server.clearFaults();
    await bridge.ctx.catalog.refresh();
    const again = await bridge.call('list_processes', {});
    expect(again.isError).toBeFalsy();
    expect(textOf(again)).not.toMatch(/earlier/);
  });
});

describe('a server that refuses connections', () => {
  it('gives clear errors, then serves the next call once the server is up', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const bridge = await startBridge(url, { 'timeout-seconds': String(TIMEOUT_SECONDS) });
    let server: FaultServer | undefined;
    try {
      await bridge.ctx.catalog.ready();
      for (const [name, args] of [
        ['get_server_info', {}],
        ['list_processes', {}],
        ['get_job', { job_id: 'job-1' }],
        ['list_jobs', {}],
        ['echo', { message: 'x' }],
      ] as const) {
        const { value: result, ms } = await timed(() => bridge.call(name, args));
        expect(result.isError, name).toBe(true);
        expect(textOf(result), name).toMatch(/connection refused/i);
        expect(ms).toBeLessThan(CALL_CEILING_MS);
      }
      server = await startFaultServer({ port, processes: [{ description: echoProcess('echo') }] });
      // Past the 1 s minimum between on-demand refreshes of the process list (it holds after a failure too).
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const info = await bridge.call('get_server_info', {});
      expect(info.isError, brief(info)).toBeFalsy();
      const run = await bridge.call('echo', { message: 'up again' });
      expect(run.isError, brief(run)).toBeFalsy();
      expect(server.ogc.executions).toHaveLength(1);
    } finally {
      await bridge.close();
      await server?.close();
    }
  });
});
