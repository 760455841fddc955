// 4. Memory: peak resident set (VmHWM) of a fresh bridge process (stdio) while
// (a) echo_large returns a 50 MiB output, cut to the result budget, which is
// then read whole as the resource ogc-job://{jobId}/results/return_value, and
// (b) list_jobs runs against a server holding 10,000 jobs that ignores the
// limit parameter (it sends all 10,000, as servers without paging do).
// The baseline is the same process's resident set once idle after tools/list.
import type { CallToolResult, ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { rssOf, startDemoChild, startStdioBridge, type BridgeSession } from '../lib/children.js';
import { pick, type BenchContext } from '../lib/context.js';
import { directClient } from '../lib/direct.js';
import { startProxy, type Proxy } from '../lib/proxy.js';
import { summarize } from '../lib/stats.js';
import type { Row } from '../lib/table.js';

const LARGE_MB = 50;
const JOBS = 10_000;
// The SDK client's stdio reader refuses lines over 10 MB by default; the resource is one 50 MiB line.
const CLIENT_BUFFER = 256 * 1024 * 1024;

interface Sample {
  idleMb: number;
  peakMb: number;
}

async function withBridge<T>(url: string, run: (bridge: BridgeSession) => Promise<T>): Promise<Sample & { value: T }> {
  const bridge = await startStdioBridge(url, [], [], { maxBufferSize: CLIENT_BUFFER });
  try {
    await bridge.client.listTools();
    const idleMb = rssOf(bridge.pid).currentMb;
    const value = await run(bridge);
    return { idleMb, peakMb: rssOf(bridge.pid).peakMb, value };
  } finally {
    await bridge.close();
  }
}

async function largeResult(bridge: BridgeSession): Promise<void> {
  const result = (await bridge.client.callTool({ name: 'echo_large', arguments: { size_mb: LARGE_MB } }, undefined, { timeout: 120_000 })) as CallToolResult;
  if (result.isError) throw new Error(`echo_large failed: ${JSON.stringify(result.content).slice(0, 300)}`);
  const jobId = (result.structuredContent as { jobId?: string } | undefined)?.jobId;
  const resultBytes = Buffer.byteLength(JSON.stringify(result));
  if (!jobId || resultBytes > 100_000) throw new Error(`echo_large: expected a cut result with a job id, got ${resultBytes} bytes`);
  const read = (await bridge.client.readResource({ uri: `ogc-job://${jobId}/results/return_value` }, { timeout: 120_000 })) as ReadResourceResult;
  const content = read.contents[0] as { text?: string } | undefined;
  const expected = Math.round(LARGE_MB * 1024 * 1024);
  // A plain string output is served as JSON: the text, quoted.
  const length = content?.text?.length;
  if (length !== expected && length !== expected + 2) throw new Error(`the resource held ${length} characters, expected ${expected}`);
}

/** A proxy that drops `limit` from GET /jobs, like a server without paging. */
function noPagingProxy(upstream: string): Promise<Proxy> {
  return startProxy(upstream, (_req, url) => {
    if (url.pathname.endsWith('/jobs')) url.searchParams.delete('limit');
  });
}

async function listJobs(bridge: BridgeSession): Promise<void> {
  const result = (await bridge.client.callTool({ name: 'list_jobs', arguments: { limit: 1000 } }, undefined, { timeout: 120_000 })) as CallToolResult;
  if (result.isError) throw new Error(`list_jobs failed: ${JSON.stringify(result.content).slice(0, 300)}`);
  // The answer holds what fits the result budget and counts the rest.
  const { count = 0, omitted = 0 } = (result.structuredContent ?? {}) as { count?: number; omitted?: number };
  if (count + omitted !== 1000) throw new Error(`list_jobs accounted for ${count} + ${omitted} jobs, expected 1000`);
}

export async function memory(ctx: BenchContext): Promise<Row[]> {
  const runs = pick(ctx, 3, 1);
  const demo = await startDemoChild({ maxJobs: JOBS + 1000, maxWorkers: 16 });
  const direct = directClient(demo.url, 16);
  try {
    ctx.log(`memory: ${runs} fresh bridge(s) per case; ${LARGE_MB} MiB result, then ${JOBS} jobs`);
    const large: Sample[] = [];
    for (let i = 0; i < runs; i++) large.push(await withBridge(demo.url, largeResult));

    // Fill the server with jobs: small sync executions, 16 at a time.
    let made = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (made < JOBS) {
          made++;
          await direct.executeSync('primes_between', { min_val: 0, max_val: 10 });
        }
      }),
    );
    const listed = (await direct.getJson('jobs?limit=1')) as { jobs: unknown[] };
    if (!Array.isArray(listed.jobs)) throw new Error('the demo server did not list its jobs');
    const proxy = await noPagingProxy(demo.url);
    const jobs: Sample[] = [];
    try {
      for (let i = 0; i < runs; i++) jobs.push(await withBridge(proxy.url, listJobs));
    } finally {
      await proxy.close();
    }
    const row = (measure: string, samples: Sample[]): Row => {
      const peak = summarize(samples.map((s) => s.peakMb));
      const idle = summarize(samples.map((s) => s.idleMb));
      return {
        section: '4',
        measure,
        figure: peak,
        unit: 'MB',
        baselineName: 'idle bridge RSS',
        baseline: idle,
        ratio: peak.median / idle.median,
        target: 'peak ≤ 200 MB',
        met: peak.max <= 200,
      };
    };
    return [
      row(`peak RSS: ${LARGE_MB} MiB result cut to the budget, then read whole as a resource`, large),
      row(`peak RSS: list_jobs over ${JOBS.toLocaleString('en')} jobs (server sends all of them)`, jobs),
    ];
  } finally {
    await direct.close();
    await demo.close();
  }
}
