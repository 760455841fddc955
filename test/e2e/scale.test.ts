// The model's side of scale, through the built CLI: the demo's tool list
// within 12,000 bytes with nothing a call needs lost; a 500-process server
// switched to search, within 25,000 bytes, found by search_processes and run
// by id; names every client accepts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { callTool, clientConstraintViolations, startCli, structured, textOf, type CliSession } from './helpers.js';

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
const EVERY_CLIENT = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

describe('the demo tool list, compact', () => {
  let cli: CliSession;
  beforeAll(async () => {
    cli = await startCli(['--demo']);
  });
  afterAll(async () => cli?.close());

  it('is at most 12,000 bytes and keeps types, required inputs and constraints', async () => {
    const list = await cli.client.listTools();
    expect(bytesOf(list)).toBeLessThanOrEqual(12_000);
    const byName = new Map(list.tools.map((t) => [t.name, t]));
    for (const tool of list.tools) {
      expect(clientConstraintViolations(tool), tool.name).toEqual([]);
      expect(tool.name).toMatch(EVERY_CLIENT);
    }
    const l3b = byName.get('p_218')!;
    expect(l3b._meta).toMatchObject({ 'ogc-processes-mcp/processId': '218' });
    expect(l3b.inputSchema.required).toEqual(['start_date', 'end_date', 'geometry']);
    expect(l3b.inputSchema.properties).toMatchObject({
      start_date: { type: 'string', format: 'date' },
      indicator_name: { type: 'string', enum: ['NDVI', 'LAI', 'FAPAR', 'FCOVER', 'NDWI'] },
    });
    const primes = byName.get('primes_between')!;
    expect(primes.inputSchema.properties).toMatchObject({ min_val: { type: 'integer', minimum: 0, default: 0 }, max_val: { type: 'integer', maximum: 100 } });
    expect(primes.description).toContain('prime numbers');
    expect(byName.get('bbox_area')!.inputSchema.properties).toMatchObject({ bbox: { type: 'object', required: ['bbox'] } });
    // Said once for all tools, not in each.
    for (const tool of list.tools.filter((t) => t._meta)) expect(tool.description).not.toContain('get_job_results');
    expect(cli.client.getInstructions()).toContain('get_job_results');
  });
});

describe('a server with 500 processes', () => {
  let demo: DemoServer;
  let cli: CliSession;
  beforeAll(async () => {
    demo = await startDemoServer({ port: 0, catalogueProcesses: 491 });
    cli = await startCli(['--server-url', demo.url]);
  });
  afterAll(async () => {
    await cli?.close();
    await demo?.close();
  });

  it('lists the fixed tools and search_processes, within 25,000 bytes', async () => {
    const list = await cli.client.listTools();
    expect(bytesOf(list)).toBeLessThanOrEqual(25_000);
    expect(list.tools.map((t) => t.name)).toContain('search_processes');
    expect(list.tools.length).toBeLessThan(40);
  });

  it('finds a process by words of its title and keywords, then runs it by id', async () => {
    const found = await callTool(cli.client, 'search_processes', { query: 'NDVI VIIRS', limit: 3 });
    const hits = structured<{ hits: Array<{ processId: string; inputs: string }> }>(found).hits;
    expect(hits[0]!.processId).toBe('ndvi_viirs');
    expect(hits[0]!.inputs).toContain('bbox*: bbox');
    expect(textOf(found)).toContain('ndvi_viirs');
    const filtered = await callTool(cli.client, 'search_processes', { query: 'flood', input_type: 'geometry' });
    expect(structured<{ hits: unknown[] }>(filtered).hits).toEqual([]);
    const run = await callTool(cli.client, 'execute_process', {
      process_id: 'ndvi_viirs',
      inputs: { bbox: { bbox: [5, 45, 6, 46] }, start_date: '2024-05-01', end_date: '2024-05-31' },
    });
    expect(structured(run)).toMatchObject({ status: 'successful' });
  });

  it('makes a process used through execute_process a tool of its own, announced by list_changed', async () => {
    const list = await cli.client.listTools();
    const tool = list.tools.find((t) => (t._meta as Record<string, unknown> | undefined)?.['ogc-processes-mcp/processId'] === 'ndvi_viirs');
    expect(tool?.name).toBe('ndvi_viirs');
  });
});
