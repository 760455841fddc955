// The input checker on its own: messages, OAS 3.0 specifics and defaults.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareInputs } from '../../src/demo/input-preparation.js';
import { BUILTIN_PROCESSES } from '../../src/demo/processes/index.js';
import type { DemoProcess } from '../../src/demo/processes/types.js';
import { checkValue } from '../../src/demo/schema-check.js';

const processById = (id: string) => BUILTIN_PROCESSES.find((p) => p.id === id)!;

describe('checkValue', () => {
  it('accepts exactly the integers within [minimum, maximum]', () => {
    const schema = { type: 'integer' as const, minimum: 0, maximum: 100 };
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (n) => {
        const error = checkValue(n, schema, 'n');
        expect(error === undefined).toBe(n >= 0 && n <= 100);
        if (error) expect(error).toBe(`Input 'n' = ${n} violates ${n < 0 ? 'minimum 0' : 'maximum 100'}`);
      }),
    );
  });

  it('treats boolean exclusiveMinimum/Maximum the OAS 3.0 way', () => {
    const schema = { type: 'number' as const, minimum: 0, exclusiveMinimum: true, maximum: 1, exclusiveMaximum: true };
    expect(checkValue(0, schema, 'x')).toBe("Input 'x' = 0 violates exclusive minimum 0");
    expect(checkValue(1, schema, 'x')).toBe("Input 'x' = 1 violates exclusive maximum 1");
    expect(checkValue(0.5, schema, 'x')).toBeUndefined();
  });

  it('honours nullable, and rejects null otherwise', () => {
    expect(checkValue(null, { type: 'string', nullable: true }, 's')).toBeUndefined();
    expect(checkValue(null, { type: 'string' }, 's')).toBe("Input 's' must not be null");
  });

  it('reports the path of a nested violation', () => {
    const schema = {
      type: 'object' as const,
      properties: { points: { type: 'array' as const, items: { type: 'number' as const, maximum: 5 } } },
    };
    expect(checkValue({ points: [1, 9] }, schema, 'shape')).toBe("Input 'shape.points[1]' = 9 violates maximum 5");
  });

  it('accepts a value matching any oneOf/anyOf alternative and explains a miss', () => {
    const schema = { oneOf: [{ type: 'string' as const }, { type: 'integer' as const }] };
    expect(checkValue('a', schema, 'v')).toBeUndefined();
    expect(checkValue(3, schema, 'v')).toBeUndefined();
    expect(checkValue(true, schema, 'v')).toMatch(/^Input 'v' matches none of the allowed alternatives \(Input 'v' must be a string/);
  });

  it('checks pattern, maxLength, uniqueItems, additionalProperties and date-time', () => {
    expect(checkValue('ab1', { type: 'string', pattern: '^[a-z]+$' }, 'p')).toMatch(/does not match pattern/);
    expect(checkValue('abcd', { type: 'string', maxLength: 3 }, 'p')).toBe("Input 'p' has length 4, violates maxLength 3");
    expect(checkValue([1, 1], { type: 'array', uniqueItems: true }, 'p')).toMatch(/duplicate items/);
    expect(checkValue({ a: 1, b: 2 }, { type: 'object', properties: { a: {} }, additionalProperties: false }, 'p')).toBe(
      "Input 'p' has unknown property 'b'",
    );
    expect(checkValue('2025-01-31T12:00:00Z', { type: 'string', format: 'date-time' }, 'p')).toBeUndefined();
    expect(checkValue('2025-01-31 noon', { type: 'string', format: 'date-time' }, 'p')).toMatch(/not a valid date-time/);
  });

  it('accepts plausible WKT and rejects unbalanced or unknown geometry', () => {
    const wkt = { type: 'string' as const, format: 'wkt' };
    for (const ok of ['POINT(1 2)', 'polygon ((0 0, 1 0, 1 1, 0 0))', 'POINT Z (1 2 3)', 'MULTIPOINT EMPTY']) {
      expect(checkValue(ok, wkt, 'g'), ok).toBeUndefined();
    }
    for (const bad of ['POINT(1 2', 'POINT 1 2', 'CIRCLE(0 0, 1)', '']) {
      expect(checkValue(bad, wkt, 'g'), bad).toMatch(/not a valid wkt/);
    }
  });
});

describe('prepareInputs', () => {
  it('merges defaults and drops unknown inputs', () => {
    expect(prepareInputs(processById('sleep_a_while'), { duration: 2, other: 1 })).toEqual({
      ok: true,
      inputs: { duration: 2, fail: false },
    });
    expect(prepareInputs(processById('primes_between'), undefined)).toEqual({ ok: true, inputs: { min_val: 0, max_val: 100 } });
  });

  it('does not share default objects between jobs', () => {
    const a = prepareInputs(processById('simulate_scene'), {});
    const b = prepareInputs(processById('simulate_scene'), {});
    expect(a.ok && b.ok && a.inputs.bbox !== b.inputs.bbox).toBe(true);
  });

  it('counts occurrences of a multi-valued input', () => {
    const process: DemoProcess = {
      ...processById('process_pipeline'),
      inputs: { tag: { minOccurs: 2, maxOccurs: 3, schema: { type: 'string' } } },
    };
    expect(prepareInputs(process, { tag: ['a', 'b'] })).toEqual({ ok: true, inputs: { tag: ['a', 'b'] } });
    expect(prepareInputs(process, { tag: ['a'] })).toEqual({ ok: false, message: "Input 'tag' has 1 values, needs at least 2 (minOccurs)" });
    expect(prepareInputs(process, { tag: ['a', 'b', 'c', 'd'] })).toEqual({
      ok: false,
      message: "Input 'tag' has 4 values, allows at most 3 (maxOccurs)",
    });
    expect(prepareInputs(process, { tag: ['a', 7] })).toEqual({ ok: false, message: "Input 'tag[1]' must be a string, got number 7" });
  });
});
