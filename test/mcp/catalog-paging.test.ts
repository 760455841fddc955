// A server that pages its process list (a `next` link per page) still gets a
// tool for every process: the catalog reads every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startFakeServer, type FakeServer } from '../ogc/fake-server.js';
import { bridgeOn, type ConnectedBridge } from './harness.js';

const description = (id: string) => ({
  id,
  version: '1.0.0',
  title: `Process ${id}`,
  jobControlOptions: ['sync-execute'],
  inputs: { x: { schema: { type: 'number' } } },
  outputs: { y: { schema: { type: 'number' } } },
});

describe('a paged process list', () => {
  let upstream: FakeServer;
  let bridge: ConnectedBridge;

  beforeAll(async () => {
    upstream = await startFakeServer();
    const pages: Record<string, string[]> = { '1': ['alpha', 'beta'], '2': ['gamma'], '3': ['delta'] };
    upstream.route('GET', '/processes', (req, res) => {
      const page = req.query.get('page') ?? '1';
      const next = pages[String(Number(page) + 1)] ? [{ href: `processes?page=${Number(page) + 1}`, rel: 'next' }] : [];
      json(res, 200, { processes: pages[page]!.map((id) => ({ id, version: '1.0.0' })), links: next });
    });
    for (const id of Object.values(pages).flat()) {
      upstream.route('GET', `/processes/${id}`, (_req, res) => json(res, 200, description(id)));
    }
    bridge = await bridgeOn(upstream.url, { level: 'error' });
    await bridge.ctx.catalog.ready();
  });
  afterAll(async () => {
    await bridge?.close();
    await upstream?.close();
  });

  it('offers a tool for the processes of every page', async () => {
    const names = (await bridge.client.listTools()).tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['alpha', 'beta', 'gamma', 'delta']));
  });
});
