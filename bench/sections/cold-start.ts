// 2. Cold start: from spawning the bridge to its first complete tools/list,
// against a demo server (in its own process) holding 1,000 processes; the
// baseline is a fresh node process that fetches the same 1,001 documents
// (the list and every description) concurrently with undici. Then warm
// tools/list calls on the same session, against the cold one.
//
// The client is raw JSON-RPC over stdio (the response line is parsed, as the
// baseline parses its documents): the SDK Client would add its own work, a
// zod parse of 1,008 tools and an output validator compiled for each, which
// is the client's cost, not the bridge's.
import { spawn } from 'node:child_process';
import { BUILTIN_PROCESSES } from '../../src/demo/index.js';
import { coldBaselinePath, startDemoChild } from '../lib/children.js';
import { pick, type BenchContext } from '../lib/context.js';
import { elapsedMs, now, summarize } from '../lib/stats.js';
import type { Row } from '../lib/table.js';
import { startRawStdioBridge, type RawSession } from '../lib/raw-stdio.js';

export const CATALOG_SIZE = 1000;
const FIXED_TOOLS = 8;

async function listTools(bridge: RawSession): Promise<number> {
  const reply = await bridge.request('tools/list');
  const tools = (reply.result as { tools?: unknown[] } | undefined)?.tools;
  if (!Array.isArray(tools)) throw new Error(`tools/list failed: ${JSON.stringify(reply.error ?? reply).slice(0, 200)}`);
  return tools.length;
}

/** Spawn → first tools/list answered with every process tool. */
async function coldBridge(url: string): Promise<{ ms: number; warm: number[] }> {
  const start = now();
  // Every process a tool, as before search mode: the figure stays comparable.
  const bridge = await startRawStdioBridge(url, ['--tools', 'all']);
  try {
    const count = await listTools(bridge);
    const ms = elapsedMs(start);
    if (count !== CATALOG_SIZE + FIXED_TOOLS) throw new Error(`cold tools/list had ${count} tools, expected ${CATALOG_SIZE + FIXED_TOOLS}`);
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = now();
      await listTools(bridge);
      warm.push(elapsedMs(t));
    }
    return { ms, warm };
  } finally {
    await bridge.close();
  }
}

/** Spawn → exit of the baseline script that fetches the same documents. */
async function coldBaseline(url: string): Promise<number> {
  const start = now();
  const child = spawn(process.execPath, [coldBaselinePath, url], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const ms = elapsedMs(start);
  const documents = (JSON.parse(out || '{}') as { documents?: number }).documents;
  if (code !== 0 || documents !== CATALOG_SIZE + 1) throw new Error(`cold baseline failed (exit ${code}, ${documents} documents)`);
  return ms;
}

export async function coldStart(ctx: BenchContext): Promise<Row[]> {
  const demo = await startDemoChild({ syntheticProcesses: CATALOG_SIZE - BUILTIN_PROCESSES.length });
  try {
    const runs = pick(ctx, 7, 3);
    ctx.log(`cold start: ${runs} runs each of the bridge and the baseline, ${CATALOG_SIZE} processes`);
    // One unmeasured run of each: the demo server serializes its documents once.
    await coldBaseline(demo.url);
    await coldBridge(demo.url);
    const bridge: number[] = [];
    const baseline: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) {
      baseline.push(await coldBaseline(demo.url));
      const run = await coldBridge(demo.url);
      bridge.push(run.ms);
      warm.push(...run.warm);
    }
    const b = summarize(bridge);
    const base = summarize(baseline);
    const w = summarize(warm);
    return [
      {
        section: '2',
        measure: `cold start: spawn → first complete tools/list (${CATALOG_SIZE} processes, ${CATALOG_SIZE + FIXED_TOOLS} tools)`,
        figure: b,
        unit: 'ms',
        baselineName: `node + undici fetching the same ${CATALOG_SIZE + 1} documents`,
        baseline: base,
        ratio: b.median / base.median,
        target: '≤ 1.5',
        met: b.median / base.median <= 1.5,
      },
      {
        section: '2',
        measure: 'warm tools/list (same session)',
        figure: w,
        unit: 'ms',
        baselineName: 'the cold start',
        baseline: b,
        ratio: w.median / b.median,
        target: '≤ 0.05',
        met: w.median / b.median <= 0.05,
      },
    ];
  } finally {
    await demo.close();
  }
}
