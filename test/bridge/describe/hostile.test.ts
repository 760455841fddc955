// Descriptions from servers nobody here controls: huge, deep, wide, cyclic,
// with prototype keys and odd ids. Derivation must stay bounded, never throw,
// never touch Object.prototype, and whatever it returns must be a valid tool.
// Sizes are moderate so that the file stays fast; the limits that make larger
// inputs safe are the same.
import { afterEach, describe, expect, it } from 'vitest';
import { TOOL_NAME_PATTERN } from '../../../src/bridge/describe/names.js';
import { ToolNames } from '../../../src/bridge/naming/index.js';
import { toExecuteRequest } from '../../../src/bridge/request/index.js';
import { checkToolSchema } from '../../../src/bridge/describe/schema-checks.js';
import type { DeriveResult } from '../../../src/bridge/describe/index.js';
import { deriveFrom } from '../../support/derive.js';

function derive(raw: unknown): DeriveResult {
  const result = deriveFrom(raw, 'hostile');
  if (result.ok) expect(checkToolSchema(result.tool)).toEqual([]);
  return result;
}

function nested(depth: number, wrap: (inner: unknown) => unknown, leaf: unknown = { type: 'string' }): unknown {
  let node = leaf;
  for (let i = 0; i < depth; i++) node = wrap(node);
  return node;
}

afterEach(() => {
  // Nothing may have been written through __proto__ or onto Object.prototype.
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('hostile descriptions', () => {
  it('survives a 10 MB description text', () => {
    const result = derive({ id: 'big', description: 'x'.repeat(10_000_000), inputs: { a: { description: 'y'.repeat(1_000_000), schema: {} } } });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.tool.description.length).toBeLessThanOrEqual(2048);
  });

  it('survives schemas nested 1,000 deep in every schema position', () => {
    const wraps: ((inner: unknown) => unknown)[] = [
      (i) => ({ type: 'object', properties: { a: i } }),
      (i) => ({ type: 'array', items: i }),
      (i) => ({ anyOf: [i, { type: 'null' }] }),
      (i) => ({ allOf: [i] }),
      (i) => ({ not: i }),
      (i) => ({ additionalProperties: i }),
    ];
    for (const wrap of wraps) {
      const result = derive({ id: 'deep', inputs: { a: { schema: nested(1000, wrap) } } });
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.tool.warnings.join()).toContain('nested too deeply');
    }
  });

  it('survives values nested 1,000 deep (defaults, enums, titles, wrappers)', () => {
    const deepValue = nested(1000, (i) => ({ v: i }), 1);
    const deepList = nested(1000, (i) => [i], 'x');
    const result = derive({
      id: 'deep-values',
      title: deepValue,
      description: deepList,
      inputs: { a: { title: deepValue, schema: { type: 'object', default: deepValue, enum: [deepValue, 1], examples: [deepList] } } },
      process: nested(1000, (i) => ({ process: i }), {}),
    });
    expect(result.ok).toBe(true);
    const deepWrappers = derive(nested(1000, (i) => ({ process: i }), { id: 'inner' }));
    expect(deepWrappers.ok).toBe(false);
  });

  it('refuses 10,000 inputs quickly, with a reason', () => {
    const inputs = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`in${i}`, { schema: { type: 'string' } }]));
    expect(derive({ id: 'wide', inputs })).toMatchObject({ ok: false, reason: expect.stringContaining('more than 1000 inputs') });
    expect(derive({ id: 'wide', inputs: Object.values(inputs).map((d, i) => ({ ...d, id: `x${i}` })) }).ok).toBe(false);
  });

  it('survives wide schemas: many properties, huge enums', () => {
    const properties = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`p${i}`, { type: 'string', description: 'd' }]));
    const result = derive({
      id: 'wide-schema',
      inputs: { a: { schema: { type: 'object', properties } }, b: { schema: { type: 'integer', enum: Array.from({ length: 100_000 }, (_, i) => i) } } },
    });
    expect(result.ok).toBe(true);
  });

  it('survives ids with path characters, unicode and control characters', () => {
    const table = new ToolNames().forServer(undefined, false);
    expect(deriveFrom({ id: '   ' }, 'blank')).toMatchObject({ ok: false, reason: 'the description has no process id' });
    for (const id of ['../../etc/passwd', 'a/b\\c', 'Größe', '処理/データ', 'tab\there', 'line\nbreak', '🚀 launch', '%2e%2e', '.']) {
      const result = deriveFrom({ id, inputs: { [id]: { schema: { type: 'string' } }, 'x/../y': { schema: {} } } }, table.nameFor(id));
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(result.tool.name).toMatch(TOOL_NAME_PATTERN);
      expect(result.tool.processId).toBe(id);
      expect(checkToolSchema(result.tool)).toEqual([]);
      const args = Object.fromEntries(result.tool.inputs.map((i) => [i.argumentName, 'v']));
      expect(Object.keys(toExecuteRequest(result.tool, args).inputs).sort()).toEqual([id, 'x/../y'].sort());
    }
  });

  it('never lets __proto__ keys reach a prototype', () => {
    const raw = JSON.parse(`{
      "__proto__": {"polluted": "top"},
      "id": "proto",
      "title": {"__proto__": {"polluted": 1}, "en": "Proto"},
      "inputs": {
        "__proto__": {"schema": {"type": "object", "properties": {"__proto__": {"type": "string"}, "polluted": {"type": "string"}}}},
        "constructor": {"schema": {"type": "string", "enum": [{"__proto__": {"polluted": 2}}], "default": {"__proto__": {"polluted": 3}}}},
        "ok": {"schema": {"type": "object", "properties": {"prototype": {"type": "string"}}, "__proto__": {"type": "string"}}}
      },
      "outputs": {"__proto__": {"schema": {}}, "constructor": {"schema": {}}}
    }`);
    const result = derive(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.tool.inputs.map((i) => i.id)).toEqual(['__proto__', 'constructor', 'ok']);
    expect(result.tool.title).toBe('Proto');
    const request = toExecuteRequest(result.tool, JSON.parse(`{"${result.tool.inputs[0].argumentName}": {"polluted": "yes"}}`));
    expect(Object.getOwnPropertyNames(request.inputs)).toEqual(['__proto__']);
    expect(JSON.parse(JSON.stringify(result.tool)).inputs).toHaveLength(3);
  });

  it('survives cycles in the object graph', () => {
    const schema: Record<string, unknown> = { type: 'object', properties: {} };
    (schema.properties as Record<string, unknown>).self = schema;
    schema.items = schema;
    const raw: Record<string, unknown> = { id: 'cyclic', inputs: { a: { schema }, b: { schema: { anyOf: [schema, schema] } } } };
    raw.outputs = { o: { schema: raw } };
    raw.title = raw;
    (raw.inputs as Record<string, Record<string, unknown>>).c = { schema: { enum: [raw], default: raw } };
    const result = derive(raw);
    expect(result.ok).toBe(true);
    if (result.ok) expect(() => JSON.stringify(result.tool)).not.toThrow();
  });

  it('survives reference cycles and exponential reference fan-out', () => {
    const defs: Record<string, unknown> = { a: { $ref: '#/defs/b' }, b: { $ref: '#/defs/a' }, self: { $ref: '#' } };
    for (let i = 0; i < 40; i++) defs[`n${i}`] = { type: 'object', properties: { l: { $ref: `#/defs/n${i + 1}` }, r: { $ref: `#/defs/n${i + 1}` } } };
    const result = derive({
      id: 'refs',
      defs,
      inputs: { loop: { schema: { $ref: '#/defs/a' } }, whole: { schema: { $ref: '#' } }, fan: { schema: { $ref: '#/defs/n0' } }, self: { schema: { $ref: '#/defs/self' } } },
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.tool.warnings.join()).toMatch(/refers to itself|too large|nested too deeply/);
  });

  it('survives nonsense everywhere', () => {
    const values: unknown[] = [null, 0, -1, 1e308, NaN, '', 'unbounded', [], {}, [[]], true];
    for (const v of values) {
      const result = deriveFrom(
        {
          id: 'odd',
          title: v,
          description: v,
          jobControlOptions: v,
          version: v,
          inputs: { a: { schema: v, minOccurs: v, maxOccurs: v, title: v, enum: v } },
          outputs: { o: { schema: v } },
        },
        'odd',
      );
      if (v === 1e308) {
        // minOccurs 1e308: no call could ever satisfy it.
        expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('requires at least') });
        continue;
      }
      expect(result.ok).toBe(true);
      if (result.ok) expect(checkToolSchema(result.tool)).toEqual([]);
    }
    for (const raw of [null, undefined, 42, 'process', [], [{ id: 'x' }], new Date(), () => 1]) {
      expect(() => deriveFrom(raw, 'odd')).not.toThrow();
    }
  });

  it('derives a typical process in bounded work even when the description around it is huge', () => {
    const junk = Array.from({ length: 50_000 }, (_, i) => ({ i, text: 'junk' }));
    const result = derive({ id: 'bloated', links: junk, package: { steps: junk }, inputs: { a: { schema: { type: 'string' } } } });
    expect(result.ok).toBe(true);
  });
});
