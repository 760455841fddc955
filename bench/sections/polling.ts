// 6. Polling cost: upstream requests the bridge spends following a 10 s job
// (sleep_a_while, duration 10) to its end, counted per job at a proxy in
// front of the demo server, and how late after the job's end the call
// returns. The baseline is a client that polls at a fixed 50 ms (the bridge's
// first interval) without backing off, run on its own job at the same time.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startDemoChild, startStdioBridge } from '../lib/children.js';
import { startProxy } from '../lib/proxy.js';
import { pick, type BenchContext } from '../lib/context.js';
import { summarize } from '../lib/stats.js';
import type { Row } from '../lib/table.js';

const DURATION_S = 10;
const FIXED_INTERVAL_MS = 50;

interface CountingProxy {
  url: string;
  /** Requests whose path names the job. */
  requestsFor(jobId: string): number;
  /** POSTs to /processes/{id}/execution. */
  readonly executions: number;
  close(): Promise<void>;
}

async function countingProxy(upstream: string): Promise<CountingProxy> {
  const byJob = new Map<string, number>();
  let executions = 0;
  const proxy = await startProxy(upstream, (req, url) => {
    const job = /\/jobs\/([^/?]+)/.exec(url.pathname)?.[1];
    if (job) byJob.set(decodeURIComponent(job), (byJob.get(decodeURIComponent(job)) ?? 0) + 1);
    if (req.method === 'POST' && url.pathname.endsWith('/execution')) executions++;
  });
  return {
    url: proxy.url,
    requestsFor: (jobId) => byJob.get(jobId) ?? 0,
    get executions() {
      return executions;
    },
    close: proxy.close,
  };
}

interface Followed {
  requests: number;
  /** From the job's `finished` time to the moment the caller had the answer. */
  lagMs: number;
}

/** A naive follower: POST async, then GET the job every 50 ms until it is over, then GET the results. */
async function fixedIntervalFollow(base: string): Promise<Followed> {
  let requests = 0;
  const call = async (path: string, init?: RequestInit) => {
    requests++;
    const response = await fetch(new URL(path, base), init);
    return (await response.json()) as Record<string, unknown>;
  };
  const job = await call('processes/sleep_a_while/execution', {
    method: 'POST',
    headers: { 'content-type': 'application/json', prefer: 'respond-async' },
    body: JSON.stringify({ inputs: { duration: DURATION_S } }),
  });
  let status = job;
  while (status.status === 'accepted' || status.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, FIXED_INTERVAL_MS));
    status = await call(`jobs/${job.jobID as string}`);
  }
  await call(`jobs/${job.jobID as string}/results`);
  return { requests, lagMs: Date.now() - Date.parse(status.finished as string) };
}

export async function polling(ctx: BenchContext): Promise<Row[]> {
  const jobs = pick(ctx, 3, 2);
  const demo = await startDemoChild({});
  const proxy = await countingProxy(demo.url);
  const bridge = await startStdioBridge(proxy.url, ['--wait-seconds', String(DURATION_S * 3)]);
  try {
    ctx.log(`polling: ${jobs} jobs of ${DURATION_S} s through the bridge, and one followed at a fixed ${FIXED_INTERVAL_MS} ms, all at once`);
    const viaBridge = Array.from({ length: jobs }, async (): Promise<Followed & { jobId: string }> => {
      const result = (await bridge.client.callTool({ name: 'sleep_a_while', arguments: { duration: DURATION_S } }, undefined, {
        timeout: DURATION_S * 4000,
      })) as CallToolResult;
      const answered = Date.now();
      const jobId = (result.structuredContent as { jobId?: string } | undefined)?.jobId;
      if (result.isError || !jobId) throw new Error(`sleep_a_while: ${JSON.stringify(result.content).slice(0, 300)}`);
      const job = (await (await fetch(new URL(`jobs/${jobId}`, demo.url))).json()) as { finished: string };
      return { jobId, requests: 0, lagMs: answered - Date.parse(job.finished) };
    });
    const [naive, ...followed] = await Promise.all([fixedIntervalFollow(demo.url), ...viaBridge]);
    // Every job request at the proxy, plus the POST that started each job.
    const perJob = followed.map((f) => proxy.requestsFor(f.jobId) + proxy.executions / jobs);
    const requests = summarize(perJob);
    const lag = summarize(followed.map((f) => f.lagMs));
    return [
      {
        section: '6',
        measure: `polling: upstream requests to follow a ${DURATION_S} s job to its end (POST + polls + results)`,
        figure: requests,
        unit: 'requests',
        baselineName: `fixed ${FIXED_INTERVAL_MS} ms polling`,
        baseline: summarize([naive!.requests]),
        ratio: requests.median / naive!.requests,
        target: 'info',
      },
      {
        section: '6',
        measure: 'polling: job end → answer to the tool call',
        figure: lag,
        unit: 'ms',
        baselineName: `fixed ${FIXED_INTERVAL_MS} ms polling`,
        baseline: summarize([naive!.lagMs]),
        target: 'info',
      },
    ];
  } finally {
    await bridge.close();
    await proxy.close();
    await demo.close();
  }
}
