// createBridgeServer over a shared context, spoken to by the SDK's Client
// through an in-memory transport, against a demo OGC server over real HTTP.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  LoggingMessageNotificationSchema,
  ToolListChangedNotificationSchema,
  type CallToolResult,
} from '@modelcontextprotocol/sdk/types.js';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { closeBridgeContext, type BridgeContext } from '../../src/mcp/context.js';
import { connect, contextFor, textOf } from './harness.js';

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

describe('the bridge server against the demo server', () => {
  let demo: DemoServer;
  let ctx: BridgeContext;
  let client: Client;
  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    ctx = contextFor(demo.url, { env: { OGC_MAX_RESULT_BYTES: '4096' } });
    client = await connect(ctx);
  });
  afterAll(async () => {
    await client?.close();
    await closeBridgeContext(ctx);
    await demo?.close();
  });

  it('lists processes with their tools, and filters them', async () => {
    const all = await call(client, 'list_processes', {});
    const { processes, total } = all.structuredContent as { processes: { processId: string; tool?: string }[]; total: number };
    expect(total).toBeGreaterThanOrEqual(9);
    expect(processes.find((p) => p.processId === 'primes_between')?.tool).toBe('primes_between');
    const some = await call(client, 'list_processes', { filter: 'PRIMES' });
    expect((some.structuredContent as { total: number }).total).toBe(1);
  });

  it('describes a process with its description and derived schema, by id or tool name', async () => {
    const result = await call(client, 'describe_process', { process_id: 'sleep_a_while' });
    expect(result.isError).toBeFalsy();
    const s = result.structuredContent as Record<string, any>;
    expect(s.toolName).toBe('sleep_a_while');
    expect(s.inputSchema.properties.duration.type).toBe('number');
    expect(s.description.jobControlOptions).toContain('async-execute');
    const missing = await call(client, 'describe_process', { process_id: 'nope' });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toContain('No process "nope"');
  });

  it('describes the server', async () => {
    const result = await call(client, 'get_server_info', {});
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ serverUrl: demo.url, jobList: true, dismiss: true });
  });

  it('cuts an output larger than the result budget and keeps it readable as a resource', async () => {
    const result = await call(client, 'echo_large', { size_mb: 0.05 });
    expect(result.isError).toBeFalsy();
    const size = Buffer.byteLength(JSON.stringify(result.content)) + Buffer.byteLength(JSON.stringify(result.structuredContent));
    expect(size).toBeLessThanOrEqual(4096 + 512);
    const link = result.content.find((c) => c.type === 'resource_link') as { uri: string } | undefined;
    const jobId = (result.structuredContent as { jobId: string }).jobId;
    expect(textOf(result)).toContain(`ogc-job://${jobId}/results`);
    const uri = link?.uri ?? `ogc-job://${jobId}/results/return_value`;
    const whole = await client.readResource({ uri });
    const body = (whole.contents[0] as { text: string }).text;
    expect(body.length).toBeGreaterThanOrEqual(Math.round(0.05 * 1024 * 1024));
  });

  it('passes log lines to the connected client', async () => {
    const messages: string[] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, async (n) => void messages.push(String(n.params.data)));
    ctx.logger.warning('a line for every session');
    await new Promise((r) => setImmediate(r));
    expect(messages).toContain('a line for every session');
  });

  it('reports an unknown resource as not found', async () => {
    await expect(client.readResource({ uri: 'ogc-job://no-such-job/results' })).rejects.toThrow(/no-such-job|404|not/i);
    await expect(client.readResource({ uri: 'file:///etc/passwd' })).rejects.toThrow(/Unknown resource/);
  });
});

describe('filters and shared catalogs', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length > 0) await cleanups.pop()!();
  });

  it('hides processes outside --include from every tool', async () => {
    const demo = await startDemoServer({ port: 0 });
    const ctx = contextFor(demo.url, { env: { OGC_INCLUDE: 'primes_*' } });
    const client = await connect(ctx);
    cleanups.push(() => demo.close(), () => closeBridgeContext(ctx), () => client.close());
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).toContain('primes_between');
    expect(names).not.toContain('sleep_a_while');
    const hidden = await call(client, 'execute_process', { process_id: 'sleep_a_while', inputs: {} });
    expect(hidden.isError).toBe(true);
    expect(textOf(hidden)).toContain('No process "sleep_a_while"');
  });

  it('tells every connected session when the process list changes', async () => {
    const first = await startDemoServer({ port: 0 });
    const port = new URL(first.url).port;
    const ctx = contextFor(first.url);
    const a = await connect(ctx);
    const b = await connect(ctx);
    cleanups.push(() => closeBridgeContext(ctx), () => a.close(), () => b.close());
    expect((await a.listTools()).tools.map((t) => t.name)).not.toContain('synthetic_0001');
    let heard = 0;
    a.setNotificationHandler(ToolListChangedNotificationSchema, async () => void (heard += 1));
    b.setNotificationHandler(ToolListChangedNotificationSchema, async () => void (heard += 1));

    await first.close();
    const second = await startDemoServer({ port: Number(port), syntheticProcesses: 2 });
    cleanups.push(() => second.close());
    await ctx.catalog.refresh();
    for (let i = 0; i < 50 && heard < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(heard).toBe(2);
    expect((await b.listTools()).tools.map((t) => t.name)).toContain('synthetic_0001');
  });
});

describe('fixed tool names', () => {
  it('are all reserved, so that no process tool can take one', async () => {
    const { FIXED_TOOLS } = await import('../../src/mcp/tools/fixed-tools.js');
    const { searchProcesses } = await import('../../src/mcp/tools/search-processes.js');
    const { FIXED_TOOL_NAMES } = await import('../../src/bridge/describe/names.js');
    expect([...FIXED_TOOLS, searchProcesses].map((t) => t.name).sort()).toEqual([...FIXED_TOOL_NAMES].sort());
  });
});

describe('a session that closes during a call', () => {
  it('leaves the job running on the OGC server (only a cancel dismisses it)', async () => {
    const demo = await startDemoServer({ port: 0 });
    const lines: string[] = [];
    const ctx = contextFor(demo.url, { level: 'info', write: (l) => void lines.push(l) });
    try {
      const client = await connect(ctx);
      let jobId: string | undefined;
      const running = client
        .callTool({ name: 'sleep_a_while', arguments: { duration: 30 } }, undefined, {
          onprogress: () => void client.close(),
        })
        .catch(() => undefined);
      await running;
      for (let i = 0; i < 100 && !jobId; i++) {
        jobId = /job (\S+) goes on/.exec(lines.join(''))?.[1];
        if (!jobId) await new Promise((r) => setTimeout(r, 20));
      }
      expect(jobId, lines.join('')).toBeTruthy();
      const job = (await (await fetch(`${demo.url}jobs/${jobId}`)).json()) as { status: string };
      expect(job.status).toBe('running');
      await fetch(`${demo.url}jobs/${jobId}`, { method: 'DELETE' });
    } finally {
      await closeBridgeContext(ctx);
      await demo.close();
    }
  });
});
