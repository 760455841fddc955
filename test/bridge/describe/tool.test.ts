import { describe, expect, it } from 'vitest';
import { createAjv } from '../../../src/util/ajv.js';
import { checkToolSchema } from '../../../src/bridge/describe/schema-checks.js';
import type { DerivedTool } from '../../../src/bridge/describe/index.js';
import { deriveFrom } from '../../support/derive.js';

function tool(raw: unknown, options: Parameters<typeof deriveFrom>[2] = {}): DerivedTool {
  const result = deriveFrom(raw, 'the_tool', options);
  if (!result.ok) throw new Error(result.reason);
  expect(checkToolSchema(result.tool)).toEqual([]);
  return result.tool;
}

const props = (t: DerivedTool) => t.inputSchema.properties as Record<string, Record<string, unknown>>;

describe('deriveTool: the tool around the schema', () => {
  const t = tool({
    id: 'hello-world',
    title: { en: 'Hello World', fr: 'Bonjour le Monde' },
    description: { en: 'Echoes a name.', fr: 'Renvoie un nom.' },
    version: '0.2.0',
    jobControlOptions: ['sync-execute', 'async-execute'],
    inputs: { name: { title: 'Name', schema: { type: 'string' }, minOccurs: 1, maxOccurs: 1 } },
    outputs: { echo: { title: 'Echo', schema: { type: 'object', contentMediaType: 'application/json' } } },
  });

  it('takes name, title, annotations and _meta from the process', () => {
    expect(t.name).toBe('the_tool');
    expect(t.processId).toBe('hello-world');
    expect(t.title).toBe('Hello World');
    // Only what differs from the MCP defaults; the title is the tool's own.
    expect(t.annotations).toEqual({ destructiveHint: false });
    expect(t._meta).toEqual({ 'ogc-processes-mcp/processId': 'hello-world' });
    expect(t.version).toBe('0.2.0');
    expect(t.jobControlOptions).toEqual(['sync-execute', 'async-execute']);
  });

  it('describes what the process does and its outputs; following a job is said once, in the instructions', () => {
    expect(t.description.startsWith('Echoes a name.')).toBe(true);
    expect(t.description).toContain('Outputs: echo');
    expect(t.description).not.toContain('get_job');
  });

  it('declares a permissive outputSchema naming the outputs', () => {
    expect(t.outputSchema).toMatchObject({
      type: 'object',
      properties: { outputs: { type: 'object', properties: { echo: {} } } },
    });
    expect(t.outputSchema?.required).toBeUndefined();
    expect(t.outputs).toEqual([{ id: 'echo', title: 'Echo', kind: 'complex', mediaTypes: [], schema: { type: 'object', contentMediaType: 'application/json' } }]);
  });

  it('falls back to the id for the title and a sentence for the description', () => {
    const bare = tool({ id: 'bare', title: '', description: '' });
    expect(bare.title).toBe('bare');
    expect(bare.description).toMatch(/^Runs the OGC API process "bare"\./);
    expect(bare.inputSchema).toEqual({ type: 'object', properties: {}, additionalProperties: false });
  });

  it('keeps the description within 2,048 characters, the outputs sentence included', () => {
    const long = tool({ id: 'long', description: 'word '.repeat(2000), outputs: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`o${i}`, { schema: {} }])) });
    expect(long.description.length).toBeLessThanOrEqual(2048);
    expect(long.description).toContain('Outputs: o0, o1');
    expect(long.description).toContain('and 30 more');
  });
});

describe('deriveTool: inputs', () => {
  it('makes inputs with minOccurs > 0 required, and only those', () => {
    const t = tool({ id: 'p', inputs: { a: { schema: { type: 'string' } }, b: { schema: { type: 'string' }, minOccurs: 0 }, c: { schema: {}, minOccurs: '2', maxOccurs: 5 } } });
    expect(t.inputSchema.required).toEqual(['a', 'c']);
    expect(t.inputSchema.additionalProperties).toBe(false);
  });

  it('makes inputs with maxOccurs > 1 arrays with items, minItems and maxItems', () => {
    const t = tool({
      id: 'p',
      inputs: {
        few: { schema: { type: 'integer' }, minOccurs: 2, maxOccurs: 5 },
        many: { schema: { type: 'string' }, minOccurs: 0, maxOccurs: 'unbounded' },
        huge: { schema: { type: 'string' }, maxOccurs: 1e300 },
      },
    });
    expect(props(t).few).toMatchObject({ type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 5 });
    expect(props(t).many).toMatchObject({ type: 'array', items: { type: 'string' }, minItems: 1 });
    expect(props(t).many.maxItems).toBeUndefined();
    expect(props(t).huge.maxItems).toBeUndefined();
    expect(t.inputs.map((i) => i.multiple)).toEqual([true, true, true]);
  });

  it('keeps a single array-valued input (maxOccurs 1) as the array schema itself', () => {
    const t = tool({ id: 'p', inputs: { arrayInput: { schema: { type: 'array', minItems: 2, maxItems: 10, items: { type: 'integer' } } } } });
    expect(props(t).arrayInput).toMatchObject({ type: 'array', minItems: 2, maxItems: 10, items: { type: 'integer' } });
    expect(t.inputs[0].multiple).toBe(false);
  });

  it('carries titles, descriptions, enums and defaults, i18n as text, metadata and x- keys left out', () => {
    const t = tool({
      id: 'p',
      inputs: {
        out: {
          title: { en: 'Pixel type', fr: 'Type de pixel' },
          description: 'Output pixel type',
          metadata: [{ title: 'doc', href: 'https://example.org' }],
          keywords: ['pixel'],
          additionalParameters: [{ name: 'pattern', value: '-name value' }],
          'x-ui-order': 3,
          schema: { type: 'string', enum: ['uint8', 'int32', 'int32'], default: 'uint8', 'x-ui-widget': 'select' },
        },
      },
    });
    // The title says nothing the description does not: one text only.
    expect(props(t).out).toEqual({ description: 'Output pixel type', type: 'string', enum: ['uint8', 'int32'], default: 'uint8' });
  });

  it('accepts an enum beside the schema', () => {
    const t = tool({ id: 'p', inputs: { f: { schema: { type: 'string' }, enum: ['wkt', 'geojson'] } } });
    expect(props(t).f).toMatchObject({ type: 'string', enum: ['wkt', 'geojson'] });
  });

  it('offers complex inputs inline or by reference {href, type}', () => {
    const t = tool({ id: 'p', inputs: { obj: { schema: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } } } } });
    const obj = props(t).obj;
    expect(obj.anyOf).toEqual([
      { type: 'object', required: ['message'], properties: { message: { type: 'string' } } },
      expect.objectContaining({ type: 'object', required: ['href'], properties: expect.objectContaining({ href: { type: 'string', format: 'uri' } }) }),
    ]);
    // Said once, on the input.
    expect(obj.description).toContain('A reference {"href": URL} may be given instead of the value.');
    expect(t.inputs[0]).toMatchObject({ kind: 'complex', acceptsReference: true, qualifiedContent: false });
    expect(t.description).not.toContain('reference');
  });

  it('offers one binary media type as a base64 string', () => {
    const t = tool({ id: 'p', inputs: { image: { schema: { type: 'string', contentEncoding: 'binary', contentMediaType: 'image/png' } } } });
    expect((props(t).image.anyOf as unknown[])[0]).toEqual({
      type: 'string',
      contentMediaType: 'image/png',
      contentEncoding: 'base64',
      description: 'The image/png content, base64-encoded.',
    });
    expect(t.inputs[0].stringContent).toEqual({ mediaType: 'image/png', binary: true });
    expect(props(t).image.description).toContain('base64');
  });

  it('offers several media types as {value, mediaType}', () => {
    const t = tool({
      id: 'p',
      inputs: {
        fc: {
          schema: {
            oneOf: [
              { type: 'string', contentMediaType: 'application/gml+xml; version=3.2' },
              { type: 'string', contentMediaType: 'application/vnd.google-earth.kml+xml' },
            ],
          },
        },
      },
    });
    expect((props(t).fc.anyOf as unknown[])[0]).toMatchObject({
      type: 'object',
      required: ['value', 'mediaType'],
      properties: { mediaType: { enum: ['application/gml+xml; version=3.2', 'application/vnd.google-earth.kml+xml'] } },
    });
    expect(t.inputs[0]).toMatchObject({ qualifiedContent: true });
    expect(t.inputs[0].stringContent).toBeUndefined();
  });

  it('uses {value, mediaType} for content when a plain string is also a literal alternative', () => {
    const t = tool({ id: 'p', inputs: { g: { schema: { oneOf: [{ type: 'string' }, { type: 'string', contentMediaType: 'text/csv' }] } } } });
    expect(t.inputs[0]).toMatchObject({ qualifiedContent: true });
    expect(t.inputs[0].stringContent).toBeUndefined();
  });

  it('turns bounding boxes into the inline {bbox, crs} object, without a reference choice', () => {
    const t = tool({ id: 'p', inputs: { bbox: { schema: { allOf: [{ format: 'ogc-bbox' }, { $ref: '../../openapi/schemas/bbox.yaml' }] } } } });
    expect(props(t).bbox).toMatchObject({ type: 'object', required: ['bbox'], properties: { bbox: { type: 'array', items: { type: 'number' } } } });
    expect(props(t).bbox.anyOf).toBeUndefined();
    expect(t.inputs[0]).toMatchObject({ kind: 'bbox', acceptsReference: false });
  });

  it('renames input ids that are not valid argument names, and keeps the way back', () => {
    const t = tool(JSON.parse('{"id":"p","inputs":{"input file":{"schema":{"type":"string"}},"constructor":{"schema":{"type":"string"}},"ok.id":{"schema":{}}}}'));
    const names = Object.keys(props(t));
    expect(names[0]).toMatch(/^input_file_[a-z0-9]{6}$/);
    expect(names[1]).toMatch(/^constructor_[a-z0-9]{6}$/);
    expect(names[2]).toBe('ok.id');
    expect(t.inputs.map((i) => [i.id, i.argumentName])).toEqual([
      ['input file', names[0]],
      ['constructor', names[1]],
      ['ok.id', 'ok.id'],
    ]);
  });

  it('notes unresolvable references in the input description and in the warnings', () => {
    const t = tool({ id: 'p', inputs: { x: { schema: { $ref: 'https://example.org/x.json' } } } });
    expect(props(t).x.description).toContain('could not be resolved');
    expect(t.warnings[0]).toContain('input "x"');
    expect(t.description).toContain('The schema of x is incomplete');
  });

  it('accepts any single value for an input without a schema, but not a list (maxOccurs 1), with a warning', () => {
    const t = tool({ id: 'p', inputs: { x: { title: 'X' }, y: { title: 'The y', maxOccurs: 3 } } });
    // A title that only repeats the name says nothing; another is the description.
    expect(String((props(t).x as { description?: string }).description ?? '')).not.toContain('X');
    expect(String((props(t).y as { description?: string }).description)).toContain('The y');
    const validate = createAjv().compile(t.inputSchema);
    expect(validate({ x: 'a', y: [1, 'b'] })).toBe(true);
    expect(validate({ x: { any: 'thing' }, y: [1] })).toBe(true);
    expect(validate({ x: ['a', 'b'], y: [1] })).toBe(false);
    expect(t.warnings).toEqual(['input "x": it has no schema; any single value is accepted', 'input "y": it has no schema; any value is accepted']);
  });

  it('remembers the object encoding it was derived for', () => {
    expect(tool({ id: 'p' }).objectInputEncoding).toBe('raw');
    expect(tool({ id: 'p' }, { objectInputEncoding: 'qualified' }).objectInputEncoding).toBe('qualified');
  });
});

describe('deriveTool: failures', () => {
  it('gives a reason instead of throwing', () => {
    expect(deriveFrom(undefined, 'x')).toEqual({ ok: false, reason: 'the description has no process id' });
    expect(deriveFrom({ id: 'p' }, 'bad name!')).toMatchObject({ ok: false, processId: 'p', reason: expect.stringContaining('name') });
    const boom = (): never => {
      throw new Error('boom');
    };
    const throwing = new Proxy({}, { get: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, has: boom });
    const result = deriveFrom(throwing, 'x', { processId: 'listed' });
    expect(result).toMatchObject({ ok: false, processId: 'listed', reason: expect.stringContaining('boom') });
  });
});

describe('deriveTool: nullable inputs', () => {
  const t = tool({
    id: 'nullable',
    inputs: {
      optional_enum: { minOccurs: 0, schema: { type: 'string', enum: ['NDVI', 'LAI', null], nullable: true } },
      required_text: { minOccurs: 1, schema: { type: 'string', nullable: true } },
    },
    outputs: {},
  });

  it('gives an optional nullable input one plain type: leaving it out says the same as null', () => {
    expect(props(t).optional_enum.type).toBe('string');
    expect(props(t).optional_enum.enum).toEqual(['NDVI', 'LAI']);
  });

  it('keeps null for a required input, where null is the only way to say "none"', () => {
    expect(props(t).required_text.type).toEqual(['string', 'null']);
  });
});
