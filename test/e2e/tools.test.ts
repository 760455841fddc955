// The tool list as a client sees it from the built CLI with --demo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tool } from '@modelcontextprotocol/server';
import { BUILTIN_PROCESSES } from '../../src/demo/index.js';
import { clientConstraintViolations, DEMO_PROCESS_IDS, ERAS, startCli, type CliSession } from './helpers.js';

const FIXED = ['get_server_info', 'list_processes', 'describe_process', 'execute_process', 'list_jobs', 'get_job', 'get_job_results', 'dismiss_job'];

describe.each(ERAS)('tools/list of `ogc-processes-mcp --demo` (%s client)', (era) => {
  let cli: CliSession;
  let tools: Tool[];
  beforeAll(async () => {
    cli = await startCli(['--demo'], {}, era);
    tools = (await cli.client.listTools()).tools;
  });
  afterAll(async () => {
    await cli?.close();
  });

  it('declares the capabilities and instructions a client needs', () => {
    const caps = cli.client.getServerCapabilities();
    expect(caps?.tools?.listChanged).toBe(true);
    expect(caps?.resources).toBeDefined();
    expect(caps?.logging).toBeDefined();
    const instructions = cli.client.getInstructions() ?? '';
    expect(instructions).toContain('get_job');
    expect(instructions.length).toBeLessThanOrEqual(2048);
  });

  it('has the fixed tools, with annotations and snake_case arguments', () => {
    const byName = new Map(tools.map((t) => [t.name, t]));
    for (const name of FIXED) {
      const tool = byName.get(name);
      expect(tool, name).toBeDefined();
      expect(tool!.title).toBeTruthy();
      expect((tool!.inputSchema as { additionalProperties?: unknown }).additionalProperties).toBe(false);
      for (const arg of Object.keys(tool!.inputSchema.properties ?? {})) expect(arg).toMatch(/^[a-z][a-z0-9_]*$/);
    }
    for (const name of ['get_server_info', 'list_processes', 'describe_process', 'list_jobs', 'get_job', 'get_job_results']) {
      expect(byName.get(name)!.annotations?.readOnlyHint, name).toBe(true);
    }
    // Hints equal to the MCP defaults are left out: dismiss_job is destructive (the default) and idempotent.
    expect(byName.get('dismiss_job')!.annotations).toEqual({ idempotentHint: true });
    expect(byName.get('execute_process')!.annotations).toEqual({ destructiveHint: false });
    expect(byName.get('execute_process')!.inputSchema.required).toEqual(['process_id']);
  });

  it('has one tool per demo process, carrying its process id in _meta', () => {
    const processTools = tools.filter((t) => !FIXED.includes(t.name));
    const ids = processTools.map((t) => t._meta?.['ogc-processes-mcp/processId']);
    expect(new Set(ids)).toEqual(new Set(DEMO_PROCESS_IDS));
    for (const tool of processTools) {
      // Not read-only and open-world are the MCP defaults; not destructive is said.
      expect(tool.annotations, tool.name).toEqual({ destructiveHint: false });
      expect(tool.description, tool.name).toBeTruthy();
    }
    expect(new Set(tools.map((t) => t.name)).size).toBe(tools.length);
  });

  it('gives every demo process a schema with one argument per input, required where minOccurs > 0', () => {
    for (const process of BUILTIN_PROCESSES) {
      const tool = tools.find((t) => t._meta?.['ogc-processes-mcp/processId'] === process.id);
      expect(tool, process.id).toBeDefined();
      expect(Object.keys(tool!.inputSchema.properties ?? {}).sort(), process.id).toEqual(Object.keys(process.inputs).sort());
      const required = Object.entries(process.inputs)
        .filter(([, input]) => (input.minOccurs ?? 1) > 0)
        .map(([id]) => id)
        .sort();
      expect([...(tool!.inputSchema.required ?? [])].sort(), process.id).toEqual(required);
      expect(tool!.title, process.id).toBe(process.title);
    }
  });

  it('derives the input schemas from the process inputs', () => {
    const tool = (id: string) => tools.find((t) => t._meta?.['ogc-processes-mcp/processId'] === id)!;
    const primes = tool('primes_between').inputSchema as any;
    expect(primes.properties.min_val).toMatchObject({ type: 'integer', minimum: 0, default: 0 });
    expect(primes.properties.max_val).toMatchObject({ type: 'integer', maximum: 100, default: 100 });
    const sleep = tool('sleep_a_while').inputSchema as any;
    expect(sleep.properties.duration).toMatchObject({ type: 'number', default: 10 });
    expect(sleep.properties.fail).toMatchObject({ type: 'boolean', default: false });
    expect(sleep.required ?? []).toEqual([]);
    const thumb = tool('render_thumbnail').inputSchema as any;
    expect(thumb.properties.style.enum).toEqual(['gradient', 'checkerboard']);
    expect(JSON.stringify(thumb)).not.toContain('x-ui');
    const bbox = tool('bbox_area').inputSchema as any;
    expect(Object.keys(bbox.properties).length).toBeGreaterThan(0);
    expect(JSON.stringify(bbox)).toContain('bbox');
  });

  it('meets the client constraints for every tool', () => {
    const violations = tools.flatMap((t) => clientConstraintViolations(t).map((p) => `${t.name}: ${p}`));
    expect(violations).toEqual([]);
  });
});
