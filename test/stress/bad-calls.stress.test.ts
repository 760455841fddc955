// The long run of the malformed-call property (test/reliability has the short
// one): 10,000 invalid calls over stdio and 5,000 over Streamable HTTP to the
// built CLI, 5,000 in process with Object.prototype watched. Every call is
// answered with an error, the process survives, nothing reaches the OGC server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { startFaultServer, type FaultServer } from '../support/fault-server.js';
import { answerOf, badCalls, prototypeSnapshot } from '../reliability/bad-calls.js';
import { startBridge } from '../reliability/bridge.js';
import { mb, memoryOf, spawnHttp, spawnStdio } from '../reliability/spawned.js';

const EXECUTION = /\/execution$/;

describe('10,000 malformed calls', () => {
  let demo: DemoServer;
  let proxy: FaultServer;
  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    proxy = await startFaultServer({ proxyTo: demo.url });
  });
  afterAll(async () => {
    await proxy?.close();
    await demo?.close();
  });

  async function hammer(client: Client, runs: number, pid: number | undefined, label: string): Promise<void> {
    const tools = (await client.listTools()).tools;
    const tally = { isError: 0, 'protocol-error': 0, success: 0 };
    const start = performance.now();
    await fc.assert(
      fc.asyncProperty(badCalls(tools), async (call) => {
        const answer = await answerOf(client, call);
        tally[answer]++;
        if (answer === 'success') throw new Error(`accepted: ${call.why}`);
        if (proxy.requestsTo('POST', EXECUTION).length > 0) throw new Error(`reached the OGC server: ${call.why}`);
      }),
      { numRuns: runs, endOnFailure: true },
    );
    const memory = pid !== undefined ? memoryOf(pid) : undefined;
    console.log(
      `${label}: ${runs} malformed calls in ${Math.round(performance.now() - start)} ms: ${tally.isError} isError results, ` +
        `${tally['protocol-error']} protocol errors, 0 executions${memory ? `; RSS ${mb(memory.rss)}, peak ${mb(memory.peak)}` : ''}`,
    );
    expect(tally.success).toBe(0);
    const ok = (await client.callTool({ name: 'primes_between', arguments: { min_val: 0, max_val: 10 } })) as CallToolResult;
    expect(ok.isError).toBeFalsy();
  }

  it('over stdio', async () => {
    const cli = await spawnStdio(['--server-url', proxy.url, '--wait-seconds', '1']);
    try {
      const before = proxy.requestsTo('POST', EXECUTION).length;
      expect(before).toBe(0);
      await hammer(cli.client, 10_000, cli.pid, 'stdio');
    } finally {
      await cli.close();
    }
    proxy.requests.length = 0;
  });

  it('over Streamable HTTP', async () => {
    const http = await spawnHttp(['--server-url', proxy.url, '--wait-seconds', '1']);
    try {
      await hammer(await http.connect(), 5_000, http.pid, 'http');
    } finally {
      expect(await http.close()).toBe(0);
    }
    proxy.requests.length = 0;
  });

  it('in process, with Object.prototype watched', async () => {
    const bridge = await startBridge(proxy.url, { 'wait-seconds': '1' });
    try {
      const clean = prototypeSnapshot();
      const tools = (await bridge.client.listTools()).tools;
      await fc.assert(
        fc.asyncProperty(badCalls(tools), async (call) => {
          const answer = await answerOf(bridge.client, call);
          if (answer === 'success') throw new Error(`accepted: ${call.why}`);
          if (prototypeSnapshot() !== clean || ({} as Record<string, unknown>).polluted !== undefined) throw new Error(`polluted by: ${call.why}`);
          if (proxy.requestsTo('POST', EXECUTION).length > 0) throw new Error(`reached the OGC server: ${call.why}`);
        }),
        { numRuns: 5_000, endOnFailure: true },
      );
    } finally {
      await bridge.close();
    }
  });
});
