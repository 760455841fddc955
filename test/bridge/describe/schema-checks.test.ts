import { describe, expect, it } from 'vitest';
import { checkToolSchema } from '../../../src/bridge/describe/schema-checks.js';
import type { DerivedTool } from '../../../src/bridge/describe/index.js';
import { deriveFrom } from '../../support/derive.js';

function good(): DerivedTool {
  const result = deriveFrom({ id: 'p', inputs: { a: { schema: { type: 'string' } } }, outputs: { o: { schema: {} } } }, 'p');
  if (!result.ok) throw new Error(result.reason);
  return result.tool;
}

function broken(change: (tool: DerivedTool) => void): string[] {
  const tool = structuredClone(good());
  change(tool);
  return checkToolSchema(tool);
}

describe('checkToolSchema', () => {
  it('accepts a derived tool', () => {
    expect(checkToolSchema(good())).toEqual([]);
    expect(checkToolSchema(good(), { compile: false })).toEqual([]);
  });

  it('rejects invalid or long names', () => {
    expect(broken((t) => (t.name = 'a.b'))[0]).toContain('name');
    expect(broken((t) => (t.name = 'x'.repeat(65)))[0]).toContain('name');
    expect(broken((t) => (t.name = ''))[0]).toContain('name');
  });

  it('rejects empty texts and descriptions over 2,048 characters', () => {
    expect(broken((t) => (t.title = ' '))).toEqual(['title is empty']);
    expect(broken((t) => (t.description = '')).join()).toContain('description is empty');
    expect(broken((t) => (t.description = 'x'.repeat(2049))).join()).toContain('2049 characters');
  });

  it('rejects a missing process id in _meta', () => {
    expect(broken((t) => (t._meta['ogc-processes-mcp/processId'] = 'other'))).toEqual(['_meta does not carry the process id']);
  });

  it('rejects top levels that are not plain object schemas', () => {
    expect(broken((t) => (t.inputSchema.type = 'array')).join()).toContain('top-level type');
    expect(broken((t) => delete t.inputSchema.properties).join()).toContain('no properties');
    for (const keyword of ['oneOf', 'anyOf', 'allOf']) {
      expect(broken((t) => (t.inputSchema[keyword] = [{ type: 'object' }])).join()).toContain(`top-level ${keyword}`);
    }
  });

  it('rejects $ref and $defs anywhere', () => {
    const problems = broken((t) => {
      t.inputSchema.$defs = { s: { type: 'string' } };
      (t.inputSchema.properties as Record<string, unknown>).a = { anyOf: [{ $ref: '#/$defs/s' }] };
    });
    expect(problems).toContain('inputSchema contains $defs');
    expect(problems).toContain('inputSchema contains $ref');
  });

  it('rejects arrays without items, nested too', () => {
    expect(broken((t) => ((t.inputSchema.properties as Record<string, unknown>).a = { type: 'object', properties: { l: { type: 'array' } } }))).toContain(
      'inputSchema has an array without items',
    );
  });

  it('rejects x- keys and property names clients refuse', () => {
    expect(broken((t) => ((t.inputSchema.properties as Record<string, unknown>).a = { type: 'string', 'x-ui': 1 }))).toContain(
      'inputSchema contains the extension keyword x-ui',
    );
    expect(broken((t) => ((t.inputSchema.properties as Record<string, unknown>)['a b'] = {})).join()).toContain('"a b"');
  });

  it('rejects schemas over the size budget', () => {
    expect(broken((t) => ((t.inputSchema.properties as Record<string, unknown>).a = { description: 'x'.repeat(20_000) })).join()).toContain('bytes');
    expect(checkToolSchema(good(), { maxSchemaBytes: 10 }).join()).toContain('more than 10');
  });

  it('rejects schemas ajv cannot compile', () => {
    const problems = broken((t) => ((t.inputSchema.properties as Record<string, unknown>).a = { type: 'string', minLength: 'two' }));
    expect(problems.join()).toContain('does not compile');
    expect(broken((t) => ((t.inputSchema.properties as Record<string, unknown>).a = { type: 'string', minLength: 'two' })).length).toBe(1);
  });

  it('checks the outputSchema too', () => {
    expect(broken((t) => (t.outputSchema = { type: 'array', items: {} })).join()).toContain('outputSchema top-level type');
  });
});
