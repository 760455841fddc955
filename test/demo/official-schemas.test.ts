// Every kind of document the demo server returns, validated against the
// official OGC API - Processes Part 1 1.0 schemas (read from the shared data
// beside the repository; skipped without it).
import { describe, expect, it } from 'vitest';
import { officialValidator, type OfficialSchemaName } from '../support/official-schemas.js';
import { sharedMissing } from '../support/shared-data.js';
import { call, execute, executeAsync, pollJob, useDemoServer, type Reply } from './helpers.js';

function expectValid(name: OfficialSchemaName, doc: unknown, what: string): void {
  const result = officialValidator(name)(doc);
  expect(result.errors, `${what} as ${name}`).toBe('');
  expect(result.valid).toBe(true);
}

function expectProblem(reply: Reply, status: number, what: string): void {
  expect(reply.status, what).toBe(status);
  expect(reply.headers.get('content-type'), what).toBe('application/problem+json');
  expectValid('exception', reply.body, what);
  expect(reply.body.status, what).toBe(status);
  expect(typeof reply.body.title, what).toBe('string');
  expect(typeof reply.body.detail, what).toBe('string');
}

// One execute request per process that the demo can run, valid against execute.yaml too.
const REQUESTS: Record<string, Record<string, unknown>> = {
  sleep_a_while: { inputs: { duration: 0.01 } },
  primes_between: { inputs: { min_val: 3, max_val: 50 } },
  simulate_scene: { inputs: { bbox: [0, 40, 10, 50], start_date: '2025-03-01', end_date: '2025-03-05' } },
  return_base_model: { inputs: { scene_spec: { value: { threshold: 0.5, factor: 2 }, mediaType: 'application/json' } } },
  process_pipeline: { inputs: { id: 'abc' } },
  '218': { inputs: { start_date: '2025-01-01', end_date: '2025-01-10', geometry: 'POINT(5 45)', indicator_name: 'NDVI' } },
  render_thumbnail: { inputs: { width: 16, height: 16, style: 'checkerboard' } },
  bbox_area: { inputs: { bbox: { bbox: [5, 45, 6, 46], crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84' } } },
  echo_large: { inputs: { size_mb: 0.01 } },
  synthetic_0002: { inputs: { count: 3, label: 'three' } },
};

describe.skipIf(sharedMissing)('official schemas', () => {
  const server = useDemoServer({ syntheticProcesses: 3, maxWorkers: 2 });

  it('the validator itself rejects a broken document (so passing means something)', () => {
    expect(officialValidator('statusInfo')({ jobID: 'x', status: 'done' }).valid).toBe(false);
    expect(officialValidator('results')({ out: { nested: true } }).valid).toBe(false);
  });

  it('landing page, conformance and process lists', async () => {
    const { url } = server();
    expectValid('landingPage', (await call(url)).body, 'GET /');
    expectValid('confClasses', (await call(`${url}conformance`)).body, 'GET /conformance');
    const list = (await call(`${url}processes`)).body;
    expectValid('processList', list, 'GET /processes');
    expect(list.processes).toHaveLength(12);
    expectValid('processList', (await call(`${url}processes?limit=5&offset=5`)).body, 'GET /processes?limit');
  });

  it('every process description', async () => {
    const list = (await call(`${server().url}processes`)).body.processes;
    for (const { id } of list) {
      const reply = await call(`${server().url}processes/${encodeURIComponent(id)}`);
      expect(reply.status).toBe(200);
      expectValid('process', reply.body, `description of ${id}`);
    }
  });

  it('the execute requests used below', () => {
    for (const [id, request] of Object.entries(REQUESTS)) expectValid('execute', request, `execute request for ${id}`);
  });

  it('results of every process, sync and async, and statusInfo of successful jobs', async () => {
    for (const [id, request] of Object.entries(REQUESTS)) {
      const async = await execute(server(), id, request, { Prefer: 'respond-async' });
      expect(async.status, id).toBe(201);
      expectValid('statusInfo', async.body, `201 body of ${id}`);
      const done = await pollJob(server(), async.body.jobID);
      expect(done.status, `${id}: ${done.message}`).toBe('successful');
      expectValid('statusInfo', done, `successful job of ${id}`);
      const results = await call(`${server().url}jobs/${done.jobID}/results`);
      expectValid('results', results.body, `results of ${id}`);

      const sync = await execute(server(), id, request);
      if (sync.status === 200) expectValid('results', sync.body, `sync results of ${id}`);
      else expect(sync.status, id).toBe(201); // async-only
    }
  });

  it('statusInfo of accepted, running, failed and dismissed jobs, and the job lists', async () => {
    const { url } = server();
    // Failed first: later the two workers are kept busy on purpose.
    const failed = await executeAsync(server(), 'sleep_a_while', { duration: 0.01, fail: true });
    const failedDone = await pollJob(server(), failed.body.jobID);
    expect(failedDone.status).toBe('failed');
    expectValid('statusInfo', failedDone, 'failed job');

    const running = await executeAsync(server(), 'sleep_a_while', { duration: 600 });
    const running2 = await executeAsync(server(), 'sleep_a_while', { duration: 600 });
    const accepted = await executeAsync(server(), 'sleep_a_while', { duration: 600 }); // both workers busy
    expect(accepted.body.status).toBe('accepted');
    expectValid('statusInfo', accepted.body, 'accepted job');
    const runningNow = await pollJob(server(), running.body.jobID, (s) => s.status === 'running' && s.progress !== undefined);
    expectValid('statusInfo', runningNow, 'running job');

    expectValid('jobList', (await call(`${url}jobs`)).body, 'GET /jobs');
    expectValid('jobList', (await call(`${url}jobs?status=running,accepted&limit=1`)).body, 'GET /jobs filtered and paged');
    expectValid('jobList', (await call(`${url}jobs?type=other`)).body, 'GET /jobs empty');

    for (const job of [accepted, running2, running]) {
      const dismissed = await call(`${url}jobs/${job.body.jobID}`, { method: 'DELETE' });
      expect(dismissed.body.status).toBe('dismissed');
      expectValid('statusInfo', dismissed.body, 'dismissed job');
    }
    expectProblem(await call(`${url}jobs/${running.body.jobID}/results`), 410, 'results of a dismissed job');
    expectProblem(await call(`${url}jobs/${failed.body.jobID}/results`), 500, 'results of a failed job');
    const removed = await call(`${url}jobs/${failed.body.jobID}`, { method: 'DELETE' });
    expectValid('statusInfo', removed.body, 'DELETE of a finished job');
  });

  it('every error document', async () => {
    const { url } = server();
    expectProblem(await call(`${url}processes/unknown`), 404, 'unknown process');
    expectProblem(await execute(server(), 'unknown', {}), 404, 'execute unknown process');
    expectProblem(await call(`${url}jobs/unknown`), 404, 'unknown job');
    expectProblem(await call(`${url}jobs/unknown/results`), 404, 'results of unknown job');
    expectProblem(await call(`${url}jobs/unknown`, { method: 'DELETE' }), 404, 'dismiss unknown job');
    expectProblem(await call(`${url}nowhere`), 404, 'unknown route');
    expectProblem(await call(`${url}jobs`, { method: 'POST' }), 405, 'wrong method');
    expectProblem(await execute(server(), 'primes_between', { inputs: { max_val: 200 } }), 400, 'invalid input');
    expectProblem(await execute(server(), 'primes_between', '{nope'), 400, 'malformed JSON');
    expectProblem(await execute(server(), 'primes_between', { inputs: { x: 'y'.repeat(1100 * 1024) } }), 413, 'oversize body');
    expectProblem(await call(`${url}jobs?limit=-3`), 400, 'bad limit');
    expectProblem(await execute(server(), 'primes_between', { inputs: { max_val: 1 } }), 500, 'failed sync job');
    const pending = await executeAsync(server(), 'sleep_a_while', { duration: 600 });
    expectProblem(await call(`${url}jobs/${pending.body.jobID}/results`), 404, 'result not ready');
    await call(`${url}jobs/${pending.body.jobID}`, { method: 'DELETE' });
  });
});
