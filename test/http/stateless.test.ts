// --stateless: a Server per request, closed once it has answered; no session
// ids, no GET stream; calls, progress and jobs work as with sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callTool, connectClient, eventually, initializeBody, MCP_HEADERS, rawRequest, startInProcess, structured, type InProcess } from './helpers.js';

describe('the HTTP transport with --stateless', () => {
  let srv: InProcess;
  beforeAll(async () => {
    srv = await startInProcess(['--stateless']);
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('lists tools and runs a call for an SDK client, without a session id', async () => {
    const c = await connectClient(srv.url);
    expect(c.transport.sessionId).toBeUndefined();
    const tools = (await c.client.listTools()).tools.map((t) => t.name);
    expect(tools).toContain('primes_between');
    expect(tools).toContain('get_job');
    const result = await callTool(c.client, 'primes_between', { min_val: 10, max_val: 30 });
    expect(structured<{ outputs: { return_value: number[] } }>(result).outputs.return_value).toEqual([11, 13, 17, 19, 23, 29]);
    await c.close();
  });

  it('streams progress in the response of the call, and follows a job from another request', async () => {
    const c = await connectClient(srv.url);
    const seen: number[] = [];
    const done = await callTool(c.client, 'sleep_a_while', { duration: 0.5 }, { onprogress: (p) => void seen.push(p.progress) });
    expect(structured<{ status: string }>(done).status).toBe('successful');
    expect(seen.at(-1)).toBe(100);
    // Jobs live upstream: any request (any instance) can follow them by id.
    const started = await callTool(c.client, 'execute_process', { process_id: 'primes_between', inputs: { min_val: 2, max_val: 3 }, wait_seconds: 0 });
    const { jobId } = structured<{ jobId: string }>(started);
    await eventually(async () => (structured<{ status: string }>(await callTool(c.client, 'get_job', { job_id: jobId })).status === 'successful' ? true : undefined));
    const results = await callTool(c.client, 'get_job_results', { job_id: jobId });
    expect(structured<{ outputs: { return_value: number[] } }>(results).outputs.return_value).toEqual([2, 3]);
    await c.close();
  });

  it('keeps no Server once the answers are sent', async () => {
    const c = await connectClient(srv.url);
    await c.client.listTools();
    await callTool(c.client, 'primes_between', { min_val: 0, max_val: 5 });
    await c.close();
    await eventually(async () => (srv.openServers() === 0 ? true : undefined));
    expect(srv.openServers()).toBe(0);
  });

  it('gives no session id and answers GET and DELETE with 405', async () => {
    const init = await rawRequest(srv.url, { headers: { ...MCP_HEADERS }, body: initializeBody() });
    expect(init.status).toBe(200);
    expect(init.headers['mcp-session-id']).toBeUndefined();
    const get = await rawRequest(srv.url, { method: 'GET', headers: { Accept: 'text/event-stream' } });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect((await rawRequest(srv.url, { method: 'DELETE' })).status).toBe(405);
  });
});
