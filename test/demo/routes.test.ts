// Every route and HTTP-level error path of the demo server, over real HTTP.
import { describe, expect, it } from 'vitest';
import { call, execute, useDemoServer } from './helpers.js';

const server = useDemoServer({ maxBodyBytes: 64 * 1024 });
const OGC_EXC = 'http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/';

describe('discovery routes', () => {
  it('serves a landing page that links conformance, processes and jobs', async () => {
    const { url } = server();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const reply = await call(url);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/json');
    const byRel = Object.fromEntries(reply.body.links.map((l: any) => [l.rel, l.href]));
    expect(byRel.self).toBe(url);
    expect(byRel['http://www.opengis.net/def/rel/ogc/1.0/conformance']).toBe(`${url}conformance`);
    expect(byRel['http://www.opengis.net/def/rel/ogc/1.0/processes']).toBe(`${url}processes`);
    expect(byRel['http://www.opengis.net/def/rel/ogc/1.0/job-list']).toBe(`${url}jobs`);
  });

  it('declares the Part 1 conformance classes it implements', async () => {
    const reply = await call(`${server().url}conformance`);
    expect(reply.status).toBe(200);
    const base = 'http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/';
    expect(reply.body.conformsTo.sort()).toEqual(
      ['core', 'dismiss', 'job-list', 'json', 'oas30', 'ogc-process-description'].map((c) => base + c),
    );
  });

  it('lists the reference processes first, in the reference order, with links to their descriptions', async () => {
    const { url } = server();
    const reply = await call(`${url}processes`);
    expect(reply.status).toBe(200);
    const ids = reply.body.processes.map((p: any) => p.id);
    expect(ids.slice(0, 6)).toEqual(['sleep_a_while', 'primes_between', 'simulate_scene', 'return_base_model', 'process_pipeline', '218']);
    expect(ids).toEqual(expect.arrayContaining(['render_thumbnail', 'bbox_area', 'echo_large']));
    for (const summary of reply.body.processes) {
      expect(summary.inputs).toBeUndefined();
      expect(summary.links[0].href).toBe(`${url}processes/${encodeURIComponent(summary.id)}`);
    }
    expect(reply.body.links[0]).toMatchObject({ rel: 'self', href: `${url}processes` });
  });

  it('pages the process list with limit and next links', async () => {
    const { url } = server();
    const all = (await call(`${url}processes`)).body.processes.map((p: any) => p.id);
    const seen: string[] = [];
    let next: string | undefined = `${url}processes?limit=4`;
    let pages = 0;
    while (next) {
      const reply = await call(next);
      expect(reply.status).toBe(200);
      expect(reply.body.processes.length).toBeLessThanOrEqual(4);
      seen.push(...reply.body.processes.map((p: any) => p.id));
      next = reply.body.links.find((l: any) => l.rel === 'next')?.href;
      pages++;
    }
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 4));
  });

  it('describes a process with its inputs, outputs and job control options', async () => {
    const { url } = server();
    const primes = (await call(`${url}processes/primes_between`)).body;
    expect(primes).toMatchObject({
      id: 'primes_between',
      title: 'Prime Processor',
      version: '0.0.0',
      jobControlOptions: ['sync-execute', 'async-execute', 'dismiss'],
      inputs: {
        min_val: { minOccurs: 0, schema: { type: 'integer', minimum: 0, default: 0 } },
        max_val: { minOccurs: 0, schema: { type: 'integer', maximum: 100, default: 100 } },
      },
      outputs: { return_value: { schema: { type: 'array', items: { type: 'integer' } } } },
    });
    expect(primes.links.map((l: any) => l.href)).toContain(`${url}processes/primes_between/execution`);
    const sleep = (await call(`${url}processes/sleep_a_while`)).body;
    expect(sleep.jobControlOptions).not.toContain('sync-execute');
    expect(sleep.inputs.duration.schema).toEqual({ type: 'number', default: 10 });
  });

  it('keeps x-ui-* hints at the input level, outside the schema', async () => {
    const { url } = server();
    const scene = (await call(`${url}processes/simulate_scene`)).body;
    expect(scene.inputs.bbox['x-ui-widget']).toBe('map');
    expect(scene.inputs.resolution['x-ui-advanced']).toBe(true);
    const l3b = (await call(`${url}processes/218`)).body;
    expect(l3b.title).toBe('L3B AOI Indicators Processor');
    expect(l3b.inputs.indicator_name).toMatchObject({ 'x-ui-widget': 'radio', 'x-ui-advanced': true, 'x-ui-order': 30 });
    expect(l3b.inputs.geometry.schema.format).toBe('wkt');
    for (const doc of [scene, l3b]) {
      for (const input of Object.values<any>(doc.inputs)) {
        expect(Object.keys(input.schema).filter((k) => k.startsWith('x-'))).toEqual([]);
      }
    }
  });

  it('describes the bbox input the way the official example does', async () => {
    const bbox = (await call(`${server().url}processes/bbox_area`)).body.inputs.bbox;
    expect(bbox.schema).toEqual({
      allOf: [{ format: 'ogc-bbox' }, { $ref: 'https://schemas.opengis.net/ogcapi/processes/part1/1.0/openapi/schemas/bbox.yaml' }],
    });
  });

  it('answers HEAD like GET without a body', async () => {
    const reply = await call(`${server().url}processes`, { method: 'HEAD' });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
    expect(Number(reply.headers.get('content-length'))).toBeGreaterThan(100);
  });

  it('tolerates a trailing slash', async () => {
    const reply = await call(`${server().url}processes/`);
    expect(reply.status).toBe(200);
    expect(reply.body.processes.length).toBeGreaterThan(5);
  });
});

describe('HTTP errors', () => {
  it('404 no-such-process for an unknown process, on GET and on execute', async () => {
    const { url } = server();
    const get = await call(`${url}processes/primos_batman`);
    expect(get.status).toBe(404);
    expect(get.headers.get('content-type')).toBe('application/problem+json');
    expect(get.body).toMatchObject({ type: `${OGC_EXC}no-such-process`, status: 404 });
    expect(get.body.detail).toContain("'primos_batman'");
    const post = await execute(server(), 'primos_batman', { inputs: {} });
    expect(post.status).toBe(404);
    expect(post.body.type).toBe(`${OGC_EXC}no-such-process`);
  });

  it('URL-decodes path segments, so encoded ids reach the lookup intact', async () => {
    const { url } = server();
    const encoded = await call(`${url}processes/%32%31%38`); // "218"
    expect(encoded.status).toBe(200);
    expect(encoded.body.id).toBe('218');
    const slash = await call(`${url}processes/a%2Fb%20c`);
    expect(slash.status).toBe(404);
    expect(slash.body.detail).toContain("'a/b c'");
  });

  it('400 for a path that is not validly percent-encoded', async () => {
    const reply = await call(`${server().url}processes/%E0%A4%A`);
    expect(reply.status).toBe(400);
  });

  it('404 no-such-job for unknown jobs on status, results and dismiss', async () => {
    const { url } = server();
    for (const [path, method] of [['jobs/nope', 'GET'], ['jobs/nope/results', 'GET'], ['jobs/nope', 'DELETE']] as const) {
      const reply = await call(url + path, { method });
      expect(reply.status, `${method} ${path}`).toBe(404);
      expect(reply.body.type).toBe(`${OGC_EXC}no-such-job`);
    }
  });

  it('404 with a problem document for an unknown route', async () => {
    const reply = await call(`${server().url}nothing/here`);
    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toBe('application/problem+json');
    expect(reply.body.status).toBe(404);
  });

  it('405 with an Allow header for a wrong method', async () => {
    const { url } = server();
    const cases: Array<[string, string, string]> = [
      ['processes', 'POST', 'GET, HEAD, OPTIONS'],
      ['processes/primes_between/execution', 'GET', 'POST, OPTIONS'],
      ['jobs/anything', 'PUT', 'GET, DELETE, HEAD, OPTIONS'],
      ['', 'DELETE', 'GET, HEAD, OPTIONS'],
    ];
    for (const [path, method, allow] of cases) {
      const reply = await call(url + path, { method });
      expect(reply.status, `${method} /${path}`).toBe(405);
      expect(reply.headers.get('allow')).toBe(allow);
      expect(reply.body.status).toBe(405);
    }
  });

  it('400 for malformed JSON, naming the problem', async () => {
    const reply = await execute(server(), 'primes_between', '{"inputs": {');
    expect(reply.status).toBe(400);
    expect(reply.body.title).toBe('Malformed JSON');
    expect(reply.body.detail).toMatch(/not valid JSON/);
  });

  it('400 when the execute request is not an object or its inputs are not a map', async () => {
    expect((await execute(server(), 'primes_between', '[1, 2]')).status).toBe(400);
    const reply = await execute(server(), 'primes_between', { inputs: [{ id: 'max_val', value: 3 }] });
    expect(reply.status).toBe(400);
    expect(reply.body.detail).toMatch(/'inputs' must be an object/);
  });

  it('413 for a body over the limit, and the server keeps serving', async () => {
    const big = JSON.stringify({ inputs: { id: 'x'.repeat(100 * 1024) } });
    const reply = await execute(server(), 'process_pipeline', big);
    expect(reply.status).toBe(413);
    expect(reply.body.type).toMatch(/payload-too-large$/);
    expect((await call(`${server().url}conformance`)).status).toBe(200);
  });

  it('400 for a bad limit or offset', async () => {
    const { url } = server();
    for (const query of ['limit=0', 'limit=abc', 'offset=-1', 'limit=1.5']) {
      const reply = await call(`${url}jobs?${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.body.detail).toMatch(/limit|offset/);
    }
    expect((await call(`${url}processes?limit=0`)).status).toBe(400);
  });
});

describe('CORS', () => {
  it('allows any origin on responses, errors included, and exposes Location', async () => {
    const { url } = server();
    for (const path of ['', 'processes/nope']) {
      const reply = await call(url + path, { headers: { Origin: 'https://example.org' } });
      expect(reply.headers.get('access-control-allow-origin')).toBe('*');
      expect(reply.headers.get('access-control-expose-headers')).toMatch(/Location/);
    }
  });

  it('answers an OPTIONS preflight with the allowed methods and requested headers', async () => {
    const reply = await call(`${server().url}jobs/x`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://example.org',
        'Access-Control-Request-Method': 'DELETE',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    });
    expect(reply.status).toBe(204);
    expect(reply.headers.get('access-control-allow-origin')).toBe('*');
    expect(reply.headers.get('access-control-allow-methods')).toContain('DELETE');
    expect(reply.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
  });
});

describe('keep-alive', () => {
  it('keeps connections open between requests', async () => {
    const reply = await call(server().url);
    expect(reply.headers.get('connection')).toBe('keep-alive');
  });
});
