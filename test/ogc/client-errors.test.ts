// Every way a request can go wrong, against a scripted server on 127.0.0.1:
// error bodies of all kinds, unusable bodies, transport failures, retries,
// and secrets that must never surface in an error.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OgcClient, type OgcClientOptions } from '../../src/ogc/client.js';
import { OgcApiError, OgcError, OgcResponseError, OgcTransportError } from '../../src/ogc/errors.js';
import { freePort } from '../support/free-port.js';
import { json, send, startFakeServer, type FakeServer } from './fake-server.js';

let server: FakeServer;
const clients: OgcClient[] = [];

function makeClient(options: Partial<OgcClientOptions> = {}): OgcClient {
  const client = new OgcClient({ baseUrl: server.url, ...options });
  clients.push(client);
  return client;
}

async function failure(promise: Promise<unknown>): Promise<OgcError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof OgcError)) throw new Error(`expected an OgcError, got ${String(error)}`);
  return error;
}

beforeEach(async () => {
  server = await startFakeServer();
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await server.close();
});

describe('error responses', () => {
  it('keeps the RFC 7807 fields of a problem document', async () => {
    server.route('GET', '/processes/nope', (_req, res) =>
      json(res, 404, {
        type: 'http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-process',
        title: 'Not Found',
        status: 404,
        detail: "Process 'nope' does not exist",
        'x-extra': 1,
      }),
    );
    const error = (await failure(makeClient().getProcess('nope'))) as OgcApiError;
    expect(error).toBeInstanceOf(OgcApiError);
    expect(error).toMatchObject({
      status: 404,
      type: 'http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-process',
      title: 'Not Found',
      detail: "Process 'nope' does not exist",
      method: 'GET',
      path: '/processes/nope',
    });
    expect(error.instance).toBeUndefined();
    expect(error.body).toHaveProperty('x-extra', 1);
    expect(error.message).toBe(
      "GET /processes/nope failed: HTTP 404 Not Found: Not Found: Process 'nope' does not exist [http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-process]",
    );
  });

  it('reads a FastAPI validation body ({detail: [...]})', async () => {
    server.route('GET', '/jobs', (_req, res) =>
      json(res, 422, {
        detail: [
          { loc: ['query', 'limit'], msg: 'value is not a valid integer', type: 'type_error.integer' },
          { loc: ['query', 'status'], msg: 'unexpected value', type: 'value_error' },
        ],
      }),
    );
    const error = (await failure(makeClient().getJobs())) as OgcApiError;
    expect(error.status).toBe(422);
    expect(error.type).toBeUndefined();
    expect(error.message).toBe(
      'GET /jobs failed: HTTP 422 Unprocessable Entity: query.limit: value is not a valid integer; query.status: unexpected value',
    );
  });

  it('reads Weaver-style errors with description and code', async () => {
    server.route('GET', '/jobs/x', (_req, res) =>
      json(res, 404, { description: "Could not find job with specified 'job_id'.", code: 'NoSuchJob' }),
    );
    const error = await failure(makeClient().getJob('x'));
    expect(error.message).toBe("GET /jobs/x failed: HTTP 404 Not Found: Could not find job with specified 'job_id'.");
  });

  it('reads an HTML error page from a proxy', async () => {
    server.route('GET', '/', (_req, res) =>
      send(res, 502, '<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>b{}</style></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>', 'text/html'),
    );
    const error = (await failure(makeClient({ retries: 0 }).getCapabilities())) as OgcApiError;
    expect(error).toBeInstanceOf(OgcApiError);
    expect(error.status).toBe(502);
    expect(error.message).toBe('GET / failed: HTTP 502 Bad Gateway: HTML page: 502 Bad Gateway: nginx');
  });

  it('reads an empty error body and a plain-text one', async () => {
    server.route('GET', '/conformance', (_req, res) => send(res, 500, ''));
    server.route('GET', '/processes', (_req, res) => send(res, 500, 'Internal Server Error', 'text/plain'));
    const client = makeClient();
    expect((await failure(client.getConformance())).message).toBe('GET /conformance failed: HTTP 500 Internal Server Error: (empty body)');
    expect((await failure(client.getProcesses())).message).toBe(
      'GET /processes failed: HTTP 500 Internal Server Error: Internal Server Error',
    );
  });

  it('truncates very long error texts', async () => {
    server.route('GET', '/jobs/x', (_req, res) => send(res, 400, 'y'.repeat(5000), 'text/plain'));
    const error = await failure(makeClient().getJob('x'));
    expect(error.message.length).toBeLessThan(300);
    expect(error.message.endsWith('…')).toBe(true);
  });
});

describe('unusable bodies', () => {
  it('rejects HTML where JSON was expected', async () => {
    server.route('GET', '/processes', (_req, res) =>
      send(res, 200, '<html><head><title>Processes</title></head><body>List</body></html>', 'text/html; charset=utf-8'),
    );
    const error = (await failure(makeClient().getProcesses())) as OgcResponseError;
    expect(error).toBeInstanceOf(OgcResponseError);
    expect(error.reason).toBe('not-json');
    expect(error.status).toBe(200);
    expect(error.message).toMatch(/^GET \/processes: expected JSON but got a text\/html body \(.+\): HTML page: Processes: List$/);
  });

  it('rejects truncated JSON', async () => {
    server.route('GET', '/jobs', (_req, res) => send(res, 200, '{"jobs": [{"jobID": "a", "sta', 'application/json'));
    const error = (await failure(makeClient().getJobs())) as OgcResponseError;
    expect(error.reason).toBe('not-json');
    expect(error.message).toContain('GET /jobs: expected JSON but got a application/json body');
    expect(error.message).toContain('{"jobs": [{"jobID": "a", "sta');
  });

  it('rejects an empty body where a document was expected', async () => {
    server.route('GET', '/jobs/a', (_req, res) => send(res, 200, '', 'application/json'));
    const error = (await failure(makeClient().getJob('a'))) as OgcResponseError;
    expect(error.reason).toBe('not-json');
    expect(error.message).toContain('(empty body)');
  });

  it('rejects a document that does not match its model, naming the kind and the first issues', async () => {
    server.route('GET', '/jobs/a', (_req, res) => json(res, 200, { id: 7, state: 'running' }));
    const error = (await failure(makeClient().getJob('a'))) as OgcResponseError;
    expect(error.reason).toBe('invalid-document');
    expect(error.message).toBe(
      'GET /jobs/a: response is not a valid job status (statusInfo): jobID: Invalid input: expected string, received undefined; status: Invalid input: expected string, received undefined',
    );
  });

  it('rejects bodies over maxResponseBytes, declared or streamed', async () => {
    const big = JSON.stringify({ processes: [], links: [], padding: 'x'.repeat(5000) });
    server.route('GET', '/processes', (_req, res) => send(res, 200, big, 'application/json'));
    server.route('GET', '/jobs', (_req, res) => {
      // Chunked: no content-length to check up front.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"jobs": [], "padding": "');
      res.write('x'.repeat(3000));
      res.end('"}');
    });
    const client = makeClient({ maxResponseBytes: 1024 });
    for (const call of [() => client.getProcesses(), () => client.getJobs()]) {
      const error = (await failure(call())) as OgcResponseError;
      expect(error.reason).toBe('too-large');
      expect(error.message).toMatch(/: response body is larger than the limit of 1024 bytes$/);
    }
    // The client is still usable afterwards.
    server.route('GET', '/conformance', (_req, res) => json(res, 200, { conformsTo: [] }));
    expect(await client.getConformance()).toEqual({ conformsTo: [] });
  });
});

describe('transport failures', () => {
  it('reports a refused connection', async () => {
    const port = await freePort();
    const client = new OgcClient({ baseUrl: `http://127.0.0.1:${port}/`, retries: 0 });
    clients.push(client);
    const error = (await failure(client.getCapabilities())) as OgcTransportError;
    expect(error).toBeInstanceOf(OgcTransportError);
    expect(error.kind).toBe('refused');
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.message).toBe('GET / connection refused (is the server running at that address?) (ECONNREFUSED)');
  });

  it('times out waiting for headers', async () => {
    server.route('GET', '/jobs/slow', () => {
      // Never answers.
    });
    const error = (await failure(makeClient({ timeouts: { headersMs: 150 } }).getJob('slow'))) as OgcTransportError;
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('GET /jobs/slow timed out waiting for response headers (UND_ERR_HEADERS_TIMEOUT)');
  });

  it('times out waiting for the rest of a body', async () => {
    server.route('GET', '/jobs/stall', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"jobID": "stall",');
    });
    const error = (await failure(makeClient({ timeouts: { bodyMs: 150 }, retries: 0 }).getJob('stall'))) as OgcTransportError;
    expect(error.kind).toBe('timeout');
    expect(error.code).toBe('UND_ERR_BODY_TIMEOUT');
  });

  it('reports a connection closed mid-answer as a reset', async () => {
    server.route('GET', '/jobs/cut', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"jobID": "cut",');
      setImmediate(() => res.socket?.destroy());
    });
    const error = (await failure(makeClient({ retries: 0 }).getJob('cut'))) as OgcTransportError;
    expect(error).toBeInstanceOf(OgcTransportError);
    expect(error.kind).toBe('reset');
  });

  it('stops on abort with kind aborted', async () => {
    const controller = new AbortController();
    server.route('GET', '/jobs/hang', () => controller.abort());
    const error = (await failure(makeClient().getJob('hang', { signal: controller.signal }))) as OgcTransportError;
    expect(error.kind).toBe('aborted');
    const again = (await failure(makeClient().getJob('hang', { signal: controller.signal }))) as OgcTransportError;
    expect(again.kind).toBe('aborted');
    expect(server.requests).toHaveLength(1);
  });
});

describe('retries', () => {
  it('retries a GET on 503 and returns the answer that follows', async () => {
    let calls = 0;
    server.route('GET', '/jobs/r', (_req, res) => {
      calls++;
      if (calls <= 2) json(res, 503, { type: 'about:blank', title: 'busy' }, { 'retry-after': '0' });
      else json(res, 200, { jobID: 'r', status: 'running' });
    });
    expect((await makeClient().getJob('r')).status).toBe('running');
    expect(calls).toBe(3);
  });

  it('gives up after the configured retries with the last error', async () => {
    server.route('GET', '/jobs/r', (_req, res) => json(res, 504, { type: 'about:blank', title: 'Gateway Timeout' }));
    const error = (await failure(makeClient({ retries: 2 }).getJob('r'))) as OgcApiError;
    expect(error.status).toBe(504);
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry other errors (a 500 or a 404)', async () => {
    server.route('GET', '/jobs/r', (_req, res) => json(res, 500, { type: 'about:blank', title: 'boom' }));
    await failure(makeClient().getJob('r'));
    expect(server.requests).toHaveLength(1);
  });

  it('retries a GET after a connection reset', async () => {
    let calls = 0;
    server.route('GET', '/jobs/r', (_req, res) => {
      calls++;
      if (calls === 1) res.socket?.destroy();
      else json(res, 200, { jobID: 'r', status: 'successful' });
    });
    expect((await makeClient().getJob('r')).status).toBe('successful');
    expect(calls).toBe(2);
  });

  it('never retries a DELETE', async () => {
    server.route('DELETE', '/jobs/r', (_req, res) => json(res, 503, { type: 'about:blank' }, { 'retry-after': '0' }));
    const error = (await failure(makeClient().dismissJob('r'))) as OgcApiError;
    expect(error.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });
});

describe('secrets never appear in errors', () => {
  const SECRETS = ['bearer-token-SECRET-1', 'basic-password-SECRET-2', 'api-key-SECRET-3', 'custom-header-SECRET-4', 'userinfo-SECRET-5'];

  function everything(error: unknown): string {
    const e = error as Error;
    return [String(e), e.message, e.stack ?? '', JSON.stringify(e), JSON.stringify({ ...e })].join('\n');
  }

  function expectClean(error: unknown): void {
    const text = everything(error);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toContain(Buffer.from(`ann:${SECRETS[1]}`).toString('base64'));
  }

  const clientsWithSecrets = (): OgcClient[] => [
    makeClient({ auth: { type: 'bearer', token: SECRETS[0]! } }),
    makeClient({ auth: { type: 'basic', username: 'ann', password: SECRETS[1]! } }),
    makeClient({ auth: { type: 'api-key', key: SECRETS[2]! }, headers: { 'X-Session': SECRETS[3]! } }),
    makeClient({ baseUrl: `http://ann:${SECRETS[4]}@127.0.0.1:${new URL(server.url).port}/` }),
  ];

  it('when the server echoes the credentials back in JSON, HTML and text errors', async () => {
    const echo = (req: { headers: Record<string, unknown> }) =>
      `auth=${String(req.headers.authorization)} key=${String(req.headers['x-api-key'])} session=${String(req.headers['x-session'])}`;
    server.route('GET', '/processes/json', (req, res) => json(res, 401, { type: 'about:blank', title: 'Unauthorized', detail: echo(req) }));
    server.route('GET', '/processes/html', (req, res) => send(res, 403, `<html><body>${echo(req)}</body></html>`, 'text/html'));
    server.route('GET', '/processes/text', (req, res) => send(res, 200, echo(req), 'text/plain'));
    server.route('GET', '/processes/fastapi', (req, res) => json(res, 422, { detail: [{ loc: ['header'], msg: echo(req) }] }));
    let checked = 0;
    for (const client of clientsWithSecrets()) {
      for (const id of ['json', 'html', 'text', 'fastapi']) {
        const error = await failure(client.getProcess(id));
        expectClean(error);
        if (error instanceof OgcApiError) expect(JSON.stringify(error.body ?? null)).not.toMatch(/SECRET/);
        expect(error.message).toMatch(/\*\*\*/);
        checked++;
      }
    }
    expect(checked).toBe(16);
  });

  it('when the connection fails', async () => {
    const port = await freePort();
    const client = new OgcClient({
      baseUrl: `http://ann:${SECRETS[4]}@127.0.0.1:${port}/`,
      headers: { Authorization: `Bearer ${SECRETS[0]}` },
      retries: 0,
    });
    clients.push(client);
    const calls = [() => client.getCapabilities(), () => client.executeProcess('p', {}, { mode: 'sync' }), () => client.dismissJob('j')];
    for (const call of calls) {
      const error = await failure(call());
      expect(error).toBeInstanceOf(OgcTransportError);
      expectClean(error);
    }
  });

  it('for credentials in base-URL query parameters, while ordinary words stay readable', async () => {
    const client = makeClient({ baseUrl: `${server.url}?f=json&api_key=query-key-SECRET-6`, headers: { 'X-Auth': 'ab12' } });
    server.route('GET', '/jobs/q', (req, res) => send(res, 200, `you sent ${req.url} with ${String(req.headers['x-auth'])}`, 'text/plain'));
    const error = await failure(client.getJob('q'));
    expect(error.message).not.toContain('query-key-SECRET-6');
    expect(error.message).not.toContain('ab12');
    expect(error.message).toContain('f=json');
    expect(error.message).toContain('expected JSON but got a text/plain body');
  });

  it('when the base URL is invalid', () => {
    let thrown: unknown;
    try {
      new OgcClient({ baseUrl: `ftp://ann:${SECRETS[4]}@host/` });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(OgcError);
    expectClean(thrown);
    expect(() => new OgcClient({ baseUrl: `not a url ${SECRETS[4]}` })).toThrow('baseUrl is not a valid URL');
  });
});
