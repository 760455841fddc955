// Search mode through an in-memory session: the tool list switches to
// search_processes above the threshold, pinned processes stay tools, a
// process run by id becomes a tool (and the client hears of it), and the
// other tools speak of execute_process for processes without a listed tool.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { bridgeOn, textOf, type ConnectedBridge } from './harness.js';

describe('search mode on the demo server (threshold 12 tools)', () => {
  let demo: DemoServer;
  let bridge: ConnectedBridge;
  let changes = 0;
  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    bridge = await bridgeOn(demo.url, { env: { OGC_MAX_TOOLS: '12', OGC_PIN: 'bbox_area' } });
    bridge.client.setNotificationHandler(ToolListChangedNotificationSchema, () => void (changes += 1));
  });
  afterAll(async () => {
    await bridge?.close();
    await demo?.close();
  });

  const names = async () => (await bridge.client.listTools()).tools.map((t) => t.name);

  it('lists the fixed tools, search_processes and the pinned process', async () => {
    const listed = await names();
    expect(listed).toContain('search_processes');
    expect(listed).toContain('bbox_area');
    expect(listed).not.toContain('primes_between');
    expect(listed).toHaveLength(10);
  });

  it('finds processes by words, with the tool name only for listed ones', async () => {
    const result = await bridge.client.callTool({ name: 'search_processes', arguments: { query: 'prime numbers' } });
    const hits = (result.structuredContent as { hits: Array<{ processId: string; tool?: string }> }).hits;
    expect(hits[0]).toMatchObject({ processId: 'primes_between', inputs: 'min_val: integer, max_val: integer' });
    expect(hits[0]!.tool).toBeUndefined();
    const box = await bridge.client.callTool({ name: 'search_processes', arguments: { query: 'bounding box area', input_type: 'bbox' } });
    expect((box.structuredContent as { hits: Array<{ tool?: string }> }).hits[0]!.tool).toBe('bbox_area');
    const listing = textOf((await bridge.client.callTool({ name: 'list_processes', arguments: {} })) as never);
    expect(listing).toMatch(/primes_between \(Prime Processor\): .* Run with execute_process\./);
    expect(listing).toMatch(/bbox_area \(Bounding Box Area\): .* Tool bbox_area\./);
  });

  it('makes a process run by id a tool of its own, and says so to the client', async () => {
    const before = changes;
    const run = await bridge.client.callTool({ name: 'execute_process', arguments: { process_id: 'primes_between', inputs: { max_val: 10 } } });
    expect(run.structuredContent).toMatchObject({ status: 'successful', outputs: { return_value: [2, 3, 5, 7] } });
    expect(await names()).toContain('primes_between');
    await expect.poll(() => changes).toBeGreaterThan(before);
  });

  it('points an unknown tool to search_processes', async () => {
    const result = await bridge.client.callTool({ name: 'nope', arguments: {} });
    expect(result.isError).toBe(true);
    expect(textOf(result as never)).toContain('search_processes finds the 9 process tool(s)');
  });
});
