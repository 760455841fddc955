// waitForJob and dismissJob against a scripted server whose job advances
// one step per poll, so that nothing here depends on timing.
import { describe, expect, it } from 'vitest';
import { OgcApiError, OgcResponseError, OgcTransportError } from '../../src/ogc/errors.js';
import type { StatusInfo } from '../../src/ogc/models.js';
import { pollUntilFinished } from '../../src/ogc/wait.js';
import { json, send } from './fake-server.js';
import { clientOnFakeServer } from './harness.js';

const env = clientOnFakeServer();

/** A job that shows the next of `steps` on each GET, then stays at the last. */
function scriptJob(id: string, steps: Array<Partial<StatusInfo>>): void {
  let poll = 0;
  env.server.route('GET', `/jobs/${id}`, (_req, res) => {
    const step = steps[Math.min(poll, steps.length - 1)]!;
    poll++;
    json(res, 200, { jobID: id, type: 'process', ...step });
  });
}

describe('waitForJob', () => {
  it('polls until the job finishes and reports each change once', async () => {
    scriptJob('j', [
      { status: 'accepted' },
      { status: 'running', progress: 10 },
      { status: 'running', progress: 10 },
      { status: 'running', progress: 60, message: 'half way' },
      { status: 'successful', progress: 100, message: 'done' },
    ]);
    const seen: Array<[string, number | undefined, string | undefined]> = [];
    const job = await env.client.waitForJob('j', {
      initialIntervalMs: 1,
      onProgress: (j) => seen.push([j.status, j.progress, j.message]),
    });
    expect(job).toMatchObject({ jobID: 'j', status: 'successful', progress: 100 });
    expect(seen).toEqual([
      ['accepted', undefined, undefined],
      ['running', 10, undefined],
      ['running', 60, 'half way'],
      ['successful', 100, 'done'],
    ]);
    expect(env.server.requests).toHaveLength(5);
  });

  it('returns at once for a job that is already finished', async () => {
    scriptJob('done', [{ status: 'failed', message: 'Woke up too early' }]);
    const job = await env.client.waitForJob('done');
    expect(job.status).toBe('failed');
    expect(env.server.requests).toHaveLength(1);
  });

  it.each([
    ['dismissed', 'dismissed'],
    ['succeeded', 'successful'],
    ['Successful', 'successful'],
    ['exception', 'failed'],
    ['cancelled', 'dismissed'],
  ])('treats %s as finished, reading it as %s', async (status, code) => {
    scriptJob('x', [{ status }]);
    const job = await env.client.waitForJob('x');
    expect(job.status).toBe(code);
    expect(env.server.requests).toHaveLength(1);
  });

  it('resolves with the job as last seen when timeoutMs passes', async () => {
    scriptJob('slow', [{ status: 'running', progress: 5 }]);
    const job = await env.client.waitForJob('slow', { timeoutMs: 0 });
    expect(job).toMatchObject({ status: 'running', progress: 5 });
    expect(env.server.requests).toHaveLength(1);
    const later = await env.client.waitForJob('slow', { timeoutMs: 30, initialIntervalMs: 5, maxIntervalMs: 5 });
    expect(later.status).toBe('running');
    expect(env.server.requests.length).toBeGreaterThan(2);
  });

  it('backs off between polls: the pauses double from the initial interval up to the maximum', async () => {
    const statuses = ['accepted', 'running', 'running', 'running', 'running', 'successful'];
    let poll = 0;
    const pauses: number[] = [];
    const job = await pollUntilFinished(
      async () => ({ jobID: 'b', status: statuses[poll++]! }),
      { initialIntervalMs: 10, maxIntervalMs: 40 },
      async (ms) => {
        pauses.push(ms);
      },
    );
    expect(job.status).toBe('successful');
    expect(pauses).toEqual([10, 20, 40, 40, 40]);
  });

  it('starts at about 50 ms and stays within 1 s by default', async () => {
    let poll = 0;
    const pauses: number[] = [];
    await pollUntilFinished(
      async () => ({ jobID: 'd', status: poll++ < 10 ? 'running' : 'successful' }),
      {},
      async (ms) => {
        pauses.push(ms);
      },
    );
    expect(pauses[0]).toBe(50);
    expect(Math.max(...pauses)).toBe(1000);
    expect(pauses).toEqual([...pauses].sort((a, b) => a - b));
  });

  it('rejects with kind aborted when the signal fires', async () => {
    scriptJob('long', [{ status: 'running' }]);
    const controller = new AbortController();
    const error = await env.client
      .waitForJob('long', {
        signal: controller.signal,
        initialIntervalMs: 1,
        onProgress: () => setImmediate(() => controller.abort()),
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OgcTransportError);
    expect((error as OgcTransportError).kind).toBe('aborted');
  });

  it('passes on errors of the polls (an unknown job)', async () => {
    const error = await env.client.waitForJob('ghost').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OgcApiError);
    expect((error as OgcApiError).status).toBe(404);
  });
});

describe('dismissJob', () => {
  it('sends DELETE /jobs/{id} and reads the statusInfo', async () => {
    env.server.route('DELETE', '/jobs/j', (_req, res) => json(res, 200, { jobID: 'j', status: 'dismissed', message: 'Job dismissed' }));
    expect(await env.client.dismissJob('j')).toEqual({ jobID: 'j', status: 'dismissed', message: 'Job dismissed' });
    expect(env.server.requests[0]?.method).toBe('DELETE');
  });

  it("reads Weaver's dismissal document", async () => {
    env.server.route('DELETE', '/jobs/w', (_req, res) =>
      json(res, 200, { code: 'JobDismissed', description: 'Job was dismissed and artifacts have been removed.', value: 'w', links: [] }),
    );
    expect(await env.client.dismissJob('w')).toMatchObject({
      jobID: 'w',
      status: 'dismissed',
      message: 'Job was dismissed and artifacts have been removed.',
      code: 'JobDismissed',
    });
  });

  it('reads an empty 204 as dismissed', async () => {
    env.server.route('DELETE', '/jobs/e', (_req, res) => send(res, 204, ''));
    expect(await env.client.dismissJob('e')).toEqual({ jobID: 'e', status: 'dismissed' });
  });

  it('rejects a dismissal answer that says nothing about the job', async () => {
    env.server.route('DELETE', '/jobs/z', (_req, res) => json(res, 200, { ok: true }));
    const error = await env.client.dismissJob('z').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OgcResponseError);
    expect((error as Error).message).toMatch(/^DELETE \/jobs\/z: response is not a valid job status \(statusInfo\): jobID: /);
  });

  it('reports a 404 for an unknown job', async () => {
    const error = await env.client.dismissJob('ghost').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OgcApiError);
    expect((error as OgcApiError).status).toBe(404);
  });
});
