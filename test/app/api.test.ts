// The web app's JSON API over real HTTP, against the embedded demo server.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer } from '../../src/app/server.js';
import { startAppHarness, type AppHarness } from './harness.js';

describe('web app API', () => {
  let h: AppHarness;
  const url = (path: string) => new URL(path, h.app.url).toString();
  const get = async (path: string) => {
    const r = await fetch(url(path));
    return { status: r.status, type: r.headers.get('content-type') ?? '', body: (await r.json()) as Record<string, any> };
  };
  const post = async (path: string, body: unknown, type = 'application/json') => {
    const r = await fetch(url(path), { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as Record<string, any> };
  };

  beforeAll(async () => {
    h = await startAppHarness();
  });
  afterAll(async () => h?.close());

  it('serves the page and the process list', async () => {
    const page = await fetch(h.app.url);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<script type="module" src="app.js">');
    const { body } = await get('/api/processes');
    expect(body.processes.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(['bbox_area', 'simulate_scene', '218']));
    expect((await get('/api/info')).body).toMatchObject({ server: h.demo.url, title: expect.any(String) });
  });

  it('gives each process a form model: derived schemas, x-ui order, widgets and advanced inputs', async () => {
    const scene = (await get('/api/processes/simulate_scene')).body;
    const bbox = scene.inputs.find((i: { name: string }) => i.name === 'bbox');
    expect(bbox).toMatchObject({ kind: 'literal', ui: { widget: 'map' }, schema: { type: 'array', minItems: 4, maxItems: 4 } });
    expect(scene.inputs.find((i: { name: string }) => i.name === 'resolution').ui).toEqual({ advanced: true });
    const l3b = (await get('/api/processes/218')).body;
    expect(l3b.inputs.map((i: { name: string }) => i.name)).toEqual(['start_date', 'end_date', 'geometry', 'indicator_name', 'site_extend']);
    expect(l3b.inputs[2].ui).toEqual({ widget: 'map', order: 20, format: 'wkt' });
    expect(l3b.inputs[3].ui).toMatchObject({ widget: 'radio', advanced: true });
    expect((await get('/api/processes/bbox_area')).body.inputs[0]).toMatchObject({ kind: 'bbox', required: true });
    expect((await get('/api/processes/no_such')).status).toBe(404);
  });

  it('shows the request a form makes and what is wrong with it, without running anything', async () => {
    const ok = await post('/api/processes/bbox_area/request', { arguments: { bbox: { bbox: [5, 45, 6, 46] } } });
    expect(ok.body).toEqual({ valid: true, problems: [], request: { process_id: 'bbox_area', inputs: { bbox: { bbox: [5, 45, 6, 46] } } } });
    const bad = await post('/api/processes/primes_between/request', { arguments: { max_val: 500 } });
    expect(bad.body.valid).toBe(false);
    expect(bad.body.problems.join(' ')).toMatch(/max_val/);
    const refused = await post('/api/processes/primes_between/execution', { arguments: { max_val: 500 } });
    expect(refused.status).toBe(400);
    expect(refused.body.problems.join(' ')).toMatch(/max_val/);
    expect((await get('/api/jobs')).body.jobs).toEqual([]);
  });

  it('runs a process, lists the job, reads its results and dismisses it', async () => {
    const started = await post('/api/processes/bbox_area/execution', { arguments: { bbox: { bbox: [0, 0, 1, 1] } } });
    expect(started.status).toBe(201);
    const jobId = started.body.job.jobID as string;
    await h.ctx.client.waitForJob(jobId, { timeoutMs: 5000 });
    expect((await get('/api/jobs')).body.jobs.map((j: { jobID: string }) => j.jobID)).toContain(jobId);
    const results = (await get(`/api/jobs/${jobId}/results`)).body;
    expect(results.results.area).toBeGreaterThan(12_000);
    expect(results.outputs.area).toMatchObject({ title: 'Area' });
    const removed = await fetch(url(`/api/jobs/${jobId}`), { method: 'DELETE' });
    expect(removed.status).toBe(200);
    expect((await get(`/api/jobs/${jobId}`)).status).toBe(404);
  });

  it('fetches linked result data through the bridge client, and only from the server it bridges', async () => {
    const started = await post('/api/processes/218/execution', {
      arguments: { start_date: '2025-01-01', end_date: '2025-01-02', geometry: 'POINT(5 45)' },
    });
    const jobId = started.body.job.jobID as string;
    await h.ctx.client.waitForJob(jobId, { timeoutMs: 5000 });
    const href = (await get(`/api/jobs/${jobId}/results`)).body.results.return_value as string;
    const linked = await get(`/api/link?href=${encodeURIComponent(href)}`);
    expect(linked.status).toBe(200);
    expect(linked.body.features[0].geometry).toEqual({ type: 'Point', coordinates: [5, 45] });
    expect((await get(`/api/link?href=${encodeURIComponent('https://example.org/data.json')}`)).status).toBe(403);
  });

  it('streams the job list as server-sent events', async () => {
    const events = await new Promise<string>((resolve, reject) => {
      const req = http.get(url('/api/jobs/events'), (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('event: jobs')) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', (e) => (e.message.includes('aborted') ? undefined : reject(e)));
    });
    expect(events).toMatch(/event: jobs\ndata: \{"jobs":\[/);
  });

  it('passes a basemap tile URL to the page and allows its origin for images only', async () => {
    const app = await startAppServer(h.ctx, { port: 0, tileUrl: 'https://tile.example.org/{z}/{x}/{y}.png' });
    try {
      const page = await fetch(app.url);
      expect(page.headers.get('content-security-policy')).toMatch(/img-src 'self' data: blob: https:\/\/tile\.example\.org;/);
      expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
      expect(await (await fetch(new URL('/api/info', app.url))).json()).toMatchObject({ tileUrl: 'https://tile.example.org/{z}/{x}/{y}.png' });
    } finally {
      await app.close();
    }
  });

  it('refuses other hosts, cross-site form posts and unknown paths', async () => {
    const status = (init: http.RequestOptions) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port: new URL(h.app.url).port, ...init }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await status({ path: '/api/info', headers: { host: 'attacker.example' } })).toBe(403);
    expect(await status({ path: '/api/info', headers: { origin: 'https://attacker.example' } })).toBe(403);
    expect((await post('/api/processes/bbox_area/execution', { arguments: {} }, 'text/plain')).status).toBe(415);
    expect((await get('/api/nothing')).status).toBe(404);
    expect((await fetch(url('/../../package.json'))).status).toBe(404);
  });
});
