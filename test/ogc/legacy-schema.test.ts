import { describe, expect, it } from 'vitest';
import { schemaOfDefinition } from '../../src/ogc/legacy-schema.js';

function schemaOf(def: Record<string, unknown>): { schema: unknown; warnings: string[] } {
  const warnings: string[] = [];
  const schema = schemaOfDefinition(def, (w) => warnings.push(w));
  return { schema, warnings };
}

describe('schemaOfDefinition', () => {
  it('returns a Part 1 schema as it is', () => {
    expect(schemaOf({ schema: { type: 'string' } }).schema).toEqual({ type: 'string' });
  });

  it('moves an enum written beside the schema into it (pygeoapi)', () => {
    expect(schemaOf({ schema: { type: 'string' }, enum: ['wkt', 'geojson'] }).schema).toEqual({ type: 'string', enum: ['wkt', 'geojson'] });
    expect(schemaOf({ schema: { type: 'array', items: { type: 'string' } }, enum: ['a'] }).schema).toEqual({
      type: 'array',
      items: { type: 'string', enum: ['a'] },
    });
    // An enum inside the schema wins.
    expect(schemaOf({ schema: { type: 'string', enum: ['in'] }, enum: ['out'] }).schema).toEqual({ type: 'string', enum: ['in'] });
  });

  it('reads a draft literalDataDomain with a dataType name and anyValue', () => {
    const def = { input: { literalDataDomain: { dataType: { name: 'double' }, valueDefinition: { anyValue: true } } } };
    expect(schemaOf(def).schema).toEqual({ type: 'number' });
  });

  it('reads a plain-string dataType and XML Schema names', () => {
    expect(schemaOf({ input: { literalDataDomain: { dataType: 'string' } } }).schema).toEqual({ type: 'string' });
    expect(schemaOf({ input: { literalDataDomain: { dataType: 'xs:dateTime' } } }).schema).toEqual({ type: 'string', format: 'date-time' });
    expect(schemaOf({ input: { literalDataDomain: { dataType: 'String' } } }).schema).toEqual({ type: 'string' });
  });

  it('accepts any value for an unknown dataType, with a warning', () => {
    const { schema, warnings } = schemaOf({ input: { literalDataDomain: { dataType: 'value', valueDefinition: { anyValue: true } } } });
    expect(schema).toEqual({});
    expect(warnings[0]).toContain('"value"');
  });

  it('reads literalDataDomains (plural), picking the default domain, with ranges and defaultValue', () => {
    const def = {
      input: {
        literalDataDomains: [
          { dataType: { name: 'string' } },
          {
            default: true,
            defaultValue: '1.0',
            dataType: { name: 'float' },
            valueDefinition: [{ minimumValue: '0.0', maximumValue: '10', rangeClosure: 'open-closed' }],
          },
        ],
      },
    };
    expect(schemaOf(def).schema).toEqual({ type: 'number', minimum: 0, maximum: 10, exclusiveMinimum: true, default: 1 });
  });

  it('keeps several ranges as alternatives', () => {
    const def = { input: { literalDataDomain: { dataType: 'integer', valueDefinition: [{ minimumValue: 1, maximumValue: 3 }, { minimumValue: 10, maximumValue: 13 }] } } };
    expect(schemaOf(def).schema).toEqual({ type: 'integer', oneOf: [{ minimum: 1, maximum: 3 }, { minimum: 10, maximum: 13 }] });
  });

  it('turns allowedValues into an enum of the declared type (Testbed-14 LiteralDataDomain beside formats)', () => {
    const def = {
      formats: [{ mimeType: 'text/plain', default: true }],
      LiteralDataDomain: { allowedValues: ['s2', 's2', 'l8'], dataType: 'String' },
    };
    expect(schemaOf(def).schema).toEqual({ type: 'string', enum: ['s2', 's2', 'l8'] });
    const numeric = { input: { literalDataDomain: { dataType: 'integer', valueDefinition: { allowedValues: ['1', '2', 'x'] } } } };
    expect(schemaOf(numeric).schema).toEqual({ type: 'integer', enum: [1, 2] });
  });

  it('adds the unit of measure to the description', () => {
    const def = { input: { literalDataDomain: { dataType: 'double', uom: { name: 'm' } } } };
    expect(schemaOf(def).schema).toEqual({ type: 'number', description: 'Unit of measure: m.' });
  });

  it('reads PyWPS literals (data_type, allowed_values)', () => {
    expect(schemaOf({ type: 'literal', data_type: 'float', allowed_values: [], any_value: false }).schema).toEqual({ type: 'number' });
    const ranged = { type: 'literal', data_type: 'integer', allowed_values: [{ allowed_type: 'range', minval: 0, maxval: 5 }] };
    expect(schemaOf(ranged).schema).toEqual({ type: 'integer', minimum: 0, maximum: 5 });
    const listed = { type: 'literal', data_type: 'string', allowed_values: [{ allowed_type: 'value', value: 'a' }, { value: 'b' }] };
    expect(schemaOf(listed).schema).toEqual({ type: 'string', enum: ['a', 'b'] });
  });

  it('turns supportedCRS into a bounding box with that CRS list, default first', () => {
    const def = { input: { supportedCRS: [{ crs: 'EPSG:3857' }, { crs: 'EPSG:4326', default: true }] } };
    expect(schemaOf(def).schema).toEqual({
      type: 'object',
      format: 'ogc-bbox',
      properties: { crs: { type: 'string', enum: ['EPSG:4326', 'EPSG:3857'], default: 'EPSG:4326' } },
    });
  });

  it('turns formats into content alternatives, default first, deduplicated', () => {
    const def = {
      input: {
        formats: [{ mimeType: 'text/xml' }, { mimeType: 'application/xml', default: true }, { mimeType: 'application/xml' }],
      },
    };
    expect(schemaOf(def).schema).toEqual({
      oneOf: [
        { type: 'string', contentMediaType: 'application/xml' },
        { type: 'string', contentMediaType: 'text/xml' },
      ],
    });
  });

  it('leaves JSON formats untyped (any JSON document) and keeps encodings', () => {
    expect(schemaOf({ formats: [{ mimeType: 'application/json' }] }).schema).toEqual({ contentMediaType: 'application/json' });
    const pywps = { type: 'complex', data_format: { mime_type: 'application/x-netcdf', encoding: 'base64' }, formats: [{ mimeType: 'application/x-netcdf', encoding: 'base64' }] };
    expect(schemaOf(pywps).schema).toEqual({ type: 'string', contentMediaType: 'application/x-netcdf', contentEncoding: 'base64' });
  });

  it('returns undefined when nothing describes the value', () => {
    expect(schemaOf({ title: 'x', output: { transmissionMode: ['value'] } }).schema).toBeUndefined();
  });
});
