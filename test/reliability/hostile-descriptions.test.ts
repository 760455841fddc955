// Hostile process descriptions, served over real HTTP by the fault server
// next to ordinary processes: a 10 MB description, schemas nested 1,000 deep,
// 10,000 inputs, ids with path characters and unicode, __proto__ keys, cyclic
// $ref schemas. tools/list stays right for the other processes (exactly the
// tools a clean server gives), every process is a tool or says why not, ids
// survive the round trip to the server, and time and memory stay bounded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { clientConstraintViolations } from '../e2e/helpers.js';
import { echoProcess, startFaultServer, type FaultServer, type ScriptedProcess } from '../support/fault-server.js';
import { prototypeSnapshot } from './bad-calls.js';
import { brief, startBridge, textOf, timed, type InProcessBridge } from './bridge.js';

// Far above what a healthy load takes (a second or two), far below a hang.
const LOAD_CEILING_MS = 60_000;

function nestedSchema(depth: number): Record<string, unknown> {
  let schema: Record<string, unknown> = { type: 'string' };
  for (let i = 0; i < depth; i++) schema = { type: 'object', properties: { inner: schema }, required: ['inner'] };
  return schema;
}

const PATH_IDS = ['../../etc/passwd', 'a/b', 'a?b=c&d', 'a#frag', '%2e%2e', '..', '.', 'ünïcødé-πρόцесс', '🧨 boom', 'a\u0000b', ' spaced id ', 'x'.repeat(300), 'get_job', 'a.b', 'a_b'];
const PROTO_IDS = ['__proto__', 'constructor', 'hasOwnProperty', 'prototype'];

function hostileProcesses(): ScriptedProcess[] {
  const tenMb = 'A very long description. '.repeat(Math.ceil((10 * 1024 * 1024) / 25));
  const manyInputs: Record<string, unknown> = {};
  for (let i = 0; i < 10_000; i++) manyInputs[`input_${i}`] = { title: `Input ${i}`, schema: { type: 'integer' }, minOccurs: 0 };
  const protoInputs = JSON.parse(
    '{"__proto__": {"title": "proto", "schema": {"type": "string"}}, "constructor": {"schema": {"type": "integer"}}, "toString": {"schema": {"type": "boolean"}}}',
  ) as Record<string, unknown>;
  return [
    { description: echoProcess('ten_megabytes', { description: tenMb, inputs: { message: { title: tenMb.slice(0, 1_000_000), schema: { type: 'string', description: tenMb.slice(0, 2_000_000) } } } }) },
    { description: echoProcess('nested_1000', { inputs: { deep: { title: 'Deep', schema: nestedSchema(1_000) } } }) },
    { description: echoProcess('ten_thousand_inputs', { inputs: manyInputs }) },
    { description: echoProcess('proto_inputs', { inputs: protoInputs, outputs: JSON.parse('{"__proto__": {"schema": {"type": "string"}}, "constructor": {"schema": {"type": "string"}}}') }) },
    {
      description: echoProcess('cyclic_ref', {
        inputs: {
          tree: { schema: { $ref: '#/$defs/node', $defs: { node: { type: 'object', properties: { child: { $ref: '#/$defs/node' }, value: { type: 'number' } } } } } },
          self: { schema: { $ref: '#' } },
          ping: { schema: { $ref: '#/$defs/pong', $defs: { ping: { anyOf: [{ $ref: '#/$defs/pong' }, { type: 'string' }] }, pong: { $ref: '#/$defs/ping' } } } },
          remote: { schema: { $ref: 'http://169.254.169.254/latest/meta-data/schema.json' } },
        },
      }),
    },
    // A description whose own top level carries __proto__ (a prototype for the parsed document, if anyone merges it carelessly).
    { description: { id: 'proto_document' }, rawDescription: JSON.stringify(echoProcess('proto_document')).replace(/^\{/, '{"__proto__": {"polluted": true, "inputs": {"evil": {"schema": {"type": "string"}}}},') },
    ...[...PATH_IDS, ...PROTO_IDS].map((id) => ({ description: echoProcess(id) })),
  ];
}

const ORDINARY = [echoProcess('ordinary_one'), echoProcess('ordinary_two', { inputs: { count: { schema: { type: 'integer', minimum: 0, maximum: 9 }, minOccurs: 1 } } })];

describe('hostile process descriptions', () => {
  let clean: FaultServer;
  let hostile: FaultServer;
  let cleanBridge: InProcessBridge;
  let bridge: InProcessBridge;
  let tools: Tool[];
  let baseline: Tool[];
  const figures: Record<string, string> = {};
  const protoBefore = prototypeSnapshot();

  beforeAll(async () => {
    clean = await startFaultServer({ processes: ORDINARY.map((description) => ({ description })) });
    hostile = await startFaultServer({ processes: [...ORDINARY.map((description) => ({ description })), ...hostileProcesses()] });
    cleanBridge = await startBridge(clean.url);
    baseline = (await cleanBridge.client.listTools()).tools;
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const rssBefore = process.memoryUsage().rss;
    bridge = await startBridge(hostile.url, { 'wait-seconds': '5' });
    const { ms } = await timed(async () => {
      await bridge.ctx.catalog.ready();
      tools = (await bridge.client.listTools()).tools;
    });
    figures['catalog load + tools/list'] = `${Math.round(ms)} ms`;
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    figures['heap growth'] = `${(heapGrowth / 1024 / 1024).toFixed(1)} MB`;
    // The served documents themselves (held by the fault server in this process) are ~25 MB; a blow-up would be GBs.
    expect(heapGrowth).toBeLessThan(512 * 1024 * 1024);
    figures['rss growth'] = `${((process.memoryUsage().rss - rssBefore) / 1024 / 1024).toFixed(1)} MB`;
    figures['tools/list bytes'] = String(JSON.stringify(tools).length);
    expect(ms).toBeLessThan(LOAD_CEILING_MS);
  });
  afterAll(async () => {
    console.log('hostile descriptions:', figures);
    await bridge?.close();
    await cleanBridge?.close();
    await hostile?.close();
    await clean?.close();
  });

  it('lists the ordinary processes exactly as a clean server does', () => {
    for (const expected of baseline) {
      expect(tools.find((t) => t.name === expected.name)).toEqual(expected);
    }
  });

  it('gives every tool a valid, unique name and a schema clients accept', () => {
    const names = tools.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const tool of tools) expect(clientConstraintViolations(tool), tool.name).toEqual([]);
    // Every tool's inputSchema stays small enough to be sent with every request.
    for (const tool of tools) expect(JSON.stringify(tool.inputSchema).length, tool.name).toBeLessThan(64 * 1024);
    expect(JSON.stringify(tools).length).toBeLessThan(1024 * 1024);
  });

  it('accounts for every process: a tool, or a reason it is not one', async () => {
    const listed = await bridge.call('list_processes', { limit: 1000 });
    expect(listed.isError, brief(listed)).toBeFalsy();
    const { processes, total } = listed.structuredContent as { processes: Array<{ processId: string; tool?: string; skipped?: string }>; total: number };
    expect(total).toBe(hostile.ogc.processes.size);
    for (const p of processes) expect(p.tool !== undefined || (p.skipped ?? '').length > 0, p.processId.slice(0, 40)).toBe(true);
    figures.skipped = processes.filter((p) => p.skipped).map((p) => `${p.processId.slice(0, 30)}: ${p.skipped!.slice(0, 120)}`).join(' | ');
    // A fixed tool's name is never given to a process.
    expect(processes.find((p) => p.processId === 'get_job')?.tool).not.toBe('get_job');
    expect(JSON.stringify(listed).length).toBeLessThan(bridge.ctx.config.maxResultBytes * 2);
  });

  it('round-trips ids with path characters, unicode and prototype names to the server, encoded', async () => {
    for (const id of [...PATH_IDS, ...PROTO_IDS]) {
      const tool = tools.find((t) => t._meta?.['ogc-processes-mcp/processId'] === id);
      expect(tool, JSON.stringify(id.slice(0, 40))).toBeDefined();
      const before = hostile.ogc.executions.length;
      const result = await bridge.call(tool!.name, { message: 'hi' });
      expect(result.isError, `${id.slice(0, 40)}: ${brief(result)}`).toBeFalsy();
      const sent = hostile.ogc.executions.slice(before);
      expect(sent).toHaveLength(1);
      // One encoded segment: no traversal, no query, no fragment.
      expect(sent[0]!.path).toBe(`/processes/${id === '.' || id === '..' ? id.replace(/\./g, '%2E') : encodeURIComponent(id)}/execution`);
      const described = await bridge.call('describe_process', { process_id: id });
      expect(described.isError, brief(described)).toBeFalsy();
    }
  });

  it('keeps __proto__ inputs as ordinary inputs, and the prototype clean', async () => {
    expect(prototypeSnapshot()).toBe(protoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const tool = tools.find((t) => t._meta?.['ogc-processes-mcp/processId'] === 'proto_inputs');
    expect(tool).toBeDefined();
    const properties = (tool!.inputSchema as { properties: Record<string, unknown> }).properties;
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    const result = await bridge.call(tool!.name, {});
    expect(textOf(result)).not.toContain('polluted');
    const doc = tools.find((t) => t._meta?.['ogc-processes-mcp/processId'] === 'proto_document');
    expect(doc).toBeDefined();
    expect(Object.keys((doc!.inputSchema as { properties: Record<string, unknown> }).properties)).not.toContain('evil');
  });

  it('never fetches a remote $ref, and survives reference cycles', async () => {
    expect(hostile.requests.some((r) => r.path.includes('meta-data'))).toBe(false);
    const described = await bridge.call('describe_process', { process_id: 'cyclic_ref' });
    expect(described.isError, brief(described)).toBeFalsy();
  });

  it('describes the 10 MB process within the result budget', async () => {
    const described = await bridge.call('describe_process', { process_id: 'ten_megabytes' });
    expect(described.isError, brief(described)).toBeFalsy();
    expect(JSON.stringify(described).length).toBeLessThan(bridge.ctx.config.maxResultBytes * 3);
  });

  it('still runs the ordinary processes', async () => {
    const result = await bridge.call('ordinary_two', { count: 3 });
    expect(result.isError, brief(result)).toBeFalsy();
    expect(JSON.parse((result.structuredContent as { outputs: { return_value: string } }).outputs.return_value)).toEqual({ count: 3 });
  });
});
