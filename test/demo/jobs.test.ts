// JobManager on its own: pool bound, cancellation, listing and eviction without HTTP.
import { describe, expect, it } from 'vitest';
import { JobManager } from '../../src/demo/jobs.js';
import type { DemoProcess, RunContext } from '../../src/demo/processes/types.js';

/** A process that runs until its job is dismissed, exposing its context. */
function blockingProcess(contexts: RunContext[]): DemoProcess {
  return {
    id: 'block',
    title: 'Block',
    version: '1',
    jobControlOptions: ['async-execute'],
    inputs: {},
    outputs: {},
    run: (_inputs, ctx) =>
      new Promise((_resolve, reject) => {
        contexts.push(ctx);
        ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason));
      }),
  };
}

const quick: DemoProcess = {
  id: 'quick',
  title: 'Quick',
  version: '1',
  jobControlOptions: ['sync-execute'],
  inputs: {},
  outputs: { n: { schema: { type: 'integer' } } },
  run: async (inputs) => ({ n: inputs.n }),
};

const context = { baseUrl: 'http://h/' };

function manager(maxWorkers: number, maxJobs: number, maxRetainedBytes = 1 << 30): JobManager {
  return new JobManager({ maxWorkers, maxJobs, maxRetainedBytes });
}

describe('JobManager', () => {
  it('runs at most maxWorkers jobs and starts queued ones as workers free up', async () => {
    const contexts: RunContext[] = [];
    const jobs = manager(2, 100);
    const started = [1, 2, 3].map(() => jobs.submit(blockingProcess(contexts), {}, context));
    expect(started.map((j) => j.status)).toEqual(['running', 'running', 'accepted']);
    jobs.dismiss(started[0].id);
    expect(jobs.get(started[0].id)?.status).toBe('dismissed');
    await Promise.resolve(); // let the aborted run settle
    await new Promise((resolve) => setImmediate(resolve));
    expect(jobs.get(started[2].id)?.status).toBe('running');
    jobs.close();
    expect(started.map((j) => jobs.get(j.id)?.status)).toEqual(['dismissed', 'dismissed', 'dismissed']);
    expect(contexts.every((c) => c.signal.aborted)).toBe(true);
  });

  it('makes every progress report after dismissal a cancellation point', async () => {
    const contexts: RunContext[] = [];
    const jobs = manager(1, 10);
    const job = jobs.submit(blockingProcess(contexts), {}, context);
    contexts[0].reportProgress(42, 'working');
    expect(jobs.get(job.id)).toMatchObject({ progress: 42, message: 'working' });
    const settled = jobs.whenSettled(job);
    jobs.dismiss(job.id);
    await settled;
    expect(() => contexts[0].reportProgress(43)).toThrow();
    expect(jobs.get(job.id)?.progress).toBe(42);
  });

  it('clamps progress into 0..100 as integers', () => {
    const contexts: RunContext[] = [];
    const jobs = manager(1, 10);
    const job = jobs.submit(blockingProcess(contexts), {}, context);
    contexts[0].reportProgress(150.4);
    expect(jobs.get(job.id)?.progress).toBe(100);
    contexts[0].reportProgress(-3);
    expect(jobs.get(job.id)?.progress).toBe(0);
    contexts[0].reportProgress(12.6);
    expect(jobs.get(job.id)?.progress).toBe(13);
    jobs.close();
  });

  it('lists pages in creation order and says whether more follow', async () => {
    const jobs = manager(4, 20_000);
    const ids: string[] = [];
    for (let n = 0; n < 12_000; n++) ids.push(jobs.submit(quick, { n }, context).id);
    await new Promise((resolve) => setImmediate(resolve));
    const all = jobs.list({}, 0, Number.POSITIVE_INFINITY);
    expect(all.jobs.map((j) => j.id)).toEqual(ids);
    expect(all.jobs.every((j) => j.status === 'successful')).toBe(true);
    const page = jobs.list({}, 11_990, 10);
    expect(page).toMatchObject({ more: false });
    expect(page.jobs.map((j) => j.id)).toEqual(ids.slice(11_990));
    expect(jobs.list({}, 0, 10).more).toBe(true);
    expect(JSON.parse(jobs.get(ids[7])!.resultsBody!.toString())).toEqual({ n: 7 });
  });

  it('evicts the oldest finished jobs past maxJobs, never unfinished ones', async () => {
    const contexts: RunContext[] = [];
    const jobs = manager(10, 3);
    const blocked = jobs.submit(blockingProcess(contexts), {}, context);
    const quickIds: string[] = [];
    for (let n = 0; n < 5; n++) {
      quickIds.push(jobs.submit(quick, { n }, context).id);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(jobs.size).toBe(3);
    expect(jobs.get(blocked.id)?.status).toBe('running');
    expect(quickIds.map((id) => jobs.get(id) !== undefined)).toEqual([false, false, false, true, true]);
    jobs.close();
  });

  it('evicts the oldest finished jobs when their results exceed the byte budget', async () => {
    const jobs = manager(1, 100, 26);
    const ids: string[] = [];
    for (let n = 0; n < 5; n++) {
      // Each results document is {"n":1000000} = 13 bytes.
      ids.push(jobs.submit(quick, { n: 1_000_000 }, context).id);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(ids.map((id) => jobs.get(id) !== undefined)).toEqual([false, false, false, true, true]);
    // A DELETE gives its bytes back: the next job fits without evicting another.
    jobs.dismiss(ids[3]);
    ids.push(jobs.submit(quick, { n: 1_000_000 }, context).id);
    await new Promise((resolve) => setImmediate(resolve));
    expect(jobs.get(ids[4])).toBeDefined();
    expect(jobs.get(ids[5])).toBeDefined();
  });

  it('refuses new jobs once closed', () => {
    const jobs = manager(1, 1);
    jobs.close();
    expect(() => jobs.submit(quick, {}, context)).toThrow(/closing/);
  });
});
