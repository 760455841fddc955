// 8. The fast path: a short process that allows synchronous execution
// (primes_between), called through the bridge over stdio, against the same
// request sent straight (one synchronous POST with undici), on the loopback
// demo server and on one whose every request takes LATENCY_MS more, in 1.0
// and 2.0 mode. Samples are interleaved; the bridge's figure has its stdio
// ping subtracted, as in section 1. Beside it, the floor of any MCP bridge:
// an SDK tool that does nothing but send the same request straight
// (children/floor-bridge.ts), its own ping subtracted. Then a long job (sleep_a_while, 8 s)
// called with a 1 s budget: the call must come back within the budget, with
// the job id.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startDemoChild, startFloorBridge, startStdioBridge } from '../lib/children.js';
import { pick, type BenchContext } from '../lib/context.js';
import { directClient } from '../lib/direct.js';
import { num, sampleInterleaved, spread, summarize, timed } from '../lib/stats.js';
import type { Row } from '../lib/table.js';

const PRIMES = { min_val: 0, max_val: 100 };
export const LATENCY_MS = 5;
const LONG_BUDGET_S = 1;

interface Setup {
  label: string;
  latencyMs: number;
  apiVersion: '1.0' | '2.0';
}

const SETUPS: Setup[] = [
  { label: 'loopback demo, 1.0', latencyMs: 0, apiVersion: '1.0' },
  { label: `demo with ${LATENCY_MS} ms per request, 1.0`, latencyMs: LATENCY_MS, apiVersion: '1.0' },
  { label: 'loopback demo, 2.0', latencyMs: 0, apiVersion: '2.0' },
  { label: `demo with ${LATENCY_MS} ms per request, 2.0`, latencyMs: LATENCY_MS, apiVersion: '2.0' },
];

function ok(result: CallToolResult): CallToolResult {
  if (result.isError) throw new Error(`call failed: ${JSON.stringify(result.content).slice(0, 300)}`);
  return result;
}

async function shortCall(ctx: BenchContext, setup: Setup): Promise<Row[]> {
  const demo = await startDemoChild({ latencyMs: setup.latencyMs, apiVersion: setup.apiVersion });
  // The same request: on 2.0 the bridge asks for results within its budget (45 s by default).
  const prefer = setup.apiVersion === '2.0' ? 'respond-async, wait=45' : undefined;
  const direct = directClient(demo.url);
  const bridge = await startStdioBridge(demo.url);
  const floor = await startFloorBridge(demo.url, prefer);
  try {
    const first = ok((await bridge.client.callTool({ name: 'primes_between', arguments: PRIMES })) as CallToolResult);
    const primes = (first.structuredContent as { outputs?: { return_value?: unknown[] } } | undefined)?.outputs?.return_value;
    if (!Array.isArray(primes) || primes.length !== 25) throw new Error(`primes_between returned ${JSON.stringify(first.structuredContent).slice(0, 200)}`);
    const kinds: Record<string, () => Promise<unknown>> = {
      direct: () => direct.executeSync('primes_between', PRIMES, prefer),
      ping: () => bridge.client.ping(),
      bridge: async () => ok((await bridge.client.callTool({ name: 'primes_between', arguments: PRIMES })) as CallToolResult),
      floorPing: () => floor.client.ping(),
      floor: async () => ok((await floor.client.callTool({ name: 'primes_between', arguments: PRIMES })) as CallToolResult),
    };
    const s = await sampleInterleaved(kinds, pick(ctx, 50, 15), pick(ctx, setup.latencyMs > 0 ? 150 : 300, 50));
    const ratio = (s.bridge!.median - s.ping!.median) / s.direct!.median;
    const floorRatio = (s.floor!.median - s.floorPing!.median) / s.direct!.median;
    return [
      {
        section: '8',
        measure: `fast path: primes_between over stdio, ${setup.label}`,
        figure: s.bridge!,
        unit: 'ms',
        baselineName: 'the same request sent straight',
        baseline: s.direct!,
        baselineExtra: `stdio ping ${spread(s.ping!, 'ms')}; floor of any bridge ${num(floorRatio)}`,
        ratio,
        target: '(bridge − ping) / direct ≤ 1.2',
        met: ratio <= 1.2,
      },
      {
        section: '8',
        measure: `floor: an SDK tool that only sends the request, ${setup.label}`,
        figure: s.floor!,
        unit: 'ms',
        baselineName: 'the same request sent straight',
        baseline: s.direct!,
        baselineExtra: `its stdio ping ${spread(s.floorPing!, 'ms')}`,
        ratio: floorRatio,
        target: 'info',
      },
    ];
  } finally {
    await floor.close();
    await bridge.close();
    await direct.close();
    await demo.close();
  }
}

async function longCall(ctx: BenchContext, apiVersion: '1.0' | '2.0'): Promise<Row> {
  const demo = await startDemoChild({ apiVersion });
  const bridge = await startStdioBridge(demo.url, ['--wait-seconds', String(LONG_BUDGET_S)]);
  try {
    // The first call of a session waits for the catalog: not part of what is measured.
    await bridge.client.callTool({ name: 'primes_between', arguments: PRIMES });
    const samples: number[] = [];
    for (let i = 0; i < pick(ctx, 3, 1); i++) {
      let jobId: unknown;
      const ms = await timed(async () => {
        const result = (await bridge.client.callTool({ name: 'sleep_a_while', arguments: { duration: 8 } })) as CallToolResult;
        jobId = (result.structuredContent as { jobId?: unknown } | undefined)?.jobId;
      });
      if (typeof jobId !== 'string') throw new Error('the long call came back without a job id');
      samples.push(ms);
      await bridge.client.callTool({ name: 'dismiss_job', arguments: { job_id: jobId } });
    }
    const s = summarize(samples);
    const budget = summarize([LONG_BUDGET_S * 1000]);
    return {
      section: '8',
      measure: `long job (8 s) with a ${LONG_BUDGET_S} s budget, ${apiVersion}: the call returns with its job id`,
      figure: s,
      unit: 'ms',
      baselineName: 'the budget',
      baseline: budget,
      ratio: s.median / budget.median,
      target: '≤ 1.2',
      met: s.max / budget.median <= 1.2,
    };
  } finally {
    await bridge.close();
    await demo.close();
  }
}

export async function fastPath(ctx: BenchContext): Promise<Row[]> {
  const rows: Row[] = [];
  for (const setup of SETUPS) {
    ctx.log(`fast path: ${setup.label}`);
    rows.push(...(await shortCall(ctx, setup)));
  }
  rows.push(await longCall(ctx, '1.0'));
  rows.push(await longCall(ctx, '2.0'));
  return rows;
}
