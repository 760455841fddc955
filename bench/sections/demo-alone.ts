// 5. The demo server alone: executions per second at 64 concurrent undici
// loops, sync (one POST answered with the results) and async (POST 201, status
// polled at once until done, then GET results). The baseline is node:http on
// this machine: a bare server that answers every request with a small JSON
// document, in a process of its own like the demo server.
import { startBareChild, startDemoChild } from '../lib/children.js';
import { pick, type BenchContext } from '../lib/context.js';
import { directClient } from '../lib/direct.js';
import { closedLoop, type LoadResult } from '../lib/load.js';
import { summarize } from '../lib/stats.js';
import type { Row } from '../lib/table.js';
import { CONCURRENCY } from './throughput.js';

const PRIMES = { min_val: 0, max_val: 100 };

export async function demoAlone(ctx: BenchContext): Promise<Row[]> {
  const seconds = pick(ctx, 3, 1);
  const runs = pick(ctx, 3, 1);
  const demo = await startDemoChild({ maxWorkers: CONCURRENCY });
  const bare = await startBareChild();
  const toDemo = directClient(demo.url, CONCURRENCY);
  const toBare = directClient(bare.url, CONCURRENCY);
  try {
    const kinds: Record<string, () => Promise<void>> = {
      bare: async () => void (await toBare.getJson('processes/primes_between/execution')),
      sync: async () => void (await toDemo.executeSync('primes_between', PRIMES)),
      async: async () => void (await toDemo.executeAsync('primes_between', PRIMES)),
    };
    for (const fn of Object.values(kinds)) await closedLoop(CONCURRENCY, 500, fn);
    ctx.log(`demo server alone: ${runs} × ${seconds} s of each of ${Object.keys(kinds).join(', ')} at concurrency ${CONCURRENCY}`);
    const results: Record<string, LoadResult[]> = { bare: [], sync: [], async: [] };
    for (let i = 0; i < runs; i++) {
      for (const [kind, fn] of Object.entries(kinds)) results[kind]!.push(await closedLoop(CONCURRENCY, seconds * 1000, fn));
    }
    const rate = (kind: string) => summarize(results[kind]!.map((r) => r.perSecond));
    const errors = Object.values(results).flat().reduce((n, r) => n + r.errors, 0);
    const base = rate('bare');
    const row = (kind: 'sync' | 'async', what: string): Row => ({
      section: '5',
      measure: `demo server alone: ${what}, ${CONCURRENCY} concurrent`,
      figure: rate(kind),
      unit: 'executions/s',
      baselineName: 'bare node:http, same concurrency',
      baseline: base,
      baselineUnit: 'requests/s',
      ratio: rate(kind).median / base.median,
      target: 'info',
      ...(errors > 0 ? { note: `${errors} errors` } : {}),
    });
    return [row('sync', 'sync executions (1 request each)'), row('async', 'async executions (POST + status + results)')];
  } finally {
    await toDemo.close();
    await toBare.close();
    await bare.close();
    await demo.close();
  }
}
