import { describe, expect, it } from 'vitest';
import { bboxSchema, geoJsonGeometry } from '../../../src/bridge/schema/known-schemas.js';
import { classifyValue, isBinaryContent, isBboxSchema } from '../../../src/bridge/describe/value-shape.js';

describe('classifyValue', () => {
  it('sees literals', () => {
    for (const schema of [{ type: 'string' }, { type: 'number', minimum: 0 }, { type: 'array', items: { type: 'integer' } }, {}, { enum: ['a'] }]) {
      expect(classifyValue(schema)).toMatchObject({ kind: 'literal', json: [], media: [] });
    }
  });

  it('sees bounding boxes', () => {
    expect(classifyValue(bboxSchema()).kind).toBe('bbox');
    expect(isBboxSchema({ type: 'object', required: ['bbox'], properties: { bbox: { type: 'array', items: {} }, name: {} } })).toBe(false);
  });

  it('sees JSON objects, GeoJSON included, as complex', () => {
    expect(classifyValue({ type: 'object', properties: { a: {} } })).toMatchObject({ kind: 'complex', jsonMediaType: 'application/json' });
    expect(classifyValue({ type: ['object', 'null'] }).kind).toBe('complex');
    expect(classifyValue(geoJsonGeometry())).toMatchObject({ kind: 'complex', jsonMediaType: 'application/geo+json' });
    expect(classifyValue({ type: 'object', contentMediaType: 'application/ld+json' }).jsonMediaType).toBe('application/ld+json');
  });

  it('sees content with a media type, binary or text', () => {
    const shape = classifyValue({
      anyOf: [
        { type: 'string', contentEncoding: 'binary', contentMediaType: 'image/tiff; application=geotiff' },
        { type: 'string', contentMediaType: 'application/gml+xml; version=3.2' },
        { type: 'string', contentMediaType: 'image/tiff; application=geotiff' },
      ],
    });
    expect(shape.kind).toBe('complex');
    expect(shape.media).toEqual([
      { mediaType: 'image/tiff; application=geotiff', binary: true },
      { mediaType: 'application/gml+xml; version=3.2', binary: false },
    ]);
  });

  it('treats untyped JSON content as a JSON value', () => {
    expect(classifyValue({ contentMediaType: 'application/json' })).toMatchObject({ kind: 'complex', media: [], json: [{ contentMediaType: 'application/json' }] });
  });

  it('keeps the parent keywords in each alternative', () => {
    const shape = classifyValue({ type: 'string', anyOf: [{ contentMediaType: 'text/csv' }, { contentMediaType: 'image/png', contentEncoding: 'base64' }] });
    expect(shape.media.map((m) => m.binary)).toEqual([false, true]);
  });

  it('mixes alternatives', () => {
    const shape = classifyValue({ anyOf: [{ type: 'string' }, geoJsonGeometry()] });
    expect(shape).toMatchObject({ kind: 'complex', literal: [{ type: 'string' }] });
    expect(shape.json).toHaveLength(1);
  });
});

describe('isBinaryContent', () => {
  it('follows the encoding first, then the media type', () => {
    expect(isBinaryContent('text/plain', 'base64')).toBe(true);
    expect(isBinaryContent('image/png', '8bit')).toBe(false);
    expect(isBinaryContent('image/png', undefined)).toBe(true);
    expect(isBinaryContent('application/zip', undefined)).toBe(true);
    expect(isBinaryContent('text/plain', undefined)).toBe(false);
    expect(isBinaryContent('application/vnd.google-earth.kml+xml', undefined)).toBe(false);
    expect(isBinaryContent('OGC-WKT', undefined)).toBe(false);
    expect(isBinaryContent(undefined, undefined)).toBe(true);
  });
});
