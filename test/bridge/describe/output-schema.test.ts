import { describe, expect, it } from 'vitest';
import { buildOutputSchema } from '../../../src/bridge/describe/output-schema.js';
import type { NormalizedOutput } from '../../../src/bridge/describe/index.js';
import { deriveFrom } from '../../support/derive.js';

const output = (id: string, extra: Partial<NormalizedOutput> = {}): NormalizedOutput => ({ id, kind: 'literal', schema: {}, mediaTypes: [], ...extra });

describe('buildOutputSchema', () => {
  it('names each output, constraining nothing (the tool description says what they are)', () => {
    const schema = buildOutputSchema([
      output('count', { title: 'Count', description: 'How many' }),
      output('image', { kind: 'complex', mediaTypes: [{ mediaType: 'image/png', binary: true }] }),
      output('bare'),
    ]);
    expect(schema).toMatchObject({
      type: 'object',
      properties: { outputs: { type: 'object', properties: { count: {}, image: {}, bare: {} } } },
    });
    expect(JSON.stringify(schema)).not.toMatch(/"required"|"additionalProperties"|"description"/);
  });

  it('gives up when even the names do not fit', () => {
    const many = Array.from({ length: 60 }, (_, i) => output(`o${i}`, { description: 'd'.repeat(300) }));
    const outputs = (buildOutputSchema(many)?.properties as Record<string, Record<string, unknown>>).outputs.properties as Record<string, unknown>;
    expect(outputs.o0).toEqual({});
    expect(buildOutputSchema(Array.from({ length: 1000 }, (_, i) => output(`output_${i}`)))).toBeUndefined();
  });

  it('leaves out outputs named like inherited members', () => {
    const schema = buildOutputSchema([output('constructor'), output('ok')]);
    const outputs = (schema?.properties as Record<string, Record<string, unknown>>).outputs.properties as Record<string, unknown>;
    expect(Object.keys(outputs)).toEqual(['ok']);
  });

  it('is accepted by a tool even with hundreds of outputs (then without outputSchema)', () => {
    const outputs = Object.fromEntries(Array.from({ length: 900 }, (_, i) => [`output_${i}`, { schema: {} }]));
    const result = deriveFrom({ id: 'many-outputs', outputs }, 'many');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.tool.outputSchema).toBeUndefined();
  });
});
