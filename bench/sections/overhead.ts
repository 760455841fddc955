// 1. Call overhead. A quick process run through the bridge, against two floors
// measured in the same loop: the same upstream requests sent with undici, and
// the cheapest protocol round trip on the same transport (the SDK's ping for
// 2025-11-25; resources/list for 2026-07-28, which has no ping). Both protocol
// eras are measured side by side: the v1 SDK Client (2025-11-25, initialize,
// an HTTP session) and the v2 one pinned to 2026-07-28 (no session: over HTTP
// the bridge makes a Server for every request). Samples are interleaved, so
// that drift (GC, CPU frequency) touches every kind alike.
//
// The demo server runs in its own process. primes_between offers both; the
// bridge runs it as a job the first time (POST 201, status poll, GET results)
// and, once it knows it is short, with one synchronous POST (the fast path,
// section 8); synthetic_0001 is made sync-only, so the bridge always runs it
// with one POST that answers with the results.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Client as ModernClient } from '@modelcontextprotocol/client';
import type { CallToolResult } from '@modelcontextprotocol/server';
import { connectHttpClient, connectHttpClientModern, startDemoChild, startHttpBridge, startStdioBridge, startStdioBridgeModern } from '../lib/children.js';
import { pick, type BenchContext } from '../lib/context.js';
import { directClient } from '../lib/direct.js';
import { sampleInterleaved, spread, type Summary } from '../lib/stats.js';
import type { Row } from '../lib/table.js';

const PRIMES = { min_val: 0, max_val: 100 };
const SYNTHETIC = { count: 3 };
export const SYNC_PROCESS = 'synthetic_0001';

async function callOk(client: Client | ModernClient, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content).slice(0, 300)}`);
  return result;
}

export async function callOverhead(ctx: BenchContext): Promise<Row[]> {
  const demo = await startDemoChild({ syntheticProcesses: 1, syntheticJobControl: ['sync-execute'] });
  const direct = directClient(demo.url);
  const stdio = await startStdioBridge(demo.url);
  const stdioModern = await startStdioBridgeModern(demo.url);
  const httpBridge = await startHttpBridge(demo.url);
  const http = await connectHttpClient(httpBridge.url);
  const httpModern = await connectHttpClientModern(httpBridge.url);
  try {
    // Sanity: the bridge answers what the server answers.
    const primes = await callOk(stdio.client, 'primes_between', PRIMES);
    const outputs = (primes.structuredContent as { outputs?: { return_value?: unknown } } | undefined)?.outputs;
    if (!Array.isArray(outputs?.return_value) || outputs.return_value.length !== 25) {
      throw new Error(`primes_between through the bridge returned ${JSON.stringify(primes.structuredContent).slice(0, 200)}`);
    }
    await callOk(stdio.client, SYNC_PROCESS, SYNTHETIC);
    await callOk(stdioModern.client, SYNC_PROCESS, SYNTHETIC);
    await callOk(httpModern, SYNC_PROCESS, SYNTHETIC);

    const kinds: Record<string, () => Promise<unknown>> = {
      directSync: () => direct.executeSync('primes_between', PRIMES),
      directAsync: () => direct.executeAsync('primes_between', PRIMES),
      directSyncOnly: () => direct.executeSync(SYNC_PROCESS, SYNTHETIC),
      stdioPing: () => stdio.client.ping(),
      stdioAsync: () => callOk(stdio.client, 'primes_between', PRIMES),
      stdioSync: () => callOk(stdio.client, SYNC_PROCESS, SYNTHETIC),
      httpPing: () => http.ping(),
      httpAsync: () => callOk(http, 'primes_between', PRIMES),
      httpSync: () => callOk(http, SYNC_PROCESS, SYNTHETIC),
      stdioModernTrip: () => stdioModern.client.listResources(),
      stdioModernAsync: () => callOk(stdioModern.client, 'primes_between', PRIMES),
      stdioModernSync: () => callOk(stdioModern.client, SYNC_PROCESS, SYNTHETIC),
      httpModernTrip: () => httpModern.listResources(),
      httpModernAsync: () => callOk(httpModern, 'primes_between', PRIMES),
      httpModernSync: () => callOk(httpModern, SYNC_PROCESS, SYNTHETIC),
    };
    const warmup = pick(ctx, 100, 30);
    const iterations = pick(ctx, 400, 80);
    ctx.log(`call overhead: ${warmup} warm-up + ${iterations} interleaved rounds of ${Object.keys(kinds).length} kinds`);
    const s = await sampleInterleaved(kinds, warmup, iterations);
    const overhead = (bridge: Summary, ping: Summary, floor: Summary) => (bridge.median - ping.median) / floor.median;
    const row = (transport: string, mode: string, bridge: string, ping: string, floor: string, floorName: string, target: boolean): Row => {
      const ratio = overhead(s[bridge]!, s[ping]!, s[floor]!);
      const modern = transport.includes('2026');
      return {
        section: '1',
        measure: `call over ${transport}, ${mode}`,
        figure: s[bridge]!,
        unit: 'ms',
        baselineName: floorName,
        baseline: s[floor]!,
        baselineExtra: `${transport.split(' ')[0]} ${modern ? 'resources/list' : 'ping'} ${spread(s[ping]!, 'ms')}`,
        ratio,
        ...(target ? { target: '(bridge − ping) / direct ≤ 1.2', met: ratio <= 1.2 } : { target: 'info' }),
      };
    };
    // Each 2025-11-25 row is followed by its 2026-07-28 twin.
    return [
      row('stdio 2025-11-25', `sync-only process (1 upstream POST)`, 'stdioSync', 'stdioPing', 'directSyncOnly', 'direct sync POST', true),
      row('stdio 2026-07-28', `sync-only process (1 upstream POST)`, 'stdioModernSync', 'stdioModernTrip', 'directSyncOnly', 'direct sync POST', true),
      row('stdio 2025-11-25', `primes_between (fast path: 1 POST) vs a job sent straight`, 'stdioAsync', 'stdioPing', 'directAsync', 'direct job: POST 201 + poll + results', false),
      row('stdio 2026-07-28', `primes_between (fast path: 1 POST) vs a job sent straight`, 'stdioModernAsync', 'stdioModernTrip', 'directAsync', 'direct job: POST 201 + poll + results', false),
      row('stdio 2025-11-25', `primes_between (fast path: 1 POST) vs one sync request`, 'stdioAsync', 'stdioPing', 'directSync', 'direct sync POST', true),
      row('stdio 2026-07-28', `primes_between (fast path: 1 POST) vs one sync request`, 'stdioModernAsync', 'stdioModernTrip', 'directSync', 'direct sync POST', true),
      row('HTTP 2025-11-25', `sync-only process (1 upstream POST)`, 'httpSync', 'httpPing', 'directSyncOnly', 'direct sync POST', true),
      row('HTTP 2026-07-28', `sync-only process (1 upstream POST)`, 'httpModernSync', 'httpModernTrip', 'directSyncOnly', 'direct sync POST', true),
      row('HTTP 2025-11-25', `primes_between (fast path: 1 POST) vs a job sent straight`, 'httpAsync', 'httpPing', 'directAsync', 'direct job: POST 201 + poll + results', false),
      row('HTTP 2026-07-28', `primes_between (fast path: 1 POST) vs a job sent straight`, 'httpModernAsync', 'httpModernTrip', 'directAsync', 'direct job: POST 201 + poll + results', false),
      row('HTTP 2025-11-25', `primes_between (fast path: 1 POST) vs one sync request`, 'httpAsync', 'httpPing', 'directSync', 'direct sync POST', true),
      row('HTTP 2026-07-28', `primes_between (fast path: 1 POST) vs one sync request`, 'httpModernAsync', 'httpModernTrip', 'directSync', 'direct sync POST', true),
    ];
  } finally {
    await http.close().catch(() => undefined);
    await httpModern.close().catch(() => undefined);
    await httpBridge.close();
    await stdioModern.close();
    await stdio.close();
    await direct.close();
    await demo.close();
  }
}
