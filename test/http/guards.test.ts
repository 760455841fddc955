// What every request to /mcp passes before the MCP layer: Host and Origin
// (403), the bearer token (401), the body size bound (413); and /healthz,
// which needs none of them and tells nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestGuard, splitHostHeader } from '../../src/mcp/transports/http-guards.js';
import { connectClient, initializeBody, MCP_HEADERS, rawRequest, startInProcess, type InProcess } from './helpers.js';

const TOKEN = 'team-token-8f3a1c5e9b';
const AUTH = { Authorization: `Bearer ${TOKEN}` };

describe('Host and Origin checks, token and body limit of the HTTP transport', () => {
  let srv: InProcess;
  beforeAll(async () => {
    srv = await startInProcess(
      ['--allowed-hosts', 'mcp.example.org,gw.example.org:8443', '--allowed-origins', 'https://app.example.org', '--max-body-bytes', '4096'],
      { MCP_HTTP_TOKEN: TOKEN },
    );
  });
  afterAll(async () => {
    await srv?.close();
  });
  const post = (headers: Record<string, string>, body = initializeBody()) => rawRequest(srv.url, { headers: { ...MCP_HEADERS, ...headers }, body });

  it('opens a session for a request with a loopback Host, no Origin and the token', async () => {
    const reply = await post(AUTH);
    expect(reply.status).toBe(200);
    expect(reply.headers['mcp-session-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['a foreign Host', { Host: 'evil.example.com' }],
    ['a name that only starts like loopback', { Host: 'localhost.evil.example.com:3000' }],
    ['an allowed name on another port than the one listed', { Host: 'gw.example.org:9000' }],
    ['a foreign Origin', { Origin: 'http://evil.example.com' }],
    ['an Origin that is not a URL', { Origin: 'null' }],
    ['an allowed Origin over another scheme', { Origin: 'http://app.example.org' }],
  ])('refuses %s with 403, before looking at the token', async (_, headers) => {
    const reply = await post({ ...AUTH, ...headers });
    expect(reply.status).toBe(403);
    expect(reply.json().error.message).toMatch(/^Forbidden/);
    // 403 comes first: even without a token the answer is 403, not 401.
    expect((await post(headers)).status).toBe(403);
  });

  it.each([
    ['a listed Host on any port', { Host: 'mcp.example.org:443' }],
    ['a listed Host:port', { Host: 'GW.example.org:8443' }],
    ['an IPv6 loopback Host', { Host: '[::1]:3000' }],
    ['a loopback Origin (loopback bind)', { Origin: 'http://localhost:6274' }],
    ['a listed Origin', { Origin: 'https://app.example.org' }],
  ])('accepts %s', async (_, headers) => {
    expect((await post({ ...AUTH, ...headers })).status).toBe(200);
  });

  it('refuses a request without the token with 401 and a Bearer challenge', async () => {
    const reply = await post({});
    expect(reply.status).toBe(401);
    expect(reply.headers['www-authenticate']).toBe('Bearer realm="ogc-processes-mcp"');
    expect(reply.json().error.message).toMatch(/^Unauthorized/);
  });

  it.each([
    ['a wrong token', `Bearer ${TOKEN}x`],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, 6)}`],
    ['another scheme', `Basic ${Buffer.from(`u:${TOKEN}`).toString('base64')}`],
  ])('refuses %s with 401 invalid_token or a challenge', async (_, authorization) => {
    const reply = await post({ Authorization: authorization });
    expect(reply.status).toBe(401);
    expect(reply.headers['www-authenticate']).toMatch(/^Bearer realm="ogc-processes-mcp"/);
    expect(reply.text).not.toContain(TOKEN);
  });

  it('asks for the token on every request, not only the first', async () => {
    const init = await post(AUTH);
    const sessionId = init.headers['mcp-session-id'] as string;
    const list = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    const withoutToken = await post({ 'Mcp-Session-Id': sessionId, 'MCP-Protocol-Version': '2025-11-25' }, list);
    expect(withoutToken.status).toBe(401);
    const del = await rawRequest(srv.url, { method: 'DELETE', headers: { 'Mcp-Session-Id': sessionId } });
    expect(del.status).toBe(401);
    const get = await rawRequest(srv.url, { method: 'GET', headers: { 'Mcp-Session-Id': sessionId, Accept: 'text/event-stream' } });
    expect(get.status).toBe(401);
  });

  it('lets an SDK client in with the token, and not without it', async () => {
    const ok = await connectClient(srv.url, { token: TOKEN });
    expect((await ok.client.listTools()).tools.map((t) => t.name)).toContain('get_job');
    await ok.close();
    await expect(connectClient(srv.url)).rejects.toThrow(/401|Unauthorized/);
    await expect(connectClient(srv.url, { token: 'not-the-token' })).rejects.toThrow(/401|Unauthorized/);
  });

  it('answers 413 to a body over --max-body-bytes, declared or streamed', async () => {
    const big = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping', params: { pad: 'x'.repeat(5000) } });
    const declared = await post(AUTH, big);
    expect(declared.status).toBe(413);
    expect(declared.json().error.message).toMatch(/Payload Too Large.*4096 bytes/);
    const streamed = await rawRequest(srv.url, { headers: { ...MCP_HEADERS, ...AUTH }, body: big, chunked: true });
    expect(streamed.status).toBe(413);
    // Just under the bound is fine.
    const small = initializeBody().padEnd(4000, ' ');
    expect((await post(AUTH, small)).status).toBe(200);
  });

  it('answers 400 with a JSON-RPC parse error to a body that is not JSON', async () => {
    const reply = await post(AUTH, '{"jsonrpc": "2.0", ');
    expect(reply.status).toBe(400);
    expect(reply.json().error.code).toBe(-32700);
  });

  it('serves /healthz without the token and tells nothing else', async () => {
    const reply = await rawRequest(srv.url, { method: 'GET', path: '/healthz', headers: { Host: 'anything.example' } });
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ status: 'ok' });
    expect((await rawRequest(srv.url, { method: 'POST', path: '/healthz', body: '{}' })).status).toBe(405);
  });

  it('answers 404 for other paths (after the checks) and 405 for other methods', async () => {
    expect((await rawRequest(srv.url, { method: 'GET', path: '/other' })).status).toBe(401);
    expect((await rawRequest(srv.url, { method: 'GET', path: '/other', headers: AUTH })).status).toBe(404);
    const put = await rawRequest(srv.url, { method: 'PUT', headers: { ...MCP_HEADERS, ...AUTH }, body: '{}' });
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('POST, GET, DELETE');
  });

  it('logs refusals without the token or anything sent', async () => {
    await post({ Authorization: `Bearer wrong-${TOKEN}` });
    const log = srv.log();
    expect(log).toMatch(/Refused POST \/mcp from [^:]+.*wrong bearer token \(401\)/);
    expect(log).toMatch(/Host not allowed \(403\)/);
    expect(log).not.toContain(TOKEN);
    expect(log).not.toContain('evil.example.com');
  });
});

describe('createRequestGuard', () => {
  const req = (headers: Record<string, string>) => ({ headers }) as never;

  it('accepts loopback names and the bound address for a wildcard bind, and only those', () => {
    const guard = createRequestGuard({ bindHost: '0.0.0.0', allowedHosts: [], allowedOrigins: [] });
    expect(guard(req({ host: 'localhost:3000' }))).toBeUndefined();
    expect(guard(req({ host: '127.0.0.1:3000' }))).toBeUndefined();
    expect(guard(req({ host: '10.1.2.3:3000' }))?.status).toBe(403);
    // A loopback Origin is a page on the user's own machine, not one this server serves.
    expect(guard(req({ host: 'localhost:3000', origin: 'http://localhost:8080' }))?.status).toBe(403);
    const specific = createRequestGuard({ bindHost: '10.1.2.3', allowedHosts: [], allowedOrigins: [] });
    expect(specific(req({ host: '10.1.2.3:3000' }))).toBeUndefined();
  });

  it('turns the checks off only when told to with *', () => {
    const open = createRequestGuard({ bindHost: '0.0.0.0', allowedHosts: ['*'], allowedOrigins: ['*'] });
    expect(open(req({ host: 'mcp.internal:80', origin: 'https://anything.example' }))).toBeUndefined();
  });

  it('refuses a missing or malformed Host', () => {
    const guard = createRequestGuard({ bindHost: '127.0.0.1', allowedHosts: [], allowedOrigins: [] });
    expect(guard(req({}))?.status).toBe(403);
    expect(guard(req({ host: 'local host' }))?.status).toBe(403);
    expect(splitHostHeader('[::1]:80')).toEqual({ name: '::1', port: '80' });
    expect(splitHostHeader('Example.ORG')).toEqual({ name: 'example.org' });
  });

  it('compares tokens whole', () => {
    const guard = createRequestGuard({ bindHost: '127.0.0.1', allowedHosts: [], allowedOrigins: [], token: 'abcdef123' });
    const host = { host: 'localhost' };
    expect(guard(req({ ...host, authorization: 'Bearer abcdef123' }))).toBeUndefined();
    expect(guard(req({ ...host, authorization: 'bearer   abcdef123' }))).toBeUndefined();
    expect(guard(req({ ...host, authorization: 'Bearer abcdef1234' }))?.status).toBe(401);
    expect(guard(req({ ...host, authorization: 'Bearer abcdef12' }))?.status).toBe(401);
    expect(guard(req({ ...host, authorization: 'Bearer' }))?.status).toBe(401);
  });
});
