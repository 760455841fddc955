// 7. What a model pays for the bridge: the size of tools/list (compact JSON of
// the result, as it travels) and the cold start to that first complete list,
// for the demo's nine processes, a server with 500 processes (search mode, and
// every process a tool for comparison) and two demo servers behind one bridge.
// Sizes are exact (one run); cold starts are medians.
import { BUILTIN_PROCESSES } from '../../src/demo/index.js';
import { startDemoChild, type ChildServer } from '../lib/children.js';
import { pick, type BenchContext } from '../lib/context.js';
import { startRawStdioBridgeWith } from '../lib/raw-stdio.js';
import { elapsedMs, now, summarize, type Summary } from '../lib/stats.js';
import type { Row } from '../lib/table.js';

const LARGE = 500;

interface Measured {
  bytes: number;
  tools: number;
  cold: Summary;
}

async function measure(args: string[], runs: number): Promise<Measured> {
  let bytes = 0;
  let tools = 0;
  const cold: number[] = [];
  // One unmeasured run: the demo servers serialize their documents once.
  for (let i = 0; i <= runs; i++) {
    const start = now();
    const bridge = await startRawStdioBridgeWith(args);
    try {
      const reply = await bridge.request('tools/list');
      const ms = elapsedMs(start);
      const result = reply.result as { tools?: unknown[] } | undefined;
      if (!Array.isArray(result?.tools)) throw new Error(`tools/list failed: ${JSON.stringify(reply.error ?? reply).slice(0, 200)}`);
      bytes = Buffer.byteLength(JSON.stringify(result));
      tools = result.tools.length;
      if (i > 0) cold.push(ms);
    } finally {
      await bridge.close();
    }
  }
  return { bytes, tools, cold: summarize(cold) };
}

const exact = (value: number): Summary => ({ median: value, min: value, max: value, n: 1 });

export async function scale(ctx: BenchContext): Promise<Row[]> {
  const runs = pick(ctx, 5, 2);
  const servers: ChildServer[] = [];
  try {
    const demo = await startDemoChild();
    const second = await startDemoChild();
    const large = await startDemoChild({ catalogueProcesses: LARGE - BUILTIN_PROCESSES.length });
    servers.push(demo, second, large);
    ctx.log(`scale: tools/list sizes and ${runs} cold starts each`);
    const scenarios: Array<{ what: string; args: string[]; target?: number }> = [
      { what: `demo server (${BUILTIN_PROCESSES.length} processes)`, args: ['--server-url', demo.url], target: 12_000 },
      { what: `${LARGE} processes, automatic listing (search)`, args: ['--server-url', large.url], target: 25_000 },
      { what: `${LARGE} processes, every process a tool (--tools all)`, args: ['--server-url', large.url, '--tools', 'all'] },
      { what: 'two demo servers behind one bridge', args: ['--server', `a=${demo.url}`, '--server', `b=${second.url}`] },
    ];
    const rows: Row[] = [];
    for (const scenario of scenarios) {
      let m: Measured;
      try {
        m = await measure(scenario.args, runs);
      } catch (error) {
        // One scenario failing must not hide the others' figures.
        const note = `failed: ${error instanceof Error ? error.message : String(error)}`;
        rows.push({ section: '7', measure: `tools/list: ${scenario.what}`, figure: summarize([]), unit: 'bytes', baselineName: '–', note });
        continue;
      }
      rows.push({
        section: '7',
        measure: `tools/list size: ${scenario.what}, ${m.tools} tools`,
        figure: exact(m.bytes),
        unit: 'bytes',
        ...(scenario.target !== undefined
          ? { baselineName: 'budget', baseline: exact(scenario.target), ratio: m.bytes / scenario.target, target: '≤ 1', met: m.bytes <= scenario.target }
          : { baselineName: '–' }),
      });
      rows.push({ section: '7', measure: `cold start → first tools/list: ${scenario.what}`, figure: m.cold, unit: 'ms', baselineName: '–' });
    }
    return rows;
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
}
