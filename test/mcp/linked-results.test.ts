// Outputs given by reference, from a scripted OGC server (the demo server
// returns its PNG inline): a same-origin image link is fetched and shown as
// image content; a link to another origin is passed on, never fetched. The
// process offers sync execution only, so the bridge must not ask for async.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { encodeRgbPng } from '../../src/demo/png.js';
import { json, send, startFakeServer, type FakeServer } from '../ogc/fake-server.js';
import { bridgeOn, type ConnectedBridge } from './harness.js';

const FOREIGN = 'http://192.0.2.1/elsewhere.png';

describe('image outputs by reference', () => {
  let upstream: FakeServer;
  let bridge: ConnectedBridge;
  let png: Buffer;

  beforeAll(async () => {
    png = await encodeRgbPng(2, 2, new Uint8Array(12).fill(200));
    upstream = await startFakeServer();
    upstream.route('GET', '/processes', (_req, res) =>
      json(res, 200, { processes: [{ id: 'snapshot', version: '1.0', jobControlOptions: ['sync-execute'] }], links: [] }),
    );
    upstream.route('GET', '/processes/snapshot', (_req, res) =>
      json(res, 200, {
        id: 'snapshot',
        version: '1.0',
        title: 'Snapshot',
        jobControlOptions: ['sync-execute'],
        inputs: {},
        outputs: {
          picture: { schema: { type: 'string', contentMediaType: 'image/png' } },
          foreign: { schema: { type: 'string', contentMediaType: 'image/png' } },
        },
      }),
    );
    upstream.route('POST', '/processes/snapshot/execution', (_req, res) =>
      json(res, 200, {
        picture: { href: `${upstream.origin}/files/picture.png`, type: 'image/png' },
        foreign: { href: FOREIGN, type: 'image/png' },
      }),
    );
    upstream.route('GET', '/files/picture.png', (_req, res) => send(res, 200, png, 'image/png'));
    bridge = await bridgeOn(upstream.url, { level: 'error' });
  });
  afterAll(async () => {
    await bridge?.close();
    await upstream?.close();
  });

  it('fetches a same-origin image and passes a foreign link on untouched', async () => {
    const result = (await bridge.client.callTool({ name: 'snapshot', arguments: {} })) as CallToolResult;
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();

    const image = result.content.find((c) => c.type === 'image') as { data: string; mimeType: string } | undefined;
    expect(image?.mimeType).toBe('image/png');
    expect(Buffer.from(image!.data, 'base64').equals(png)).toBe(true);

    const link = result.content.find((c) => c.type === 'resource_link') as { uri: string } | undefined;
    expect(link?.uri).toBe(FOREIGN);

    const execute = upstream.requests.find((r) => r.method === 'POST');
    expect(execute?.headers.prefer).toBeUndefined();
    expect(upstream.requests.some((r) => r.path === '/files/picture.png')).toBe(true);
    expect(upstream.requests.some((r) => r.url.includes('elsewhere'))).toBe(false);
  });
});
