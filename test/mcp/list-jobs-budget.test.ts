// list_jobs keeps its answer within the result budget: a long list is cut at
// a job boundary and says how many were left out and how to narrow it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { measureResultBytes } from '../../src/bridge/results/index.js';
import { bridgeOn, textOf, type ConnectedBridge } from './harness.js';

const MAX_RESULT_BYTES = 4_000;

describe('list_jobs within the result budget', () => {
  let demo: DemoServer;
  let bridge: ConnectedBridge;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    for (let i = 0; i < 60; i++) {
      const reply = await fetch(`${demo.url}processes/primes_between/execution`, { method: 'POST', body: '{"inputs":{"max_val":10}}' });
      expect(reply.ok).toBe(true);
    }
    bridge = await bridgeOn(demo.url, { env: { OGC_MAX_RESULT_BYTES: String(MAX_RESULT_BYTES) } });
  });
  afterAll(async () => {
    await bridge?.close();
    await demo?.close();
  });

  it('cuts a long list at a job, names how many were left out, and fits the budget', async () => {
    const result = (await bridge.client.callTool({ name: 'list_jobs', arguments: { limit: 60 } })) as CallToolResult;
    expect(result.isError).toBeFalsy();
    const structured = result.structuredContent as { jobs: unknown[]; count: number; omitted?: number };
    expect(structured.count).toBeGreaterThan(0);
    expect(structured.count).toBe(structured.jobs.length);
    expect(structured.count + (structured.omitted ?? 0)).toBe(60);
    expect(structured.omitted).toBeGreaterThan(0);
    expect(textOf(result)).toContain(`${structured.omitted} more not shown`);
    expect(measureResultBytes({ content: result.content, structuredContent: result.structuredContent })).toBeLessThanOrEqual(MAX_RESULT_BYTES);
  });

  it('lists a short list whole', async () => {
    const result = (await bridge.client.callTool({ name: 'list_jobs', arguments: { limit: 3 } })) as CallToolResult;
    expect(result.structuredContent).toMatchObject({ count: 3 });
    expect(result.structuredContent).not.toHaveProperty('omitted');
  });
});
