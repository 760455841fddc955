// OgcClient's read methods against a scripted HTTP server on 127.0.0.1:
// paths, query parameters, headers, paging and the shapes documents come in.
import { describe, expect, it } from 'vitest';
import { OgcClient } from '../../src/ogc/client.js';
import { OgcResponseError } from '../../src/ogc/errors.js';
import { PACKAGE_VERSION } from '../../src/util/version.js';
import { json, send } from './fake-server.js';
import { clientOnFakeServer } from './harness.js';

const env = clientOnFakeServer();

const job = (id: string, status = 'successful') => ({ jobID: id, status, type: 'process' });

describe('one method per endpoint', () => {
  it('getCapabilities reads GET /', async () => {
    env.server.route('GET', '/', (_req, res) => json(res, 200, { title: 'T', links: [{ href: `${env.server.url}conformance`, rel: 'conformance' }] }));
    const landing = await env.client.getCapabilities();
    expect(landing.title).toBe('T');
    expect(landing.links[0]?.rel).toBe('conformance');
    expect(env.server.requests[0]?.headers.accept).toBe('application/json');
  });

  it('getConformance reads GET /conformance', async () => {
    env.server.route('GET', '/conformance', (_req, res) => json(res, 200, { conformsTo: ['http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/core'] }));
    expect((await env.client.getConformance()).conformsTo).toHaveLength(1);
  });

  it('getProcesses reads GET /processes with limit', async () => {
    env.server.route('GET', '/processes', (_req, res) => json(res, 200, { processes: [{ id: 'a', version: '1' }], links: [] }));
    const list = await env.client.getProcesses({ limit: 5 });
    expect(list.processes.map((p) => p.id)).toEqual(['a']);
    expect(env.server.requests[0]?.query.get('limit')).toBe('5');
  });

  it('getProcess reads GET /processes/{id}', async () => {
    env.server.route('GET', '/processes/echo', (_req, res) => json(res, 200, { id: 'echo', version: '1', inputs: {}, outputs: {} }));
    expect((await env.client.getProcess('echo')).id).toBe('echo');
  });

  it('getJob reads GET /jobs/{id}', async () => {
    env.server.route('GET', '/jobs/j1', (_req, res) => json(res, 200, { jobID: 'j1', status: 'running', progress: 40 }));
    const status = await env.client.getJob('j1');
    expect(status).toMatchObject({ jobID: 'j1', status: 'running', progress: 40 });
  });

  it('works under a path prefix, with or without the trailing slash', async () => {
    for (const base of [`${env.server.origin}/ogc/api`, `${env.server.origin}/ogc/api/`]) {
      const prefixed = new OgcClient({ baseUrl: base });
      env.server.route('GET', '/ogc/api/processes/p', (_req, res) => json(res, 200, { id: 'p' }));
      env.server.route('GET', '/ogc/api/', (_req, res) => json(res, 200, { links: [] }));
      expect((await prefixed.getProcess('p')).id).toBe('p');
      expect((await prefixed.getCapabilities()).links).toEqual([]);
      await prefixed.close();
    }
    expect(env.server.requests.map((r) => r.path)).toEqual(['/ogc/api/processes/p', '/ogc/api/', '/ogc/api/processes/p', '/ogc/api/']);
  });

  it('keeps query parameters of the base URL on every request', async () => {
    const withQuery = new OgcClient({ baseUrl: `${env.server.origin}/?f=json` });
    env.server.route('GET', '/jobs', (_req, res) => json(res, 200, { jobs: [] }));
    await withQuery.getJobs({ limit: 2 });
    await withQuery.close();
    expect(env.server.requests[0]?.query.get('f')).toBe('json');
    expect(env.server.requests[0]?.query.get('limit')).toBe('2');
  });
});

describe('URL encoding of ids', () => {
  const odd: Array<[string, string]> = [
    ['a/b', 'a%2Fb'],
    ['what?', 'what%3F'],
    ['hash#tag', 'hash%23tag'],
    ['with space', 'with%20space'],
    ['ünï ☃', '%C3%BCn%C3%AF%20%E2%98%83'],
    ['..', '%2E%2E'],
    ['a%20b', 'a%2520b'],
  ];
  it.each(odd)('process id %j is sent as one segment %s', async (id, encoded) => {
    env.server.route('GET', `/processes/${encoded}`, (_req, res) => json(res, 200, { id }));
    expect((await env.client.getProcess(id)).id).toBe(id);
    expect(env.server.requests[0]?.path).toBe(`/processes/${encoded}`);
  });

  it('encodes job ids in job, results and dismissal paths', async () => {
    env.server.route('GET', '/jobs/x%2Fy%3Fz', (_req, res) => json(res, 200, job('x/y?z')));
    env.server.route('GET', '/jobs/x%2Fy%3Fz/results', (_req, res) => json(res, 200, { r: 1 }));
    env.server.route('DELETE', '/jobs/x%2Fy%3Fz', (_req, res) => json(res, 200, job('x/y?z', 'dismissed')));
    await env.client.getJob('x/y?z');
    await env.client.getJobResults('x/y?z');
    await env.client.dismissJob('x/y?z');
    expect(env.server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /jobs/x%2Fy%3Fz',
      'GET /jobs/x%2Fy%3Fz/results',
      'DELETE /jobs/x%2Fy%3Fz',
    ]);
  });
});

describe('headers', () => {
  it('sends a default User-Agent with the package version, and configured headers', async () => {
    const custom = new OgcClient({ baseUrl: env.server.url, headers: { 'Accept-Language': 'de', 'X-Trace': 'abc123' } });
    env.server.route('GET', '/', (_req, res) => json(res, 200, { links: [] }));
    await env.client.getCapabilities();
    await custom.getCapabilities();
    await custom.close();
    expect(env.server.requests[0]?.headers['user-agent']).toBe(`ogc-processes-mcp/${PACKAGE_VERSION}`);
    expect(PACKAGE_VERSION).toMatch(/^\d+\.\d+\.\d+/);
    expect(env.server.requests[1]?.headers['accept-language']).toBe('de');
    expect(env.server.requests[1]?.headers['x-trace']).toBe('abc123');
  });

  it('sends bearer, basic and api-key credentials as configured', async () => {
    env.server.route('GET', '/', (_req, res) => json(res, 200, { links: [] }));
    const clients = [
      new OgcClient({ baseUrl: env.server.url, auth: { type: 'bearer', token: 'tok-123456' }, userAgent: 'ua-test' }),
      new OgcClient({ baseUrl: env.server.url, auth: { type: 'basic', username: 'ann', password: 'pa:ss wörd' } }),
      new OgcClient({ baseUrl: env.server.url, auth: { type: 'api-key', key: 'key-abcdef' } }),
      new OgcClient({ baseUrl: env.server.url, auth: { type: 'api-key', key: 'key-ghijkl', header: 'X-Custom-Key' } }),
      new OgcClient({ baseUrl: `http://bob:s%40cret@127.0.0.1:${new URL(env.server.url).port}/` }),
    ];
    for (const c of clients) {
      await c.getCapabilities();
      await c.close();
    }
    const [bearer, basic, apiKey, customKey, userinfo] = env.server.requests;
    expect(bearer?.headers.authorization).toBe('Bearer tok-123456');
    expect(bearer?.headers['user-agent']).toBe('ua-test');
    expect(basic?.headers.authorization).toBe(`Basic ${Buffer.from('ann:pa:ss wörd').toString('base64')}`);
    expect(apiKey?.headers['x-api-key']).toBe('key-abcdef');
    expect(apiKey?.headers.authorization).toBeUndefined();
    expect(customKey?.headers['x-custom-key']).toBe('key-ghijkl');
    expect(customKey?.headers['x-api-key']).toBeUndefined();
    // Userinfo in the base URL becomes basic auth (and never goes into the request line).
    expect(userinfo?.headers.authorization).toBe(`Basic ${Buffer.from('bob:s@cret').toString('base64')}`);
    expect(userinfo?.url).toBe('/');
  });
});

describe('getJobs', () => {
  it('sends limit, status, processID and type filters as repeated query parameters', async () => {
    env.server.route('GET', '/jobs', (_req, res) => json(res, 200, { jobs: [job('a')], links: [] }));
    await env.client.getJobs({ limit: 3, status: ['running', 'accepted'], processId: 'sleep_a_while', type: 'process' });
    const query = env.server.requests[0]!.query;
    expect(query.get('limit')).toBe('3');
    expect(query.getAll('status')).toEqual(['running', 'accepted']);
    expect(query.getAll('processID')).toEqual(['sleep_a_while']);
    expect(query.getAll('type')).toEqual(['process']);
  });

  it('reads a job list without links or paging', async () => {
    env.server.route('GET', '/jobs', (_req, res) => json(res, 200, { jobs: [job('a'), job('b', 'failed')] }));
    const list = await env.client.getJobs({ followNext: true });
    expect(list.jobs.map((j) => j.jobID)).toEqual(['a', 'b']);
    expect(list.links).toEqual([]);
  });

  it('returns only the first page unless asked to follow next links', async () => {
    env.server.route('GET', '/jobs', (_req, res) =>
      json(res, 200, { jobs: [job('a')], links: [{ href: `${env.server.url}jobs?page=2`, rel: 'next' }] }),
    );
    const list = await env.client.getJobs();
    expect(list.jobs.map((j) => j.jobID)).toEqual(['a']);
    expect(env.server.requests).toHaveLength(1);
  });

  it('follows next links (relative and absolute) and gathers every page', async () => {
    env.server.route('GET', '/jobs', (req, res) => {
      const page = req.query.get('page') ?? '1';
      const pages: Record<string, { jobs: unknown[]; next?: string }> = {
        '1': { jobs: [job('a'), job('b')], next: `${env.server.url}jobs?page=2` },
        '2': { jobs: [job('c')], next: 'jobs?page=3' },
        '3': { jobs: [job('d')] },
      };
      const p = pages[page]!;
      json(res, 200, {
        jobs: p.jobs,
        links: [{ href: `${env.server.url}jobs?page=${page}`, rel: 'self' }, ...(p.next ? [{ href: p.next, rel: 'next' }] : [])],
      });
    });
    const list = await env.client.getJobs({ followNext: true, limit: 2 });
    expect(list.jobs.map((j) => j.jobID)).toEqual(['a', 'b', 'c', 'd']);
    expect(env.server.requests.map((r) => r.query.get('page'))).toEqual([null, '2', '3']);
  });

  it('stops at maxPages, at a loop, and at a next link to another origin', async () => {
    let n = 0;
    env.server.route('GET', '/jobs', (_req, res) => {
      n++;
      json(res, 200, { jobs: [job(`j${n}`)], links: [{ href: `${env.server.url}jobs?page=${n + 1}`, rel: 'next' }] });
    });
    expect((await env.client.getJobs({ followNext: true, maxPages: 3 })).jobs).toHaveLength(3);

    // A next link back to the page already read ends the walk.
    let before = env.server.requests.length;
    env.server.route('GET', '/jobs', (_req, res) =>
      json(res, 200, { jobs: [job('x')], links: [{ href: `${env.server.url}jobs`, rel: 'next' }] }),
    );
    expect((await env.client.getJobs({ followNext: true })).jobs).toHaveLength(1);
    expect(env.server.requests.length).toBe(before + 1);

    before = env.server.requests.length;
    env.server.route('GET', '/jobs', (_req, res) =>
      json(res, 200, { jobs: [job('y')], links: [{ href: 'http://elsewhere.invalid/jobs?page=2', rel: 'next' }] }),
    );
    expect((await env.client.getJobs({ followNext: true })).jobs).toHaveLength(1);
    expect(env.server.requests.length).toBe(before + 1);
  });

  it('follows next links of a paged process list when asked', async () => {
    env.server.route('GET', '/processes', (req, res) => {
      const page = req.query.get('page');
      json(res, 200, page === '2'
        ? { processes: [{ id: 'c', version: '1' }], links: [] }
        : { processes: [{ id: 'a', version: '1' }, { id: 'b', version: '1' }], links: [{ href: 'processes?page=2', rel: 'next' }] });
    });
    expect((await env.client.getProcesses()).processes.map((p) => p.id)).toEqual(['a', 'b']);
    expect((await env.client.getProcesses({ followNext: true })).processes.map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });

  it('reads Weaver lists of bare job ids', async () => {
    env.server.route('GET', '/jobs', (_req, res) => json(res, 200, { jobs: ['a', 'b'], limit: 10, page: 0, total: 2 }));
    const list = await env.client.getJobs();
    expect(list.jobs).toEqual([
      { jobID: 'a', status: 'unknown' },
      { jobID: 'b', status: 'unknown' },
    ]);
    expect(list).toHaveProperty('total', 2);
  });
});

describe('getJobResults', () => {
  const shapes: Array<[string, unknown]> = [
    ['a raw map', { answer: 42, link: { href: 'http://x/y.tif', type: 'image/tiff' }, q: { value: 'v', mediaType: 'text/plain' } }],
    ['an outputs array', { outputs: [{ id: 'answer', value: 42 }, { id: 'link', href: 'http://x/y.tif', type: 'image/tiff' }, { id: 'q', value: 'v', mediaType: 'text/plain' }], links: [] }],
    ['an outputs map', { outputs: { answer: 42, link: { href: 'http://x/y.tif', type: 'image/tiff' }, q: { value: 'v', mediaType: 'text/plain' } } }],
  ];
  it.each(shapes)('reads results as %s', async (_name, body) => {
    env.server.route('GET', '/jobs/j/results', (_req, res) => json(res, 200, body));
    const results = await env.client.getJobResults('j');
    expect(Object.keys(results).sort()).toEqual(['answer', 'link', 'q']);
    expect(results.link).toEqual({ href: 'http://x/y.tif', type: 'image/tiff' });
    expect(results.q).toEqual({ value: 'v', mediaType: 'text/plain' });
  });

  it('picks one output, and says which exist when it is missing', async () => {
    env.server.route('GET', '/jobs/j/results', (_req, res) => json(res, 200, { a: 1, b: 2 }));
    expect(await env.client.getJobResults('j', { output: 'b' })).toEqual({ b: 2 });
    const error = await env.client.getJobResults('j', { output: 'c' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OgcResponseError);
    expect((error as Error).message).toBe("GET /jobs/j/results: the results have no output 'c' (available: a, b)");
  });

  it('reads a raw binary result as one base64 output', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2]);
    env.server.route('GET', '/jobs/j/results', (_req, res) => send(res, 200, png, 'image/png'));
    expect(await env.client.getJobResults('j')).toEqual({
      return_value: { value: png.toString('base64'), encoding: 'base64', mediaType: 'image/png' },
    });
    expect(await env.client.getJobResults('j', { output: 'image' })).toEqual({
      image: { value: png.toString('base64'), encoding: 'base64', mediaType: 'image/png' },
    });
  });
});
