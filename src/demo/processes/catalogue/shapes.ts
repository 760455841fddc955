// Input and output shapes for the generated catalogue, each one as a real
// server writes it (the corpus): an OGC bbox, dates, enums with defaults,
// bounded integers, a GeoJSON geometry, binary content by reference, a
// pydantic-style object with nullable parts, repeated inputs.
import { OGC_BBOX_SCHEMA_URL } from '../bbox-area.js';
import type { InputDescription, OutputDescription } from '../types.js';

export type InputShape = (title: string) => InputDescription;

export const bboxInput: InputShape = (title) => ({
  title,
  description: 'Area of interest as an OGC bounding box in CRS84.',
  minOccurs: 1,
  schema: { allOf: [{ format: 'ogc-bbox' }, { $ref: OGC_BBOX_SCHEMA_URL }] },
});

export const dateInput =
  (required: boolean, fallback?: string): InputShape =>
  (title) => ({
    title,
    minOccurs: required ? 1 : 0,
    schema: { type: 'string', format: 'date', ...(fallback !== undefined ? { default: fallback } : {}) },
  });

export const enumInput =
  (values: string[], fallback: string): InputShape =>
  (title) => ({ title, minOccurs: 0, schema: { type: 'string', enum: values, default: fallback } });

export const integerInput =
  (minimum: number, maximum: number, fallback: number): InputShape =>
  (title) => ({ title, minOccurs: 0, schema: { type: 'integer', minimum, maximum, default: fallback } });

export const numberInput =
  (minimum: number, maximum: number, fallback: number, description?: string): InputShape =>
  (title) => ({
    title,
    ...(description !== undefined ? { description } : {}),
    minOccurs: 0,
    schema: { type: 'number', minimum, maximum, default: fallback },
  });

export const booleanInput =
  (fallback: boolean): InputShape =>
  (title) => ({ title, minOccurs: 0, schema: { type: 'boolean', default: fallback } });

/** GeoJSON geometry as the OGC example writes it: an object with a media type. */
export const geometryInput: InputShape = (title) => ({
  title,
  description: 'A GeoJSON geometry (Polygon or MultiPolygon) in CRS84.',
  minOccurs: 1,
  schema: {
    type: 'object',
    contentMediaType: 'application/geo+json',
    properties: { type: { type: 'string', enum: ['Polygon', 'MultiPolygon'] }, coordinates: { type: 'array', items: {} } },
    required: ['type', 'coordinates'],
  },
});

/** A raster given by reference or inline (binary, base64), as deployed application packages describe it. */
export const rasterInput =
  (minOccurs = 1, maxOccurs: number | 'unbounded' = 1): InputShape =>
  (title) => ({
    title,
    description: 'A GeoTIFF raster, usually given by reference (a URL the server fetches).',
    minOccurs,
    maxOccurs,
    schema: { type: 'string', contentMediaType: 'image/tiff; application=geotiff', contentEncoding: 'binary' },
  });

/** A pydantic-style nested object with a nullable part (s2gos). */
export const storageInput: InputShape = (title) => ({
  title,
  description: 'Where to write the products: a path or URI, and an optional credential id.',
  minOccurs: 0,
  schema: {
    type: 'object',
    nullable: true,
    properties: {
      value: { type: 'string', title: 'Value', description: 'Full path URI' },
      cid: { type: 'string', title: 'Cid', description: 'Credential ID', nullable: true },
    },
    required: ['value'],
  },
});

export const stringInput =
  (required: boolean, pattern?: string): InputShape =>
  (title) => ({ title, minOccurs: required ? 1 : 0, schema: { type: 'string', minLength: 1, ...(pattern ? { pattern } : {}) } });

export const rasterOutput = (title: string): OutputDescription => ({
  title,
  schema: { type: 'string', contentMediaType: 'image/tiff; application=geotiff', contentEncoding: 'binary' },
});

export const geojsonOutput = (title: string): OutputDescription => ({
  title,
  schema: { type: 'object', contentMediaType: 'application/geo+json' },
});

export const statsOutput = (title: string): OutputDescription => ({
  title,
  schema: { type: 'object', properties: { mean: { type: 'number' }, min: { type: 'number' }, max: { type: 'number' } } },
});

export const uriOutput = (title: string): OutputDescription => ({ title, schema: { type: 'string', format: 'uri' } });
