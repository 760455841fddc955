// A fault soak: hundreds of random (fault, tool call) pairs from fast-check
// against the fault server, through the in-process bridge with short timeouts.
// Every call answers within a generous bound, each execution call sends
// exactly one POST whatever the fault (never retried blindly), and after every
// fault the bridge serves a healthy call; at the end, a burst of concurrent
// calls shows the connection pool was not left broken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { echoProcess, startFaultServer, type FaultServer } from '../support/fault-server.js';
import { FAULTS } from '../reliability/faults.js';
import { brief, startBridge, timed, type InProcessBridge } from '../reliability/bridge.js';

const RUNS = 120;
const CALL_CEILING_MS = 20_000;
const EXECUTION = /^\/processes\/[^/]+\/execution$/;

const JOB_ANY = /^\/jobs\/job-\d+$/;
const RESULTS_ANY = /^\/jobs\/job-\d+\/results$/;

/** Each call with the requests it makes, so that the fault lands on one of them. */
const CALLS: Array<{ name: string; args: Record<string, unknown>; executes: boolean; targets: Array<{ method: string; path: string | RegExp }> }> = [
  { name: 'echo', args: { message: 'soak' }, executes: true, targets: [{ method: 'POST', path: EXECUTION }, { method: 'GET', path: JOB_ANY }, { method: 'GET', path: RESULTS_ANY }] },
  { name: 'execute_process', args: { process_id: 'echo', inputs: { message: 'soak' } }, executes: true, targets: [{ method: 'POST', path: EXECUTION }, { method: 'GET', path: JOB_ANY }, { method: 'GET', path: RESULTS_ANY }] },
  { name: 'get_job', args: { job_id: 'job-1' }, executes: false, targets: [{ method: 'GET', path: '/jobs/job-1' }] },
  { name: 'get_job_results', args: { job_id: 'job-1' }, executes: false, targets: [{ method: 'GET', path: '/jobs/job-1' }, { method: 'GET', path: '/jobs/job-1/results' }] },
  { name: 'list_jobs', args: {}, executes: false, targets: [{ method: 'GET', path: '/jobs' }] },
  { name: 'get_server_info', args: {}, executes: false, targets: [{ method: 'GET', path: '/' }, { method: 'GET', path: '/conformance' }] },
];

describe(`fault soak: ${RUNS} random faults`, () => {
  let server: FaultServer;
  let bridge: InProcessBridge;
  beforeAll(async () => {
    server = await startFaultServer({ processes: [{ description: echoProcess('echo') }] });
    bridge = await startBridge(server.url, { 'timeout-seconds': '0.3', 'wait-seconds': '2' });
    await bridge.ctx.catalog.ready();
    const first = await bridge.call('echo', { message: 'first' });
    expect(first.isError, brief(first)).toBeFalsy();
  });
  afterAll(async () => {
    await bridge?.close();
    await server?.close();
  });

  it('answers every call in bounded time, sends each execution once, and recovers', async () => {
    let slowest = 0;
    let errors = 0;
    let executions = 0;
    const start = performance.now();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FAULTS),
        fc.constantFrom(...CALLS).chain((call) => fc.tuple(fc.constant(call), fc.constantFrom(...call.targets))),
        fc.integer({ min: 1, max: 4 }),
        async (fault, [call, target], times) => {
          server.clearFaults();
          server.inject(target.method, target.path, fault.fault, { times });
          const before = server.requestsTo('POST', EXECUTION).length;
          const { value: result, ms } = await timed(() => bridge.call(call.name, call.args));
          server.clearFaults();
          slowest = Math.max(slowest, ms);
          if (result.isError) errors++;
          if (ms > CALL_CEILING_MS) throw new Error(`${call.name} under ${fault.name} took ${Math.round(ms)} ms`);
          const posts = server.requestsTo('POST', EXECUTION).length - before;
          if (posts !== (call.executes ? 1 : 0)) throw new Error(`${call.name} under ${fault.name} on ${String(target.path)} sent ${posts} execution requests`);
          if (call.executes) executions++;
          const healthy = (await bridge.call('get_job', { job_id: 'job-1' })) as CallToolResult;
          if (healthy.isError) throw new Error(`not healthy after ${fault.name} on ${String(target.path)}: ${brief(healthy)}`);
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
    console.log(
      `fault soak: ${RUNS} faulty calls (+${RUNS} healthy ones) in ${Math.round(performance.now() - start)} ms; ` +
        `${errors} isError results, ${executions} executions each sent once, slowest call ${Math.round(slowest)} ms`,
    );
    // The pool is fine: a burst of concurrent calls all work.
    const burst = await Promise.all(Array.from({ length: 50 }, (_, i) => bridge.call('echo', { message: `burst ${i}` })));
    expect(burst.filter((r) => r.isError).map(brief)).toEqual([]);
  });
});
