// Both protocol eras on one HTTP endpoint of the built CLI: a v1 SDK client
// (2025-11-25, a session) and a v2 SDK client pinned to 2026-07-28 (no
// session: a Server per request, progress and logs on the request's own
// response stream, cancellation by closing that stream).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { UI_RESOURCE_URI } from '../../src/mcp/app-resource.js';
import { UI_EXTENSION } from '../app/mcp-session.js';
import { connectEraClient, ERAS, type EraClient } from '../e2e/era-client.js';
import { callTool, eventually, rawRequest, startHttpCli, startInProcess, structured, textOf, type HttpCli } from './helpers.js';

const TOKEN = 'eras-test-token-0123';
const AUTH = { Authorization: `Bearer ${TOKEN}` };

interface DemoJob {
  jobID: string;
  status: string;
  processID?: string;
}

describe('one HTTP endpoint, both protocol eras', () => {
  let demo: DemoServer;
  let cli: HttpCli;
  const jobs = async (): Promise<DemoJob[]> => ((await (await fetch(`${demo.url}jobs?limit=1000`)).json()) as { jobs: DemoJob[] }).jobs;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    cli = await startHttpCli(['--server-url', demo.url, '--log-level', 'debug'], { MCP_HTTP_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await cli?.stop();
    await demo?.close();
  });

  describe.each(ERAS)('%s client', (era) => {
    let client: EraClient;
    beforeAll(async () => {
      client = await connectEraClient(era, { kind: 'http', url: cli.url, headers: AUTH }, `eras-${era}`);
    });
    afterAll(async () => {
      await client?.close();
    });

    it('speaks its own protocol version', () => {
      expect(client.protocolVersion).toBe(era === 'modern' ? '2026-07-28' : '2025-11-25');
    });

    it('lists the tools in a stable order: the fixed tools, then the process tools by name', async () => {
      const first = (await client.listTools()).tools.map((t) => t.name);
      const second = (await client.listTools()).tools.map((t) => t.name);
      expect(second).toEqual(first);
      expect(first.slice(0, 3)).toEqual(['get_server_info', 'list_processes', 'describe_process']);
      const processTools = first.slice(8);
      expect(processTools).toContain('primes_between');
      expect(processTools).toEqual([...processTools].sort());
    });

    it('calls a process tool and gets its outputs; a bad argument is an isError result', async () => {
      const result = await callTool(client, 'primes_between', { min_val: 10, max_val: 20 });
      expect(result.isError, textOf(result)).toBeFalsy();
      expect(structured<{ outputs: { return_value: number[] } }>(result).outputs.return_value).toEqual([11, 13, 17, 19]);
      const bad = await callTool(client, 'primes_between', { min_val: 'ten', max_val: 20 });
      expect(bad.isError).toBe(true);
      expect(textOf(bad)).toMatch(/"min_val".*integer/);
    });

    it('sends increasing progress and the log lines of the call on its response stream', async () => {
      const seen: number[] = [];
      const before = client.logs.length;
      const result = await callTool(client, 'sleep_a_while', { duration: 1.5 }, { onprogress: (p) => void seen.push(p.progress), logLevel: 'debug' });
      expect(structured<{ status: string }>(result).status).toBe('successful');
      expect(seen.length).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThan(seen[i - 1]!);
      const lines = client.logs.slice(before).map((l) => String(l.data));
      expect(lines.some((l) => /Started job \S+ of process "sleep_a_while"/.test(l)), lines.join('\n')).toBe(true);
    });

    it('dismisses the job of a call it cancels', async () => {
      const before = new Set((await jobs()).map((j) => j.jobID));
      const controller = new AbortController();
      const call = callTool(client, 'sleep_a_while', { duration: 60 }, { signal: controller.signal, onprogress: () => controller.abort('user gave up') });
      await expect(call).rejects.toThrow();
      const dismissed = await eventually(async () => {
        const fresh = (await jobs()).filter((j) => !before.has(j.jobID) && j.processID === 'sleep_a_while');
        return fresh.length === 1 && fresh[0]!.status === 'dismissed' ? fresh[0] : undefined;
      });
      expect(dismissed.status).toBe('dismissed');
    });
  });

  it('serves a 2026-07-28 request without a session, and refuses one without the token', async () => {
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'server/discover',
      params: { _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientCapabilities': {} } },
    });
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', 'MCP-Protocol-Version': '2026-07-28', 'Mcp-Method': 'server/discover' };
    const ok = await rawRequest(cli.url, { headers: { ...headers, ...AUTH }, body });
    expect(ok.status).toBe(200);
    expect(ok.headers['mcp-session-id']).toBeUndefined();
    expect(ok.json().result).toMatchObject({ supportedVersions: ['2026-07-28'], capabilities: { tools: { listChanged: true } } });
    expect((await rawRequest(cli.url, { headers, body })).status).toBe(401);
  });
});

describe('shutting down with a 2026-07-28 call in flight', () => {
  it('lets the call answer within the grace period', async () => {
    const cli = await startHttpCli(['--demo']);
    const client = await connectEraClient('modern', { kind: 'http', url: cli.url });
    let signalled = false;
    const result = await callTool(client, 'sleep_a_while', { duration: 1 }, {
      onprogress: () => {
        if (!signalled) {
          signalled = true;
          cli.child.kill('SIGTERM');
        }
      },
    });
    expect(signalled).toBe(true);
    expect(structured<{ status: string }>(result).status).toBe('successful');
    expect(await cli.exited).toBe(0);
    await client.close();
  });

  it('past the grace period cuts the stream without dismissing the job (a cut while stopping is no cancellation)', async () => {
    const demo = await startDemoServer({ port: 0 });
    try {
      const cli = await startHttpCli(['--server-url', demo.url, '--shutdown-grace-seconds', '0.2', '--log-level', 'debug']);
      const client = await connectEraClient('modern', { kind: 'http', url: cli.url });
      let signalled = false;
      const call = callTool(client, 'sleep_a_while', { duration: 20 }, {
        onprogress: () => {
          if (!signalled) {
            signalled = true;
            cli.child.kill('SIGTERM');
          }
        },
      });
      expect(await cli.exited).toBe(0);
      await client.close();
      await expect(call).rejects.toThrow();
      expect(cli.stderr()).toMatch(/1 call\(s\) still running after 0\.2 s; their jobs go on on the OGC server/);
      expect(cli.stderr()).not.toContain('dismissed job');
      const listing = (await (await fetch(`${demo.url}jobs?processID=sleep_a_while`)).json()) as { jobs: { jobID: string; status: string }[] };
      expect(listing.jobs).toHaveLength(1);
      expect(listing.jobs[0]!.status).toBe('running');
    } finally {
      await demo.close();
    }
  });
});

describe('the MCP App for a client that declares io.modelcontextprotocol/ui, in each era', () => {
  it.each(ERAS)('links the view from the process tools and serves it (%s client)', async (era) => {
    const srv = await startInProcess([]);
    const client = await connectEraClient(era, { kind: 'http', url: srv.url }, `app-${era}`, { extensions: UI_EXTENSION });
    try {
      // 2026-07-28 clients declare capabilities in every request, not once: they are read per request.
      const { tools } = await client.listTools();
      const primes = tools.find((t) => t.name === 'primes_between');
      expect((primes?._meta?.ui as { resourceUri?: string } | undefined)?.resourceUri).toBe(UI_RESOURCE_URI);
      expect((await client.listResources()).resources.map((r) => r.uri)).toEqual([UI_RESOURCE_URI]);
      const read = await client.readResource({ uri: UI_RESOURCE_URI });
      expect(read.contents[0]).toMatchObject({ mimeType: 'text/html;profile=mcp-app' });
    } finally {
      await client.close();
      await srv.close();
    }
  });
});

describe('--stateless, both eras', () => {
  it('serves a 2025-11-25 and a 2026-07-28 client without sessions', async () => {
    const srv = await startInProcess(['--stateless']);
    try {
      for (const era of ERAS) {
        const client = await connectEraClient(era, { kind: 'http', url: srv.url });
        try {
          const result = await callTool(client, 'primes_between', { min_val: 0, max_val: 10 }, { logLevel: 'debug' });
          expect(structured<{ outputs: { return_value: number[] } }>(result).outputs.return_value, era).toEqual([2, 3, 5, 7]);
          // No session to send them to: the call's log lines come in its own response.
          expect(client.logs.map((l) => String(l.data)).some((l) => l.includes('Started job')), era).toBe(true);
        } finally {
          await client.close();
        }
        // Nothing is kept once the answers are sent. (The instance the SDK builds for a
        // 2026-07-28 subscriptions/listen stream is never connected, so it is never counted as closed.)
        if (era === 'legacy') await eventually(async () => (srv.openServers() === 0 ? true : undefined));
      }
    } finally {
      await srv.close();
    }
  });
});
