// A job that was started but cannot be followed (the status endpoint fails)
// is reported with its id, so the model can follow it up instead of starting
// it again. Scripted OGC server: the demo server has no such fault.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { json, startFakeServer, type FakeServer } from '../ogc/fake-server.js';
import { bridgeOn, textOf, type ConnectedBridge } from './harness.js';

describe('a started job whose status cannot be read', () => {
  let upstream: FakeServer;
  let bridge: ConnectedBridge;

  beforeAll(async () => {
    upstream = await startFakeServer();
    upstream.route('GET', '/processes', (_req, res) => json(res, 200, { processes: [{ id: 'slow', version: '1', jobControlOptions: ['async-execute'] }], links: [] }));
    upstream.route('GET', '/processes/slow', (_req, res) =>
      json(res, 200, { id: 'slow', version: '1', jobControlOptions: ['async-execute'], inputs: {}, outputs: { result: { schema: { type: 'number' } } } }),
    );
    upstream.route('POST', '/processes/slow/execution', (_req, res) =>
      json(res, 201, { jobID: 'job-7', status: 'accepted' }, { location: `${upstream.origin}/jobs/job-7` }),
    );
    upstream.route('GET', '/jobs/job-7', (_req, res) => json(res, 500, { title: 'Internal Server Error', detail: 'status store unavailable' }));
    bridge = await bridgeOn(upstream.url, { level: 'error' });
  });
  afterAll(async () => {
    await bridge?.close();
    await upstream?.close();
  });

  it('is an error that names the job and how to follow it, and the call is not retried', async () => {
    const result = (await bridge.client.callTool({ name: 'slow', arguments: {} })) as CallToolResult;
    expect(result.isError).toBe(true);
    const text = textOf(result);
    expect(text).toMatch(/Job job-7 of process "slow" was started/);
    expect(text).toContain('status store unavailable');
    expect(text).toContain('get_job {"job_id":"job-7"}');
    expect(upstream.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});
