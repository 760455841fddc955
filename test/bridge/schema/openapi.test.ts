import { describe, expect, it } from 'vitest';
import { CRS84, CRS84H } from '../../../src/bridge/schema/known-schemas.js';
import { convertSchema } from '../../../src/bridge/schema/openapi.js';
import { typeFromName } from '../../../src/ogc/data-types.js';

const convert = (raw: unknown, document?: unknown) => convertSchema(raw, { document });

describe('convertSchema: OpenAPI 3.0 keywords', () => {
  it('turns boolean exclusiveMinimum/exclusiveMaximum into numbers', () => {
    expect(convert({ type: 'number', minimum: 0, maximum: 10, exclusiveMinimum: true }).schema).toEqual({ type: 'number', maximum: 10, exclusiveMinimum: 0 });
    expect(convert({ type: 'number', maximum: 10, exclusiveMaximum: true }).schema).toEqual({ type: 'number', exclusiveMaximum: 10 });
    expect(convert({ type: 'number', minimum: 1, exclusiveMinimum: false }).schema).toEqual({ type: 'number', minimum: 1 });
    // Already 2020-12.
    expect(convert({ type: 'number', exclusiveMinimum: 3 }).schema).toEqual({ type: 'number', exclusiveMinimum: 3 });
  });

  it('turns nullable into a type union and lets null into an enum', () => {
    expect(convert({ type: 'integer', nullable: true }).schema).toEqual({ type: ['integer', 'null'] });
    expect(convert({ type: 'string', enum: ['a'], nullable: true }).schema).toEqual({ type: ['string', 'null'], enum: ['a', null] });
    expect(convert({ type: 'string', nullable: false }).schema).toEqual({ type: 'string' });
  });

  it('turns oneOf into anyOf', () => {
    expect(convert({ oneOf: [{ type: 'integer' }, { type: 'number' }] }).schema).toEqual({ anyOf: [{ type: 'integer' }, { type: 'number' }] });
  });

  it('turns example into examples', () => {
    expect(convert({ type: 'string', example: 'x' }).schema).toEqual({ type: 'string', examples: ['x'] });
  });

  it('moves a contentSchema URL into the description', () => {
    const { schema } = convert({ type: 'string', contentMediaType: 'application/gml+xml', contentSchema: 'http://x/y.xsd', description: 'GML' });
    expect(schema).toEqual({ type: 'string', contentMediaType: 'application/gml+xml', description: 'GML Content schema: http://x/y.xsd' });
  });

  it('maps non-JSON-Schema type names', () => {
    expect(convert({ type: 'float' }).schema).toEqual({ type: 'number' });
    expect(convert({ type: 'bool' }).schema).toEqual({ type: 'boolean' });
    expect(convert({ type: 'String' }).schema).toEqual({ type: 'string' });
    expect(convert({ type: 'double' }).schema).toEqual({ type: 'number' });
    expect(typeFromName('xs:dateTime')).toEqual({ type: 'string', format: 'date-time' });
    expect(typeFromName('quaternion')).toBeUndefined();
  });

  it('drops an unknown type with a note instead of failing', () => {
    const { schema, notes } = convert({ type: 'quaternion', description: 'q' });
    expect(schema).toEqual({ description: 'q' });
    expect(notes[0]).toContain('quaternion');
  });

  it('coerces numeric strings in bounds and drops nonsense', () => {
    expect(convert({ type: 'integer', minimum: '1', maximum: 'ten', minLength: -1, maxItems: 2.5 }).schema).toEqual({ type: 'integer', minimum: 1 });
  });

  it('keeps formats clients know, maps url to uri, drops the rest', () => {
    expect(convert({ type: 'string', format: 'date-time' }).schema).toEqual({ type: 'string', format: 'date-time' });
    expect(convert({ type: 'string', format: 'url' }).schema).toEqual({ type: 'string', format: 'uri' });
    expect(convert({ type: 'number', format: 'double' }).schema).toEqual({ type: 'number' });
    expect(convert({ type: 'string', format: 'byte' }).schema).toEqual({ type: 'string', contentEncoding: 'base64' });
    expect(convert({ type: 'string', format: 'binary' }).schema).toEqual({ type: 'string', contentEncoding: 'binary' });
  });

  it('drops invalid patterns with a note', () => {
    const { schema, notes } = convert({ type: 'string', pattern: '([a-z' });
    expect(schema).toEqual({ type: 'string' });
    expect(notes).toHaveLength(1);
    expect(convert({ type: 'string', pattern: '^[a-z]+$' }).schema).toEqual({ type: 'string', pattern: '^[a-z]+$' });
  });

  it('leaves out x- keys, metadata and keywords without meaning for validation', () => {
    const raw = { type: 'string', 'x-ui-widget': 'text', 'x-order': 1, readOnly: true, xml: { name: 'a' }, discriminator: {}, metadata: [] };
    expect(convert(raw).schema).toEqual({ type: 'string' });
  });

  it('turns i18n titles and descriptions into text', () => {
    expect(convert({ type: 'string', title: { en: 'Name', fr: 'Nom' }, description: { de: 'Name der Person' } }).schema).toEqual({
      type: 'string',
      title: 'Name',
      description: 'Name der Person',
    });
  });

  it('deduplicates enum values and keeps defaults', () => {
    expect(convert({ type: 'string', enum: ['uint8', 'int32', 'int32', 'float'], default: 'float' }).schema).toEqual({
      type: 'string',
      enum: ['uint8', 'int32', 'float'],
      default: 'float',
    });
    expect(convert({ enum: [{ a: 1 }, { a: 1 }, 2] }).schema).toEqual({ enum: [{ a: 1 }, 2] });
  });

  it('gives every array items', () => {
    expect(convert({ type: 'array' }).schema).toEqual({ type: 'array', items: {} });
    expect(convert({ type: ['array', 'null'] }).schema).toEqual({ type: ['array', 'null'], items: {} });
  });

  it('turns draft-4 tuple items into a choice of item schemas', () => {
    expect(convert({ type: 'array', items: [{ type: 'number' }, { type: 'string' }] }).schema).toEqual({
      type: 'array',
      items: { anyOf: [{ type: 'number' }, { type: 'string' }] },
    });
  });

  it('converts nested schemas (properties, items, additionalProperties, not)', () => {
    const raw = {
      type: 'object',
      properties: { n: { type: 'number', exclusiveMaximum: true, maximum: 1 }, list: { type: 'array', items: { type: 'float' } } },
      additionalProperties: { type: 'string', nullable: true },
      not: { type: 'bool' },
    };
    expect(convert(raw).schema).toEqual({
      type: 'object',
      properties: { n: { type: 'number', exclusiveMaximum: 1 }, list: { type: 'array', items: { type: 'number' } } },
      additionalProperties: { type: ['string', 'null'] },
      not: { type: 'boolean' },
    });
  });

  it('leaves properties named like inherited members undescribed', () => {
    const { schema, notes } = convert(JSON.parse('{"type":"object","properties":{"constructor":{"type":"string"},"__proto__":{"type":"number"},"ok":{}}}'));
    expect(Object.keys(schema.properties as object)).toEqual(['ok']);
    expect(notes).toHaveLength(2);
  });
});

describe('convertSchema: combinators', () => {
  it('merges allOf members into one flat schema', () => {
    expect(convert({ allOf: [{ type: 'object', required: ['a'] }, { properties: { a: { type: 'string' } }, required: ['b'] }] }).schema).toEqual({
      type: 'object',
      required: ['a', 'b'],
      properties: { a: { type: 'string' } },
    });
  });

  it('keeps allOf members that conflict', () => {
    expect(convert({ allOf: [{ type: 'string' }, { type: 'number' }] }).schema).toEqual({ type: 'string', allOf: [{ type: 'number' }] });
  });

  it('unwraps single alternatives and flattens nested ones, without duplicates', () => {
    expect(convert({ oneOf: [{ type: 'string' }] }).schema).toEqual({ type: 'string' });
    expect(convert({ oneOf: [{ type: 'string' }, { anyOf: [{ type: 'number' }, { type: 'string' }] }] }).schema).toEqual({
      anyOf: [{ type: 'string' }, { type: 'number' }],
    });
  });

  it('drops a choice that has an alternative accepting anything', () => {
    expect(convert({ type: 'string', anyOf: [{}, { minLength: 2 }] }).schema).toEqual({ type: 'string' });
  });
});

describe('convertSchema: references', () => {
  it('inlines bbox.yaml (relative and absolute) with format ogc-bbox as the {bbox, crs} object', () => {
    for (const ref of ['../../openapi/schemas/bbox.yaml', 'https://schemas.opengis.net/ogcapi/processes/part1/1.0/openapi/schemas/bbox.yaml']) {
      const { schema, notes } = convert({ allOf: [{ format: 'ogc-bbox' }, { $ref: ref }] });
      expect(notes).toEqual([]);
      expect(schema).toMatchObject({
        type: 'object',
        required: ['bbox'],
        properties: { bbox: { type: 'array', items: { type: 'number' }, minItems: 4, maxItems: 6 }, crs: { enum: [CRS84, CRS84H], default: CRS84 } },
      });
    }
  });

  it('turns an inline format ogc-bbox object into the same shape, keeping its own CRS schema', () => {
    const { schema } = convert({
      type: 'object',
      format: 'ogc-bbox',
      required: ['bbox'],
      properties: { bbox: { type: 'array', items: { type: 'number' } }, crs: { type: 'string' } },
    });
    expect(schema).toMatchObject({ properties: { bbox: { minItems: 4, maxItems: 6 }, crs: { type: 'string' } }, additionalProperties: false });
  });

  it('inlines GeoJSON references and format markers', () => {
    const geometry = convert({ allOf: [{ format: 'geojson-geometry' }, { $ref: 'http://schemas.opengis.net/ogcapi/features/part1/1.0/openapi/schemas/geometryGeoJSON.yaml' }] }).schema;
    expect(geometry).toMatchObject({ type: 'object', required: ['type'], properties: { type: { enum: expect.arrayContaining(['Point', 'Polygon']) } } });
    const collection = convert({ $ref: 'https://geojson.org/schema/FeatureCollection.json' }).schema;
    expect(collection).toMatchObject({ required: ['type', 'features'], properties: { type: { enum: ['FeatureCollection'] } } });
    expect(convert({ format: 'geojson-feature' }).schema).toMatchObject({ properties: { type: { enum: ['Feature'] } } });
    expect(convert({ $ref: 'https://geojson.org/schema/Point.json' }).schema).toMatchObject({ properties: { type: { enum: ['Point'] } } });
  });

  it('resolves local references against the schema, then the whole description', () => {
    const schema = { $defs: { Name: { type: 'string', minLength: 1 } }, type: 'object', properties: { name: { $ref: '#/$defs/Name' } } };
    expect(convert(schema).schema).toEqual({ type: 'object', properties: { name: { type: 'string', minLength: 1 } } });
    const document = { components: { schemas: { Level: { type: 'integer', maximum: 9 } } } };
    expect(convert({ $ref: '#/components/schemas/Level' }, document).schema).toEqual({ type: 'integer', maximum: 9 });
  });

  it('merges $ref siblings over the target', () => {
    const document = { defs: { n: { type: 'number', description: 'target' } } };
    expect(convert({ $ref: '#/defs/n', description: 'sibling', minimum: 0 }, document).schema).toEqual({ type: 'number', description: 'sibling', minimum: 0 });
  });

  it('resolves dangling references to a permissive schema with a note', () => {
    const { schema, notes } = convert({ type: 'object', properties: { a: { $ref: 'https://example.org/unknown.json' }, b: { $ref: '#/nowhere' } } });
    expect(schema).toEqual({ type: 'object', properties: { a: {}, b: {} } });
    expect(notes).toHaveLength(2);
    expect(notes[0]).toContain('https://example.org/unknown.json');
  });

  it('cuts recursive references with a note', () => {
    const document = { defs: { node: { type: 'object', properties: { child: { $ref: '#/defs/node' } } } } };
    const { schema, notes } = convert({ $ref: '#/defs/node' }, document);
    expect(schema).toEqual({ type: 'object', properties: { child: {} } });
    expect(notes[0]).toContain('refers to itself');
  });

  it('never leaves $ref or $defs in the result', () => {
    const { schema } = convert({ $defs: { a: { type: 'string' } }, $id: 'x', $schema: 'y', anyOf: [{ $ref: '#/$defs/a' }, { $ref: 'bbox.yaml' }] });
    expect(JSON.stringify(schema)).not.toMatch(/\$ref|\$defs|\$id|\$schema/);
  });
});

describe('convertSchema: limits', () => {
  it('cuts schemas nested too deeply', () => {
    let raw: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 200; i++) raw = { type: 'array', items: raw };
    const { schema, notes } = convert(raw);
    expect(notes[0]).toContain('nested too deeply');
    expect(JSON.stringify(schema).length).toBeLessThan(2000);
  });

  it('cuts object graphs that contain themselves', () => {
    const raw: Record<string, unknown> = { type: 'object', properties: {} };
    (raw.properties as Record<string, unknown>).self = raw;
    const { schema, notes } = convert(raw);
    expect(schema).toEqual({ type: 'object', properties: { self: {} } });
    expect(notes[0]).toContain('contains itself');
  });

  it('stops at the node budget', () => {
    const wide = { type: 'object', properties: Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`p${i}`, { type: 'string' }])) };
    const { schema, notes } = convertSchema(wide, { budget: { nodesLeft: 50 } });
    expect(Object.keys(schema.properties as object)).toHaveLength(400);
    expect(notes[0]).toContain('too large');
  });

  it('leaves out enums too long to show', () => {
    const { schema, notes } = convert({ type: 'integer', enum: Array.from({ length: 5000 }, (_, i) => i) });
    expect(schema).toEqual({ type: 'integer' });
    expect(notes).toHaveLength(1);
  });

  it('treats non-schemas as permissive', () => {
    expect(convert('string').schema).toEqual({});
    expect(convert(null).schema).toEqual({});
    expect(convert(true).schema).toEqual({});
    expect(convert(false).schema).toEqual({ not: {} });
  });
});
