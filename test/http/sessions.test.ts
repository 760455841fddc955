// Sessions over Streamable HTTP: each has its own Server and stream, so two
// clients never see each other's progress or results; the pool is bounded in
// count (503) and in idle time; unknown sessions get 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import {
  callTool,
  connectClient,
  eventually,
  initializeBody,
  MCP_HEADERS,
  rawRequest,
  startInProcess,
  structured,
  type InProcess,
} from './helpers.js';

type Progress = { progress: number; total?: number };

function progressTokens(messages: JSONRPCMessage[]): unknown[] {
  return messages
    .filter((m) => 'method' in m && m.method === 'notifications/progress')
    .map((m) => (m as unknown as { params: { progressToken: unknown } }).params.progressToken);
}

describe('two concurrent HTTP sessions', () => {
  let srv: InProcess;
  beforeAll(async () => {
    srv = await startInProcess();
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('never see each other\'s progress or results', async () => {
    const a = await connectClient(srv.url, { name: 'a' });
    const b = await connectClient(srv.url, { name: 'b' });
    // Different request ids, hence different progress tokens, in the two sessions:
    // a notification that strayed into the other session would show up as a foreign token.
    await a.client.listTools();
    await b.client.ping();
    await b.client.listTools();
    const seenA: Progress[] = [];
    const seenB: Progress[] = [];
    const errorsA: Error[] = [];
    const errorsB: Error[] = [];
    a.client.onerror = (e) => void errorsA.push(e);
    b.client.onerror = (e) => void errorsB.push(e);

    const [ra, rb, pa, pb] = await Promise.all([
      callTool(a.client, 'sleep_a_while', { duration: 0.6 }, { onprogress: (p) => void seenA.push(p) }),
      callTool(b.client, 'sleep_a_while', { duration: 0.9 }, { onprogress: (p) => void seenB.push(p) }),
      callTool(a.client, 'primes_between', { min_val: 0, max_val: 10 }),
      callTool(b.client, 'primes_between', { min_val: 90, max_val: 100 }),
    ]);

    const jobA = structured<{ jobId: string }>(ra).jobId;
    const jobB = structured<{ jobId: string }>(rb).jobId;
    expect(jobA).toBeTruthy();
    expect(jobB).toBeTruthy();
    expect(jobA).not.toBe(jobB);
    expect(structured<{ outputs: { return_value: number[] } }>(pa).outputs.return_value).toEqual([2, 3, 5, 7]);
    expect(structured<{ outputs: { return_value: number[] } }>(pb).outputs.return_value).toEqual([97]);

    // Each saw its own progress, up to 100, and nothing it did not ask for.
    expect(seenA.at(-1)?.progress).toBe(100);
    expect(seenB.at(-1)?.progress).toBe(100);
    expect(errorsA).toEqual([]);
    expect(errorsB).toEqual([]);
    const tokensA = new Set(progressTokens(a.received));
    const tokensB = new Set(progressTokens(b.received));
    expect(tokensA.size).toBeGreaterThan(0);
    expect(tokensB.size).toBeGreaterThan(0);
    for (const t of tokensA) expect(tokensB.has(t)).toBe(false);

    // On the wire, neither session carried the other's job or primes.
    const wireA = JSON.stringify(a.received);
    const wireB = JSON.stringify(b.received);
    expect(wireA).toContain(jobA);
    expect(wireA).not.toContain(jobB);
    expect(wireB).toContain(jobB);
    expect(wireB).not.toContain(jobA);
    expect(wireA).not.toContain('[97]');
    expect(wireB).not.toContain('[2,3,5,7]');
    // Log lines made while serving a session still reach that session (the test logger is at debug).
    const logs = (messages: JSONRPCMessage[]) =>
      messages.filter((m) => 'method' in m && m.method === 'notifications/message').map((m) => JSON.stringify(m));
    expect(logs(a.received).some((l) => l.includes(`Started job ${jobA}`))).toBe(true);
    expect(logs(b.received).some((l) => l.includes(`Started job ${jobB}`))).toBe(true);

    await a.close();
    await b.close();
  });

  it('answers 404 for an unknown or ended session and 400 without a session', async () => {
    const c = await connectClient(srv.url);
    const sessionId = c.transport.sessionId!;
    const list = JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/list' });
    const headers = { ...MCP_HEADERS, 'MCP-Protocol-Version': '2025-11-25' };
    expect((await rawRequest(srv.url, { headers: { ...headers, 'Mcp-Session-Id': sessionId }, body: list })).status).toBe(200);
    expect((await rawRequest(srv.url, { headers: { ...headers, 'Mcp-Session-Id': 'no-such-session' }, body: list })).status).toBe(404);
    expect((await rawRequest(srv.url, { headers, body: list })).status).toBe(400);
    // DELETE ends it.
    await c.close();
    const after = await rawRequest(srv.url, { headers: { ...headers, 'Mcp-Session-Id': sessionId }, body: list });
    expect(after.status).toBe(404);
    expect(after.json().error.code).toBe(-32001);
  });
});

describe('session limits', () => {
  let srv: InProcess;
  beforeAll(async () => {
    srv = await startInProcess(['--max-sessions', '2', '--session-idle-seconds', '0.5']);
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('refuses a session past --max-sessions with 503, and takes one again once a session ends', async () => {
    const one = await connectClient(srv.url);
    const two = await connectClient(srv.url);
    const third = await rawRequest(srv.url, { headers: { ...MCP_HEADERS }, body: initializeBody() });
    expect(third.status).toBe(503);
    expect(third.headers['retry-after']).toBeDefined();
    expect(third.json().error.message).toMatch(/too many open sessions/);
    await expect(connectClient(srv.url)).rejects.toThrow(/503|too many/);
    // The open sessions still work.
    expect((await one.client.listTools()).tools.length).toBeGreaterThan(0);
    await one.close();
    const again = await connectClient(srv.url);
    expect((await again.client.ping())).toEqual({});
    await again.close();
    await two.close();
  });

  it('closes a session left without requests for --session-idle-seconds', async () => {
    const init = await rawRequest(srv.url, { headers: { ...MCP_HEADERS }, body: initializeBody() });
    const sessionId = init.headers['mcp-session-id'] as string;
    expect(sessionId).toBeTruthy();
    await eventually(async () => (srv.log().includes(`HTTP session ${sessionId.slice(0, 8)} closed after`) ? true : undefined));
    const list = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    const reply = await rawRequest(srv.url, { headers: { ...MCP_HEADERS, 'Mcp-Session-Id': sessionId, 'MCP-Protocol-Version': '2025-11-25' }, body: list });
    expect(reply.status).toBe(404);
  });

  it('never closes a session for idleness while a call runs in it', async () => {
    // No GET stream: only the call in flight keeps the session from being idle.
    const c = await connectClient(srv.url, { noGetStream: true });
    // The job runs longer than the idle time; closing the session would abort the call.
    const result = await callTool(c.client, 'sleep_a_while', { duration: 1.5 });
    expect(result.isError).toBeFalsy();
    expect(structured<{ status: string }>(result).status).toBe('successful');
    expect(srv.log()).not.toContain(`HTTP session ${c.transport.sessionId!.slice(0, 8)} closed after`);
    expect((await c.client.ping())).toEqual({});
    await c.close();
  });
});
