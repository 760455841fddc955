// 3. Throughput: 64 MCP clients over Streamable HTTP calling a sync-only
// process in a closed loop, against 64 undici loops sending the same
// execution straight to the demo server; in both protocol eras: 2025-11-25
// clients each with its own session, 2026-07-28 clients with none (a Server
// per request in the bridge). Runs of the three alternate; the demo server and the bridge each have a process of their
// own, the load generators run in this one. The MCP clients are light ones
// (raw JSON-RPC over undici, bench/lib/raw-http.ts), so that both sides pay
// the same client costs and the difference is the bridge's.
import { Agent } from 'undici';
import { startDemoChild, startHttpBridge } from '../lib/children.js';
import { pick, type BenchContext } from '../lib/context.js';
import { directClient } from '../lib/direct.js';
import { closedLoop, type LoadResult } from '../lib/load.js';
import { summarize } from '../lib/stats.js';
import type { Row } from '../lib/table.js';
import { openRawHttpSession, openRawModernHttp, type RawHttpSession } from '../lib/raw-http.js';
import { SYNC_PROCESS } from './overhead.js';

export const CONCURRENCY = 64;
const INPUTS = { count: 3 };

export async function throughput(ctx: BenchContext): Promise<Row[]> {
  const seconds = pick(ctx, 10, 3);
  const runs = pick(ctx, 3, 1);
  const demo = await startDemoChild({ syntheticProcesses: 1, syntheticJobControl: ['sync-execute'], maxWorkers: CONCURRENCY });
  const bridge = await startHttpBridge(demo.url, ['--max-sessions', String(CONCURRENCY * 2)]);
  const direct = directClient(demo.url, CONCURRENCY);
  const agent = new Agent({ connections: CONCURRENCY, keepAliveTimeout: 30_000 });
  const clients: RawHttpSession[] = [];
  const modernClients: RawHttpSession[] = [];
  try {
    for (let i = 0; i < CONCURRENCY; i++) clients.push(await openRawHttpSession(bridge.url, agent));
    for (let i = 0; i < CONCURRENCY; i++) modernClients.push(openRawModernHttp(bridge.url, agent));
    const through = (pool: RawHttpSession[]) => async (worker: number) => {
      const result = await pool[worker]!.call('tools/call', { name: SYNC_PROCESS, arguments: INPUTS });
      if (result.isError) throw new Error(JSON.stringify(result.content).slice(0, 200));
    };
    const viaBridge = through(clients);
    const viaBridgeModern = through(modernClients);
    const straight = async () => {
      await direct.executeSync(SYNC_PROCESS, INPUTS);
    };
    // Warm both paths (JIT, connections) before anything is counted.
    await closedLoop(CONCURRENCY, 1000, viaBridge);
    await closedLoop(CONCURRENCY, 1000, viaBridgeModern);
    await closedLoop(CONCURRENCY, 1000, straight);
    ctx.log(`throughput: ${runs} × (${seconds} s direct + ${seconds} s through the bridge in each era) at concurrency ${CONCURRENCY}`);
    const bridgeRuns: LoadResult[] = [];
    const modernRuns: LoadResult[] = [];
    const directRuns: LoadResult[] = [];
    for (let i = 0; i < runs; i++) {
      directRuns.push(await closedLoop(CONCURRENCY, seconds * 1000, straight));
      bridgeRuns.push(await closedLoop(CONCURRENCY, seconds * 1000, viaBridge));
      modernRuns.push(await closedLoop(CONCURRENCY, seconds * 1000, viaBridgeModern));
    }
    const d = summarize(directRuns.map((r) => r.perSecond));
    const directErrors = directRuns.reduce((n, r) => n + r.errors, 0);
    const row = (era: string, how: string, results: LoadResult[]): Row => {
      const b = summarize(results.map((r) => r.perSecond));
      const errors = results.reduce((n, r) => n + r.errors, 0);
      const firstError = results.find((r) => r.firstError)?.firstError ?? directRuns.find((r) => r.firstError)?.firstError;
      const ratio = b.median / d.median;
      return {
        section: '3',
        measure: `throughput: ${CONCURRENCY} MCP ${era} clients over HTTP (${how}), sync process, ${seconds} s runs`,
        figure: b,
        unit: 'calls/s',
        baselineName: `direct HTTP, ${CONCURRENCY} concurrent`,
        baseline: d,
        ratio,
        target: '≥ 0.5, 0 errors',
        met: ratio >= 0.5 && errors === 0,
        note: `errors: ${errors} through the bridge, ${directErrors} direct${firstError ? ` (first: ${firstError})` : ''}`,
      };
    };
    return [row('2025-11-25', 'a session each', bridgeRuns), row('2026-07-28', 'no session, a Server per request', modernRuns)];
  } finally {
    await Promise.allSettled(clients.map((c) => c.close()));
    await agent.close();
    await bridge.close();
    await direct.close();
    await demo.close();
  }
}
