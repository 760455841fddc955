// executeProcess against a scripted server: the Prefer header from the job
// control options, and every way a server answers (201 with a job, 201 with
// only a Location, 200 with a results document, 200 with one raw output).
import { beforeEach, describe, expect, it } from 'vitest';
import { OgcApiError, OgcResponseError } from '../../src/ogc/errors.js';
import { json, send } from './fake-server.js';
import { clientOnFakeServer } from './harness.js';

const env = clientOnFakeServer();

const describeProcess = (jobControlOptions?: string[], outputs: Record<string, unknown> = { result: { schema: {} } }) =>
  env.server.route('GET', '/processes/p', (_req, res) =>
    json(res, 200, { id: 'p', version: '1', ...(jobControlOptions ? { jobControlOptions } : {}), inputs: {}, outputs }),
  );

const executions = () => env.server.requests.filter((r) => r.method === 'POST');

describe('which mode is asked for', () => {
  beforeEach(() => {
    env.server.route('POST', '/processes/p/execution', (_req, res) => json(res, 201, { jobID: 'j1', status: 'accepted' }));
  });

  it('sends exactly `Prefer: respond-async` when the process offers async-execute', async () => {
    const execution = await env.client.executeProcess('p', { inputs: { a: 1 } }, { jobControlOptions: ['sync-execute', 'async-execute'] });
    expect(execution).toEqual({ job: { jobID: 'j1', status: 'accepted' }, mode: 'async' });
    const post = executions()[0]!;
    expect(post.headers.prefer).toBe('respond-async');
    expect(post.headers['content-type']).toBe('application/json');
    expect(JSON.parse(post.body)).toEqual({ inputs: { a: 1 }, response: 'document' });
  });

  it('sends no Prefer for a sync-only process, or in sync mode', async () => {
    await env.client.executeProcess('p', {}, { jobControlOptions: ['sync-execute'] });
    await env.client.executeProcess('p', {}, { jobControlOptions: ['sync-execute'], mode: 'async' });
    await env.client.executeProcess('p', {}, { jobControlOptions: ['async-execute'], mode: 'sync' });
    expect(executions().map((r) => r.headers.prefer)).toEqual([undefined, undefined, undefined]);
  });

  it('asks for async when the process does not say (a preference the server may ignore)', async () => {
    await env.client.executeProcess('p', {}, { jobControlOptions: [] });
    expect(executions()[0]?.headers.prefer).toBe('respond-async');
  });

  it('in auto mode, learns the job control options from the description once', async () => {
    describeProcess(['sync-execute']);
    await env.client.executeProcess('p', {});
    await env.client.executeProcess('p', {});
    expect(env.server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /processes/p',
      'POST /processes/p/execution',
      'POST /processes/p/execution',
    ]);
    expect(executions().map((r) => r.headers.prefer)).toEqual([undefined, undefined]);
  });

  it('uses what an earlier getProcess returned, without fetching again', async () => {
    describeProcess(['async-execute']);
    await env.client.getProcess('p');
    await env.client.executeProcess('p', {});
    expect(env.server.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
    expect(executions()[0]?.headers.prefer).toBe('respond-async');
  });

  it('in sync mode, never fetches the description', async () => {
    await env.client.executeProcess('p', {}, { mode: 'sync' });
    expect(env.server.requests.map((r) => r.method)).toEqual(['POST']);
  });

  it('keeps the caller’s response mode and other fields', async () => {
    await env.client.executeProcess('p', { inputs: {}, response: 'raw', outputs: { r: { transmissionMode: 'reference' } } }, { mode: 'sync' });
    expect(JSON.parse(executions()[0]!.body)).toEqual({ inputs: {}, response: 'raw', outputs: { r: { transmissionMode: 'reference' } } });
  });
});

describe('asynchronous answers', () => {
  it('reads a 201 with a statusInfo body, and Preference-Applied', async () => {
    env.server.route('POST', '/processes/p/execution', (_req, res) =>
      json(res, 201, { jobID: 'j1', status: 'running', progress: 0 }, { location: `${env.server.url}jobs/j1`, 'preference-applied': 'respond-async' }),
    );
    const execution = await env.client.executeProcess('p', {}, { jobControlOptions: ['async-execute'] });
    expect(execution.mode).toBe('async');
    expect(execution.job).toMatchObject({ jobID: 'j1', status: 'running', progress: 0 });
    expect(execution.preferenceApplied).toBe('respond-async');
    expect(execution.results).toBeUndefined();
  });

  it.each([
    ['a null body', 'null', 'application/json'],
    ['an empty body', '', undefined],
  ])('reads a 201 with %s and only a Location header, then fetches the job', async (_name, body, type) => {
    env.server.route('POST', '/processes/p/execution', (_req, res) =>
      send(res, 201, body, type, { location: '/processes/p/jobs/abc%20123?f=json' }),
    );
    env.server.route('GET', '/jobs/abc%20123', (_req, res) => json(res, 200, { jobID: 'abc 123', status: 'running', progress: 10 }));
    const execution = await env.client.executeProcess('p', {}, { jobControlOptions: ['async-execute'] });
    expect(execution).toEqual({ job: { jobID: 'abc 123', status: 'running', progress: 10 }, mode: 'async' });
    expect(env.server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /processes/p/execution', 'GET /jobs/abc%20123']);
  });

  it('falls back to an accepted job when the Location job cannot be read yet', async () => {
    env.server.route('POST', '/processes/p/execution', (_req, res) => send(res, 201, '', undefined, { location: `${env.server.url}jobs/j9` }));
    const execution = await env.client.executeProcess('p', {}, { jobControlOptions: ['async-execute'] });
    expect(execution.job).toEqual({ jobID: 'j9', processID: 'p', status: 'accepted', type: 'process' });
  });

  it('fails clearly on a 201 with neither a job nor a Location', async () => {
    env.server.route('POST', '/processes/p/execution', (_req, res) => send(res, 201, ''));
    const error = await env.client.executeProcess('p', {}, { jobControlOptions: ['async-execute'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OgcResponseError);
    expect((error as Error).message).toBe(
      'POST /processes/p/execution: HTTP 201 without a job (no statusInfo body and no Location header)',
    );
  });

  it('reads a 200 whose body is a job status as an asynchronous job', async () => {
    env.server.route('POST', '/processes/p/execution', (_req, res) => json(res, 200, { jobID: 'j2', status: 'accepted' }));
    const execution = await env.client.executeProcess('p', {}, { jobControlOptions: ['async-execute'] });
    expect(execution).toEqual({ job: { jobID: 'j2', status: 'accepted' }, mode: 'async' });
  });
});

describe('synchronous answers', () => {
  it('turns a 200 results document into a finished job with the results', async () => {
    env.server.route('POST', '/processes/p/execution', (_req, res) =>
      json(res, 200, { outputs: [{ id: 'result', value: [2, 3, 5] }] }, { location: `${env.server.url}jobs/s1` }),
    );
    const execution = await env.client.executeProcess('p', {}, { mode: 'sync' });
    expect(execution).toEqual({
      mode: 'sync',
      job: { jobID: 's1', processID: 'p', status: 'successful', type: 'process' },
      // An {id, value} item is the value itself.
      results: { result: [2, 3, 5] },
    });
  });

  it('gives a sync job without any id the empty id', async () => {
    env.server.route('POST', '/processes/p/execution', (_req, res) => json(res, 200, { return_value: 7 }));
    const execution = await env.client.executeProcess('p', {}, { mode: 'sync' });
    expect(execution.job.jobID).toBe('');
    expect(execution.results).toEqual({ return_value: 7 });
  });

  it('files a raw PNG under the process’s single output id, base64-encoded', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255, 128]);
    describeProcess(['sync-execute'], { image: { schema: { type: 'string', contentMediaType: 'image/png' } } });
    env.server.route('POST', '/processes/p/execution', (_req, res) => send(res, 200, png, 'image/png'));
    const execution = await env.client.executeProcess('p', {});
    expect(execution.mode).toBe('sync');
    expect(execution.results).toEqual({ image: { value: png.toString('base64'), encoding: 'base64', mediaType: 'image/png' } });
  });

  it('files a raw output under return_value when the process has several outputs or is unknown', async () => {
    env.server.route('POST', '/processes/p/execution', (_req, res) => send(res, 200, 'hello', 'text/plain; charset=utf-8'));
    const execution = await env.client.executeProcess('p', {}, { mode: 'sync' });
    expect(execution.results).toEqual({ return_value: { value: 'hello', mediaType: 'text/plain' } });
  });

  it('files a raw output under the single requested output id', async () => {
    env.server.route('POST', '/processes/p/execution', (_req, res) => send(res, 200, Buffer.from([1, 2, 3]), 'application/x-netcdf'));
    const execution = await env.client.executeProcess('p', { outputs: { cube: {} } }, { mode: 'sync' });
    expect(execution.results).toEqual({ cube: { value: 'AQID', encoding: 'base64', mediaType: 'application/x-netcdf' } });
  });

  it('keeps a raw JSON value whole when the caller asked for response=raw', async () => {
    env.server.route('POST', '/processes/p/execution', (_req, res) => json(res, 200, { type: 'FeatureCollection', features: [] }));
    const execution = await env.client.executeProcess('p', { response: 'raw' }, { mode: 'sync' });
    expect(execution.results).toEqual({ return_value: { type: 'FeatureCollection', features: [] } });
  });

  it('files a non-object JSON body (a raw single value) under the output id', async () => {
    env.server.route('POST', '/processes/p/execution', (_req, res) => json(res, 200, [2, 3, 5, 7]));
    const execution = await env.client.executeProcess('p', {}, { mode: 'sync' });
    expect(execution.results).toEqual({ return_value: [2, 3, 5, 7] });
  });
});

describe('failures', () => {
  it('turns an execution error into OgcApiError with the RFC 7807 fields', async () => {
    env.server.route('POST', '/processes/p/execution', (_req, res) =>
      json(res, 400, {
        type: 'http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/invalid-parameter-value',
        title: 'Bad Request',
        status: 400,
        detail: "input 'max_val' must be <= 100",
        instance: '/processes/p/execution',
      }),
    );
    const error = (await env.client.executeProcess('p', {}, { mode: 'sync' }).catch((e: unknown) => e)) as OgcApiError;
    expect(error).toBeInstanceOf(OgcApiError);
    expect(error.status).toBe(400);
    expect(error.type).toMatch(/invalid-parameter-value$/);
    expect(error.detail).toBe("input 'max_val' must be <= 100");
    expect(error.instance).toBe('/processes/p/execution');
    expect(error.message).toBe(
      "POST /processes/p/execution failed: HTTP 400 Bad Request: Bad Request: input 'max_val' must be <= 100 [http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/invalid-parameter-value]",
    );
  });

  it('never retries a POST, not even on 503', async () => {
    env.server.route('POST', '/processes/p/execution', (_req, res) => json(res, 503, { type: 'about:blank', title: 'busy' }));
    const error = await env.client.executeProcess('p', {}, { mode: 'sync' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OgcApiError);
    expect((error as OgcApiError).status).toBe(503);
    expect(executions()).toHaveLength(1);
  });

  it('rejects an HTML page given instead of a result', async () => {
    env.server.route('POST', '/processes/p/execution', (_req, res) =>
      send(res, 200, '<html><head><title>Login</title></head><body>Please sign in</body></html>', 'text/html'),
    );
    const error = await env.client.executeProcess('p', {}, { mode: 'sync' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OgcResponseError);
    expect((error as OgcResponseError).reason).toBe('not-json');
    expect((error as Error).message).toContain('Login: Please sign in');
  });
});
