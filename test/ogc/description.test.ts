import { describe, expect, it } from 'vitest';
import { MAX_PARAMETERS, type ProcessDescription, readProcessDescription } from '../../src/ogc/description.js';

function normalized(raw: unknown, processId?: string): ProcessDescription {
  const result = readProcessDescription(raw, { processId });
  if (!result.ok) throw new Error(result.reason);
  return result.process;
}

const echo = {
  id: 'echo',
  title: 'Echo',
  description: 'Echoes',
  version: '1.0.0',
  jobControlOptions: ['async-execute', 'sync-execute'],
  outputTransmission: ['value'],
  inputs: { text: { title: 'Text', schema: { type: 'string' }, minOccurs: 0, maxOccurs: 3 } },
  outputs: { echo: { schema: { type: 'string' } } },
};

describe('readProcessDescription: Part 1 1.0', () => {
  it('reads id, texts, version, job control and transmission options', () => {
    const p = normalized(echo);
    expect(p).toMatchObject({
      id: 'echo',
      title: 'Echo',
      description: 'Echoes',
      version: '1.0.0',
      jobControlOptions: ['async-execute', 'sync-execute'],
      outputTransmission: ['value'],
    });
    expect(p.inputs).toEqual([{ id: 'text', title: 'Text', minOccurs: 0, maxOccurs: 3, schema: { type: 'string' } }]);
    expect(p.outputs).toEqual([{ id: 'echo', minOccurs: 1, maxOccurs: 1, schema: { type: 'string' } }]);
    expect(p.warnings).toEqual([]);
  });

  it('defaults minOccurs and maxOccurs to 1', () => {
    const p = normalized({ id: 'p', inputs: { x: { schema: {} } } });
    expect(p.inputs[0]).toMatchObject({ minOccurs: 1, maxOccurs: 1 });
  });

  it('accepts empty inputs and outputs, as objects, lists or null', () => {
    for (const empty of [{}, [], null, undefined]) {
      const p = normalized({ id: 'p', inputs: empty, outputs: empty });
      expect(p.inputs).toEqual([]);
      expect(p.outputs).toEqual([]);
    }
  });

  it('lets the listed process id win over the description and says so', () => {
    const p = normalized(echo, 'echo-v2');
    expect(p.id).toBe('echo-v2');
    expect(p.warnings[0]).toContain('"echo"');
  });

  it('uses the listed id when the description has none', () => {
    expect(normalized({ inputs: {} }, 'listed').id).toBe('listed');
  });

  it('fails without any id, and for absurdly long ids', () => {
    expect(readProcessDescription({ inputs: {} })).toEqual({ ok: false, reason: 'the description has no process id' });
    expect(readProcessDescription(null).ok).toBe(false);
    const long = readProcessDescription({ id: 'x'.repeat(5000) });
    expect(long.ok).toBe(false);
  });

  it('turns i18n titles into plain text', () => {
    const p = normalized({ id: 'p', title: { en: 'Hello', fr: 'Bonjour' }, description: { fr: 'Bonjour' } });
    expect(p.title).toBe('Hello');
    expect(p.description).toBe('Bonjour');
  });
});

describe('readProcessDescription: occurrences', () => {
  const occurs = (def: Record<string, unknown>) => normalized({ id: 'p', inputs: { x: { schema: {}, ...def } } });

  it('reads numeric strings and "unbounded"', () => {
    expect(occurs({ minOccurs: '0', maxOccurs: '5' }).inputs[0]).toMatchObject({ minOccurs: 0, maxOccurs: 5 });
    expect(occurs({ minOccurs: 1, maxOccurs: 'unbounded' }).inputs[0]).toMatchObject({ maxOccurs: 'unbounded' });
    expect(occurs({ maxOccurs: 'UNBOUNDED' }).inputs[0]).toMatchObject({ maxOccurs: 'unbounded' });
  });

  it('treats huge maxOccurs as unbounded', () => {
    expect(occurs({ maxOccurs: 1e300 }).inputs[0].maxOccurs).toBe('unbounded');
    expect(occurs({ maxOccurs: 2 ** 40 }).inputs[0].maxOccurs).toBe('unbounded');
    expect(occurs({ maxOccurs: 1024 }).inputs[0].maxOccurs).toBe(1024);
  });

  it('falls back to 1 with a warning for nonsense', () => {
    const p = occurs({ minOccurs: 'some', maxOccurs: { n: 1 } });
    expect(p.inputs[0]).toMatchObject({ minOccurs: 1, maxOccurs: 1 });
    expect(p.warnings).toHaveLength(2);
    expect(occurs({ minOccurs: -3 }).inputs[0].minOccurs).toBe(1);
  });

  it('raises maxOccurs below minOccurs, with a warning', () => {
    const p = occurs({ minOccurs: 3, maxOccurs: 2 });
    expect(p.inputs[0]).toMatchObject({ minOccurs: 3, maxOccurs: 3 });
    expect(p.warnings[0]).toContain('maxOccurs');
    expect(occurs({ minOccurs: 0, maxOccurs: 0 }).inputs[0].maxOccurs).toBe(1);
  });

  it('refuses a process that demands an impossible number of values', () => {
    const result = readProcessDescription({ id: 'p', inputs: { x: { schema: {}, minOccurs: 1e9 } } });
    expect(result).toMatchObject({ ok: false, processId: 'p' });
    if (!result.ok) expect(result.reason).toContain('requires at least');
  });
});

describe('readProcessDescription: older and odd variants', () => {
  it('unwraps {process: ...} and takes job control options from beside it', () => {
    const p = normalized({ process: { id: 'bbox', inputs: {} }, jobControlOptions: ['async-execute'], outputTransmission: ['reference'] });
    expect(p).toMatchObject({ id: 'bbox', jobControlOptions: ['async-execute'], outputTransmission: ['reference'] });
  });

  it('unwraps {processOffering: {process}} and {processDescription: {process}}', () => {
    expect(normalized({ processOffering: { process: { id: 'a' } } }).id).toBe('a');
    expect(normalized({ processDescription: { process: { id: 'b' } }, executionUnit: [] }).id).toBe('b');
  });

  it('reads processVersion and abstract', () => {
    const p = normalized({ process: { id: 'old', processVersion: '1.1', abstract: 'Old style' } });
    expect(p).toMatchObject({ version: '1.1', description: 'Old style' });
  });

  it('merges Dewberry info blocks', () => {
    const p = normalized({ info: { id: 'aep', title: 'AEP', jobControlOptions: ['async-execute'], version: '0.1' }, inputs: [] });
    expect(p).toMatchObject({ id: 'aep', title: 'AEP', jobControlOptions: ['async-execute'], version: '0.1' });
  });

  it('reads PyWPS identifier', () => {
    expect(normalized({ identifier: 'subset', version: null }).id).toBe('subset');
  });

  it('reads list-style inputs with id, and lists of one-entry maps', () => {
    const p = normalized({
      id: 'p',
      inputs: [{ id: 'a', schema: { type: 'string' } }, { b: { schema: { type: 'integer' } } }],
      outputs: [{ c: { schema: {} } }],
    });
    expect(p.inputs.map((i) => i.id)).toEqual(['a', 'b']);
    expect(p.outputs.map((o) => o.id)).toEqual(['c']);
  });

  it('ignores entries without an id or a description, and duplicates, with warnings', () => {
    const p = normalized({ id: 'p', inputs: [{ title: 'no id', schema: {}, minOccurs: 1, maxOccurs: 1 }, 'text', { id: 'a' }, { id: 'a', title: 'again' }, { x: 1 }] });
    expect(p.inputs.map((i) => i.id)).toEqual(['a']);
    expect(p.warnings.length).toBeGreaterThanOrEqual(4);
  });

  it('ignores inputs that are neither a map nor a list', () => {
    const p = normalized({ id: 'p', inputs: 'none' });
    expect(p.inputs).toEqual([]);
    expect(p.warnings).toHaveLength(1);
  });

  it(`refuses more than ${MAX_PARAMETERS} inputs`, () => {
    const inputs = Object.fromEntries(Array.from({ length: MAX_PARAMETERS + 1 }, (_, i) => [`i${i}`, { schema: {} }]));
    const result = readProcessDescription({ id: 'p', inputs });
    expect(result.ok).toBe(false);
  });
});
