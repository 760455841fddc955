// fetchLink and redirects: credentials go only to the server's own origin,
// other origins are refused unless allowed, and then get no credentials.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OgcClient } from '../../src/ogc/client.js';
import { OgcApiError, OgcLinkRefusedError, OgcResponseError } from '../../src/ogc/errors.js';
import { json, send, startFakeServer, type FakeServer } from './fake-server.js';

let server: FakeServer;
let elsewhere: FakeServer;
let client: OgcClient;

const AUTH = { type: 'bearer', token: 'link-test-token' } as const;

beforeEach(async () => {
  server = await startFakeServer();
  elsewhere = await startFakeServer();
  client = new OgcClient({ baseUrl: `${server.origin}/ogc/`, auth: AUTH, headers: { 'X-Tenant': 'tenant-42' } });
});

afterEach(async () => {
  await client.close();
  await server.close();
  await elsewhere.close();
});

describe('fetchLink', () => {
  it('fetches a link on the server’s origin with credentials, absolute or relative', async () => {
    const tiff = Buffer.from([73, 73, 42, 0, 1, 2, 3]);
    server.route('GET', '/ogc/jobs/j/out.tif', (_req, res) => send(res, 200, tiff, 'image/tiff'));
    const absolute = await client.fetchLink(`${server.origin}/ogc/jobs/j/out.tif`);
    const relative = await client.fetchLink('jobs/j/out.tif', { accept: 'image/tiff' });
    for (const fetched of [absolute, relative]) {
      expect(fetched.contentType).toBe('image/tiff');
      expect(fetched.body.equals(tiff)).toBe(true);
    }
    expect(server.requests[0]?.headers.authorization).toBe('Bearer link-test-token');
    expect(server.requests[0]?.headers['x-tenant']).toBe('tenant-42');
    expect(server.requests[0]?.headers.accept).toBe('*/*');
    expect(server.requests[1]?.headers.accept).toBe('image/tiff');
  });

  it('refuses a link to another origin, without sending anything there', async () => {
    elsewhere.route('GET', '/data.nc', (_req, res) => send(res, 200, 'x', 'application/x-netcdf'));
    const error = await client.fetchLink(`${elsewhere.origin}/data.nc`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OgcLinkRefusedError);
    expect((error as Error).message).toBe(
      `link to ${elsewhere.origin} refused: only the server's origin and allowedLinkOrigins may be fetched`,
    );
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('fetches from an allowed origin, without credentials or configured headers', async () => {
    const allowing = new OgcClient({
      baseUrl: server.url,
      auth: { type: 'api-key', key: 'link-test-key' },
      headers: { 'X-Tenant': 'tenant-42' },
      allowedLinkOrigins: [`${elsewhere.origin}/any/path`],
    });
    elsewhere.route('GET', '/data.nc', (_req, res) => send(res, 200, 'netcdf', 'application/x-netcdf'));
    const fetched = await allowing.fetchLink(`${elsewhere.origin}/data.nc`);
    await allowing.close();
    expect(fetched.body.toString()).toBe('netcdf');
    const headers = elsewhere.requests[0]!.headers;
    expect(headers['x-api-key']).toBeUndefined();
    expect(headers.authorization).toBeUndefined();
    expect(headers['x-tenant']).toBeUndefined();
    expect(headers['user-agent']).toMatch(/^ogc-processes-mcp\//);
  });

  it.each(['file:///etc/passwd', 'data:text/plain,hi', 'ftp://127.0.0.1/x'])('refuses a %s link', async (href) => {
    await expect(client.fetchLink(href)).rejects.toBeInstanceOf(OgcLinkRefusedError);
  });

  it('caps the body at maxBytes', async () => {
    server.route('GET', '/ogc/big', (_req, res) => send(res, 200, Buffer.alloc(4096), 'application/octet-stream'));
    const error = await client.fetchLink('big', { maxBytes: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OgcResponseError);
    expect((error as OgcResponseError).reason).toBe('too-large');
  });

  it('reports an error status as OgcApiError', async () => {
    const error = await client.fetchLink('missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OgcApiError);
    expect((error as OgcApiError).status).toBe(404);
  });

  it('refuses a redirect to a foreign origin, follows one to an allowed origin without credentials', async () => {
    server.route('GET', '/ogc/moved', (_req, res) => send(res, 302, '', undefined, { location: `${elsewhere.origin}/file` }));
    elsewhere.route('GET', '/file', (_req, res) => send(res, 200, 'content', 'text/plain'));
    await expect(client.fetchLink('moved')).rejects.toBeInstanceOf(OgcLinkRefusedError);
    expect(elsewhere.requests).toHaveLength(0);

    const allowing = new OgcClient({ baseUrl: server.url, auth: AUTH, allowedLinkOrigins: [elsewhere.origin] });
    server.route('GET', '/moved', (_req, res) => send(res, 302, '', undefined, { location: `${elsewhere.origin}/file` }));
    const fetched = await allowing.fetchLink('moved');
    await allowing.close();
    expect(fetched.body.toString()).toBe('content');
    expect(elsewhere.requests[0]?.headers.authorization).toBeUndefined();
  });
});

describe('redirects of API requests', () => {
  it('follows a same-origin redirect with credentials', async () => {
    server.route('GET', '/ogc/processes', (_req, res) => send(res, 301, '', undefined, { location: '/ogc/processes/' }));
    server.route('GET', '/ogc/processes/', (_req, res) => json(res, 200, { processes: [], links: [] }));
    expect((await client.getProcesses()).processes).toEqual([]);
    expect(server.requests.map((r) => [r.path, r.headers.authorization])).toEqual([
      ['/ogc/processes', 'Bearer link-test-token'],
      ['/ogc/processes/', 'Bearer link-test-token'],
    ]);
  });

  it('drops credentials when a redirect leaves the origin', async () => {
    server.route('GET', '/ogc/conformance', (_req, res) => send(res, 307, '', undefined, { location: `${elsewhere.origin}/conformance` }));
    elsewhere.route('GET', '/conformance', (_req, res) => json(res, 200, { conformsTo: ['x'] }));
    expect((await client.getConformance()).conformsTo).toEqual(['x']);
    expect(elsewhere.requests[0]?.headers.authorization).toBeUndefined();
    expect(elsewhere.requests[0]?.headers['x-tenant']).toBeUndefined();
  });

  it('gives up on a redirect loop', async () => {
    server.route('GET', '/ogc/', (_req, res) => send(res, 302, '', undefined, { location: '/ogc/' }));
    const error = await client.getCapabilities().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OgcResponseError);
    expect((error as Error).message).toBe('GET /ogc/: more than 5 redirects');
  });
});
