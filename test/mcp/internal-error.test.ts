// A failure inside the bridge (a bug, not the OGC server) is not blamed on the
// server: the result says it is internal and that a job may have started, and
// the operator's log has the stack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { json, startFakeServer, type FakeServer } from '../ogc/fake-server.js';
import { bridgeOn, textOf, type ConnectedBridge } from './harness.js';

describe('an exception that is not an OGC error', () => {
  let upstream: FakeServer;
  let bridge: ConnectedBridge;
  const lines: string[] = [];

  beforeAll(async () => {
    upstream = await startFakeServer();
    upstream.route('GET', '/processes', (_req, res) => json(res, 200, { processes: [], links: [] }));
    bridge = await bridgeOn(upstream.url, { level: 'error', write: (line) => lines.push(line) });
    await bridge.ctx.catalog.ready();
  });
  afterAll(async () => {
    await bridge?.close();
    await upstream?.close();
  });

  it('is reported as an internal error of the bridge, with the stack in the log', async () => {
    bridge.ctx.catalog.allEntries = () => {
      throw new TypeError('boom is not a function');
    };
    const result = (await bridge.client.callTool({ name: 'list_processes', arguments: {} })) as CallToolResult;
    expect(result.isError).toBe(true);
    const text = textOf(result);
    expect(text).toBe('Internal error in the bridge while running list_processes: boom is not a function. A job may have started (list_jobs shows it).');
    expect(text).not.toMatch(/OGC server/);
    const logged = lines.join('');
    expect(logged).toContain('error: Internal error while running list_processes: TypeError: boom is not a function');
    expect(logged).toMatch(/\n\s+at /);
  });
});
