import { describe, expect, it, vi } from 'vitest';
import { createRequire } from 'node:module';
import type { Ajv2020 as Ajv2020Type } from 'ajv/dist/2020.js';
import { ArgumentValidator } from '../../src/mcp/validation.js';

// The same (CommonJS) ajv module the validator loads.
const { Ajv2020 } = createRequire(import.meta.url)('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020Type };

const schema = {
  type: 'object',
  properties: {
    min_val: { type: 'integer', minimum: 0 },
    max_val: { type: 'integer', maximum: 100 },
    style: { type: 'string', enum: ['gradient', 'checkerboard'] },
    when: { type: 'string', format: 'date-time' },
    bbox: {
      type: 'object',
      properties: { bbox: { type: 'array', items: { type: 'number' }, minItems: 4, maxItems: 4 } },
      required: ['bbox'],
    },
  },
  required: ['max_val'],
  additionalProperties: false,
};

const shared = new ArgumentValidator();

function problems(args: unknown): string[] {
  const outcome = shared.validate(schema, args);
  return outcome.ok ? [] : outcome.problems;
}

describe('argument validation', () => {
  it('accepts valid arguments', () => {
    expect(shared.validate(schema, { max_val: 20, style: 'gradient', when: '2024-01-01T00:00:00Z' })).toEqual({ ok: true });
  });

  it('names the input, the constraint and the value', () => {
    expect(problems({ max_val: 150 })).toEqual(['input "max_val" must be <= 100 (maximum); got 150']);
    expect(problems({ max_val: 'ten' })).toEqual(['input "max_val" must be of type integer (type); got "ten"']);
    expect(problems({ max_val: 1, style: 'plaid' })).toEqual(['input "style" must be one of "gradient", "checkerboard" (enum); got "plaid"']);
    expect(problems({ max_val: 1, when: 'yesterday' })).toEqual(['input "when" must be a valid date-time (format); got "yesterday"']);
    expect(problems({})).toEqual(['missing required input "max_val"']);
    expect(problems({ max_val: 1, colour: 'red' })).toEqual(['unknown input "colour" (this tool does not take it)']);
    expect(problems({ max_val: 1, bbox: { bbox: [1, 2, 3] } })).toEqual(['input "bbox.bbox" must NOT have fewer than 4 items (minItems); got [1,2,3]']);
    expect(problems({ max_val: 1, bbox: {} })).toEqual(['input "bbox" is missing its required property "bbox"']);
  });

  it('reports several problems at once and shortens long values', () => {
    const found = problems({ min_val: -1, max_val: 'x'.repeat(500) });
    expect(found).toHaveLength(2);
    expect(found[0]).toContain('input "min_val" must be >= 0 (minimum); got -1');
    expect(found[1]).toMatch(/got "x{20,}… \(502 characters\)$/);
  });

  it('compiles each schema object once', () => {
    const compile = vi.spyOn(Ajv2020.prototype, 'compile');
    try {
      const validator = new ArgumentValidator();
      validator.validate(schema, { max_val: 1 });
      validator.validate(schema, { max_val: 2 });
      expect(compile).toHaveBeenCalledTimes(1);
      validator.validate({ ...schema }, { max_val: 3 });
      expect(compile).toHaveBeenCalledTimes(2);
    } finally {
      compile.mockRestore();
    }
  });
});
