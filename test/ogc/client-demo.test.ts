// The client against the embedded demo server over real HTTP: every method,
// sync and async execution, progress while waiting, dismissal of a running
// job, and the 404s. Jobs advance on their own here, so the assertions wait
// for states (never for amounts of time).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { OgcClient } from '../../src/ogc/client.js';
import { OgcApiError } from '../../src/ogc/errors.js';
import { isLinkValue, isQualifiedValue, type StatusInfo } from '../../src/ogc/models.js';

let demo: DemoServer;
let client: OgcClient;

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  client = new OgcClient({ baseUrl: demo.url });
});

afterAll(async () => {
  await client?.close();
  await demo?.close();
});

async function apiError(promise: Promise<unknown>): Promise<OgcApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof OgcApiError)) throw new Error(`expected OgcApiError, got ${String(error)}`);
  return error;
}

/** Polls until the job leaves `accepted` (a worker picked it up). */
async function untilRunning(jobId: string): Promise<StatusInfo> {
  const controller = new AbortController();
  let running: StatusInfo | undefined;
  await client
    .waitForJob(jobId, {
      signal: controller.signal,
      initialIntervalMs: 5,
      maxIntervalMs: 20,
      onProgress: (job) => {
        if (job.status !== 'accepted') {
          running = job;
          controller.abort();
        }
      },
    })
    .catch((e: unknown) => {
      if (running === undefined) throw e;
    });
  if (running === undefined) throw new Error(`job ${jobId} finished without being seen running`);
  return running;
}

describe('discovery', () => {
  it('reads the landing page, with links to the other resources', async () => {
    const landing = await client.getCapabilities();
    const rels = landing.links.map((l) => l.rel);
    expect(rels).toContain('http://www.opengis.net/def/rel/ogc/1.0/processes');
    expect(rels).toContain('http://www.opengis.net/def/rel/ogc/1.0/conformance');
  });

  it('reads the conformance declaration', async () => {
    const conformance = await client.getConformance();
    expect(conformance.conformsTo).toContain('http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/core');
  });

  it('lists the reference processes, honouring limit', async () => {
    const all = await client.getProcesses();
    expect(all.processes.map((p) => p.id)).toEqual(expect.arrayContaining(['sleep_a_while', 'primes_between', 'return_base_model']));
    const limited = await client.getProcesses({ limit: 2 });
    expect(limited.processes).toHaveLength(2);
  });

  it('describes a process with its inputs, outputs and job control options', async () => {
    const sleep = await client.getProcess('sleep_a_while');
    expect(sleep.id).toBe('sleep_a_while');
    expect(sleep.jobControlOptions).toContain('async-execute');
    expect(sleep.inputs.map((input) => input.id)).toEqual(['duration', 'fail']);
    expect(sleep.outputs.map((output) => output.id)).toEqual(['return_value']);
  });
});

describe('execution', () => {
  it('runs primes_between synchronously and returns its results', async () => {
    const execution = await client.executeProcess('primes_between', { inputs: { min_val: 10, max_val: 30 } }, { mode: 'sync' });
    expect(execution.mode).toBe('sync');
    expect(execution.job.status).toBe('successful');
    expect(execution.job.jobID).not.toBe('');
    expect(execution.results).toEqual({ return_value: [11, 13, 17, 19, 23, 29] });
    // The job the sync execution left behind answers with the same results.
    expect(await client.getJobResults(execution.job.jobID)).toEqual({ return_value: [11, 13, 17, 19, 23, 29] });
  });

  it('runs primes_between asynchronously in auto mode, then waits and fetches the results', async () => {
    const execution = await client.executeProcess('primes_between', { inputs: { max_val: 20 } });
    expect(execution.mode).toBe('async');
    expect(execution.preferenceApplied).toBe('respond-async');
    expect(execution.results).toBeUndefined();
    const done = await client.waitForJob(execution.job.jobID);
    expect(done.status).toBe('successful');
    expect(await client.getJobResults(execution.job.jobID)).toEqual({ return_value: [2, 3, 5, 7, 11, 13, 17, 19] });
    expect(await client.getJobResults(execution.job.jobID, { output: 'return_value' })).toEqual({
      return_value: [2, 3, 5, 7, 11, 13, 17, 19],
    });
  });

  it('runs sleep_a_while (async only) even when sync is asked for', async () => {
    const execution = await client.executeProcess('sleep_a_while', { inputs: { duration: 0 } }, { mode: 'sync' });
    expect(execution.mode).toBe('async');
    expect((await client.waitForJob(execution.job.jobID)).status).toBe('successful');
  });

  it('sees progress while waiting on sleep_a_while', async () => {
    const execution = await client.executeProcess('sleep_a_while', { inputs: { duration: 1 } });
    const seen: StatusInfo[] = [];
    const done = await client.waitForJob(execution.job.jobID, { maxIntervalMs: 100, onProgress: (job) => seen.push(job) });
    expect(done.status).toBe('successful');
    expect(done.progress).toBe(100);
    const midway = seen.filter((j) => j.status === 'running' && (j.progress ?? 0) > 0 && (j.progress ?? 0) < 100);
    expect(midway.length).toBeGreaterThan(0);
    const progresses = seen.map((j) => j.progress ?? 0);
    expect(progresses).toEqual([...progresses].sort((a, b) => a - b));
    const results = await client.getJobResults(execution.job.jobID);
    expect(typeof results.return_value).toBe('number');
  });

  it('reports a failing job as failed, with its message, and results as an API error', async () => {
    const execution = await client.executeProcess('sleep_a_while', { inputs: { duration: 0.2, fail: true } });
    const done = await client.waitForJob(execution.job.jobID);
    expect(done.status).toBe('failed');
    expect(done.message).toContain('Woke up too early');
    const error = await apiError(client.getJobResults(execution.job.jobID));
    expect(error.detail).toContain('Woke up too early');
  });

  it('dismisses a running job', async () => {
    const execution = await client.executeProcess('sleep_a_while', { inputs: { duration: 30 } });
    await untilRunning(execution.job.jobID);
    const dismissed = await client.dismissJob(execution.job.jobID);
    expect(dismissed.jobID).toBe(execution.job.jobID);
    const final = await client.waitForJob(execution.job.jobID);
    expect(final.status).toBe('dismissed');
  });

  it('returns an object input unchanged (return_base_model)', async () => {
    const spec = { threshold: 0.5, factor: 3 };
    const execution = await client.executeProcess('return_base_model', { inputs: { scene_spec: spec } }, { mode: 'sync' });
    const value = execution.results?.return_value;
    expect(isQualifiedValue(value) ? value.value : value).toEqual(spec);
  });

  it('returns a PNG inline (render_thumbnail)', async () => {
    const execution = await client.executeProcess('render_thumbnail', { inputs: { width: 8, height: 8 } }, { mode: 'sync' });
    const image = execution.results?.image;
    expect(isQualifiedValue(image)).toBe(true);
    if (!isQualifiedValue(image)) return;
    expect(image.mediaType).toBe('image/png');
    const bytes = Buffer.from(image.value as string, 'base64');
    expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  });

  it('returns a reference output that fetchLink can read (simulate_scene)', async () => {
    const execution = await client.executeProcess('simulate_scene', { inputs: {} }, { mode: 'sync' });
    const link = execution.results?.return_value;
    expect(isLinkValue(link)).toBe(true);
    if (!isLinkValue(link)) return;
    const fetched = await client.fetchLink(link.href);
    expect(fetched.contentType).toMatch(/json/);
    expect(JSON.parse(fetched.body.toString('utf8'))).toHaveProperty('zarr_consolidated_format', 1);
  });

  it('reports invalid inputs as a 400 naming the input', async () => {
    const error = await apiError(client.executeProcess('primes_between', { inputs: { max_val: 1000 } }, { mode: 'sync' }));
    expect(error.status).toBe(400);
    expect(error.message).toContain('max_val');
  });
});

describe('jobs', () => {
  it('lists jobs with filters, and follows next links across pages', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const execution = await client.executeProcess('primes_between', { inputs: { max_val: 10 + i } }, { mode: 'sync' });
      ids.push(execution.job.jobID);
    }
    const firstPage = await client.getJobs({ limit: 1, processId: 'primes_between', status: 'successful' });
    expect(firstPage.jobs).toHaveLength(1);
    expect(firstPage.links.some((l) => l.rel === 'next')).toBe(true);
    const all = await client.getJobs({ limit: 1, processId: 'primes_between', status: 'successful', followNext: true });
    expect(all.jobs.map((j) => j.jobID)).toEqual(expect.arrayContaining(ids));
    expect(all.jobs.every((j) => j.processID === 'primes_between' && j.status === 'successful')).toBe(true);
    expect(new Set(all.jobs.map((j) => j.jobID)).size).toBe(all.jobs.length);
    const none = await client.getJobs({ processId: 'sleep_a_while', status: 'failed', type: 'process' });
    expect(none.jobs.every((j) => j.processID === 'sleep_a_while' && j.status === 'failed')).toBe(true);
  });

  it('reads one job', async () => {
    const execution = await client.executeProcess('primes_between', {}, { mode: 'sync' });
    const job = await client.getJob(execution.job.jobID);
    expect(job).toMatchObject({ jobID: execution.job.jobID, processID: 'primes_between', status: 'successful' });
  });
});

describe('404s', () => {
  it.each([
    ['getProcess', () => client.getProcess('no_such_process')],
    ['getProcess with an odd id', () => client.getProcess('a/b?c#d')],
    ['executeProcess', () => client.executeProcess('no_such_process', {}, { mode: 'sync' })],
    ['getJob', () => client.getJob('no-such-job')],
    ['getJobResults', () => client.getJobResults('no-such-job')],
    ['dismissJob', () => client.dismissJob('no-such-job')],
  ])('%s of something unknown is an OgcApiError 404', async (_name, call) => {
    const error = await apiError(call());
    expect(error.status).toBe(404);
    expect(error.type).toBeDefined();
    expect(error.detail).toBeDefined();
  });
});
