// A server without GET /jobs (it is optional): the app still lists and follows
// the jobs it started, reading each one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../../src/app/server.js';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { closeBridgeContext, type BridgeContext } from '../../src/mcp/context.js';
import { startFaultServer, type FaultServer } from '../support/fault-server.js';
import { contextFor } from '../mcp/harness.js';

describe('web app on a server without a job list', () => {
  let demo: DemoServer;
  let proxy: FaultServer;
  let ctx: BridgeContext;
  let app: AppServer;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0, host: '127.0.0.1' });
    proxy = await startFaultServer({ proxyTo: demo.url });
    proxy.inject('GET', /^\/jobs\/?(\?.*)?$/, { kind: 'respond', status: 404, body: '{"title":"Not Found"}', contentType: 'application/json' }, { times: Infinity });
    ctx = contextFor(proxy.url, { level: 'error' });
    app = await startAppServer(ctx, { port: 0 });
  });
  afterAll(async () => {
    await app?.close();
    if (ctx) await closeBridgeContext(ctx);
    await proxy?.close();
    await demo?.close();
  });

  it('lists the jobs started here', async () => {
    const list = async () => (await fetch(new URL('/api/jobs', app.url))).json() as Promise<{ jobs?: { jobID: string }[]; error?: string }>;
    expect((await fetch(new URL('/api/jobs', app.url))).status).toBe(404);
    const started = await fetch(new URL('/api/processes/bbox_area/execution', app.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ arguments: { bbox: { bbox: [0, 0, 1, 1] } } }),
    });
    const { job } = (await started.json()) as { job: { jobID: string } };
    expect((await list()).jobs?.map((j) => j.jobID)).toEqual([job.jobID]);
  });
});
