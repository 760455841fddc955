// One call about an unknown process against a server whose process list
// fails looks at the server once (one refresh, its retries included), not
// once per layer; and calls right after it do not look again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { json, startFakeServer, type FakeServer } from '../ogc/fake-server.js';
import { bridgeOn, textOf, type ConnectedBridge } from './harness.js';

describe('an unknown process id while the process list fails', () => {
  let upstream: FakeServer;
  let bridge: ConnectedBridge;
  const listRequests = () => upstream.requests.filter((r) => r.method === 'GET' && r.path === '/processes').length;

  beforeAll(async () => {
    upstream = await startFakeServer();
    upstream.route('GET', '/processes', (_req, res) =>
      json(res, 503, { title: 'Service Unavailable', status: 503 }, { 'retry-after': '0' }),
    );
    bridge = await bridgeOn(upstream.url, { level: 'error' });
    await bridge.ctx.catalog.ready();
  });
  afterAll(async () => {
    await bridge?.close();
    await upstream?.close();
  });

  it('costs one refresh of the process list, and the next call within the minimum interval none', async () => {
    // The start-up load: one refresh, whatever number of attempts the client makes.
    const perRefresh = listRequests();
    expect(perRefresh).toBeGreaterThan(0);
    // Past the on-demand minimum interval (1 s), so the call below may refresh.
    await new Promise((resolve) => setTimeout(resolve, 1100));

    const result = (await bridge.client.callTool({ name: 'describe_process', arguments: { process_id: 'nope' } })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/503|unavailable/i);
    expect(listRequests()).toBe(2 * perRefresh);

    const listed = (await bridge.client.callTool({ name: 'list_processes', arguments: {} })) as CallToolResult;
    expect(listed.isError).toBe(true);
    expect(listRequests()).toBe(2 * perRefresh);
  });
});
