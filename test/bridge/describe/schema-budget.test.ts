import { describe, expect, it } from 'vitest';
import { fitToBudget } from '../../../src/bridge/describe/schema-budget.js';
import { jsonBytes } from '../../../src/bridge/schema/json-schema.js';
import { checkToolSchema } from '../../../src/bridge/describe/schema-checks.js';
import { deriveFrom } from '../../support/derive.js';

const longText = (n: number) => 'lorem ipsum '.repeat(n);

function objectWith(properties: Record<string, unknown>): Record<string, unknown> {
  return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false };
}

describe('fitToBudget', () => {
  it('leaves a schema within the budget alone', () => {
    const schema = objectWith({ a: { type: 'string', description: 'short' } });
    expect(fitToBudget(schema, 1000)).toEqual({ schema, level: 0 });
  });

  it('first drops texts inside values and shortens input descriptions', () => {
    const schema = objectWith({
      a: { type: 'object', description: longText(40), properties: { inner: { type: 'string', description: longText(40) } } },
    });
    const fitted = fitToBudget(schema, 600);
    expect(fitted?.level).toBe(1);
    const a = (fitted?.schema.properties as Record<string, Record<string, unknown>>).a;
    expect((a.description as string).length).toBeLessThanOrEqual(300);
    expect(a.properties).toEqual({ inner: { type: 'string' } });
  });

  it('then collapses large structures and long enums', () => {
    const big = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`field${i}`, { type: 'string' }]));
    const schema = objectWith({
      a: { anyOf: [{ type: 'object', properties: big }, { type: 'object', required: ['href'], properties: { href: { type: 'string' } } }] },
      b: { type: 'string', enum: Array.from({ length: 100 }, (_, i) => `value-${i}`) },
    });
    const fitted = fitToBudget(schema, 500);
    expect(fitted?.level).toBe(2);
    const props = fitted?.schema.properties as Record<string, Record<string, unknown>>;
    expect(props.a.anyOf).toEqual([{ type: 'object' }, { type: 'object', required: ['href'], properties: { href: { type: 'string' } } }]);
    expect(props.b).toEqual({ type: 'string' });
  });

  it('finally keeps only types and short texts', () => {
    const inputs = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`in${i}`, { type: 'array', items: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'number' } } }, description: longText(5) }]));
    const fitted = fitToBudget(objectWith(inputs), 8000);
    expect(fitted?.level).toBe(3);
    expect((fitted?.schema.properties as Record<string, unknown>).in0).toEqual({ type: 'array', items: {}, description: expect.any(String) });
    expect(jsonBytes(fitted?.schema)).toBeLessThanOrEqual(8000);
  });

  it('gives up when even the minimal form is too big', () => {
    const inputs = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`input_number_${i}`, { type: 'string' }]));
    expect(fitToBudget(objectWith(inputs), 2000)).toBeUndefined();
  });
});

describe('deriveTool within the budget', () => {
  it('simplifies a large description, says so, and stays valid', () => {
    const inputs = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [
        `in${i}`,
        { description: longText(60), schema: { type: 'object', description: longText(30), properties: { a: { type: 'string', description: longText(20) } } } },
      ]),
    );
    const result = deriveFrom({ id: 'big', inputs }, 'big');
    if (!result.ok) throw new Error(result.reason);
    expect(result.tool.schemaSimplification).toBeGreaterThan(0);
    expect(result.tool.description).toContain('describe_process');
    expect(result.tool.warnings.join()).toContain('simplified');
    expect(checkToolSchema(result.tool)).toEqual([]);
    // The normalized inputs keep the full schemas.
    expect(result.tool.inputs[0].schema.description).toBe(longText(30).trim());
  });

  it('skips a process whose inputs cannot fit, with a reason', () => {
    const inputs = Object.fromEntries(Array.from({ length: 900 }, (_, i) => [`a_rather_long_input_name_${i}`, { schema: { type: 'string' } }]));
    const result = deriveFrom({ id: 'huge', inputs }, 'huge');
    expect(result).toMatchObject({ ok: false, processId: 'huge', reason: expect.stringContaining('do not fit') });
  });
});
