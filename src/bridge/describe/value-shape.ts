// What kind of value an input or output takes, read from its converted schema:
// a bounding box, JSON objects, content with a media type (text or binary), or
// a plain literal. The tool schema and the execute request are built from it.
import { type JsonSchemaObject, mergeSchemas, schemaTypes } from '../schema/index.js';
import { isJsonMediaType, isTextualMediaType, normalizeMediaType } from '../../ogc/index.js';
import type { MediaTypeInfo, ValueKind } from './model.js';
import { isRecord, ownKeys, ownValue, setOwn } from '../../util/records.js';

export interface ValueShape {
  kind: ValueKind;
  /** Alternatives whose values are JSON objects (GeoJSON, measures, pydantic models, ...). */
  json: JsonSchemaObject[];
  /** Alternatives that are neither objects nor media content. */
  literal: JsonSchemaObject[];
  /** Inline content types (strings with contentMediaType / contentEncoding). */
  media: MediaTypeInfo[];
  /** Media type to announce for a JSON value sent as a qualified value. */
  jsonMediaType: string;
}

const ANNOTATIONS = new Set(['title', 'description', 'default', 'examples']);
const GEOJSON_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection', 'Feature', 'FeatureCollection']);

export function classifyValue(schema: JsonSchemaObject): ValueShape {
  const shape: ValueShape = { kind: 'literal', json: [], literal: [], media: [], jsonMediaType: 'application/json' };
  const alternatives = alternativesOf(schema);
  if (alternatives.length === 1 && isBboxSchema(alternatives[0])) {
    shape.kind = 'bbox';
    return shape;
  }
  for (const alt of alternatives) {
    const types = schemaTypes(alt);
    const mediaType = typeof alt.contentMediaType === 'string' ? alt.contentMediaType : undefined;
    const encoding = typeof alt.contentEncoding === 'string' ? alt.contentEncoding : undefined;
    const isObject = types?.includes('object') ?? (alt.properties !== undefined || alt.required !== undefined);
    if ((mediaType !== undefined || encoding !== undefined) && !isObject && (types === undefined || types.includes('string'))) {
      if (mediaType !== undefined && isJsonMediaType(mediaType) && encoding === undefined && types === undefined) {
        shape.json.push(alt);
        shape.jsonMediaType = mediaType;
      } else {
        addMedia(shape.media, { mediaType: mediaType ?? 'application/octet-stream', binary: isBinaryContent(mediaType, encoding) });
      }
    } else if (isObject) {
      shape.json.push(alt);
      if (mediaType !== undefined && isJsonMediaType(mediaType)) shape.jsonMediaType = mediaType;
      else if (isGeoJson(alt)) shape.jsonMediaType = 'application/geo+json';
    } else {
      shape.literal.push(alt);
    }
  }
  if (shape.json.length > 0 || shape.media.length > 0) shape.kind = 'complex';
  return shape;
}

/** The alternatives of a top-level anyOf, each with the keywords it shares with its parent. */
function alternativesOf(schema: JsonSchemaObject): JsonSchemaObject[] {
  if (!Array.isArray(schema.anyOf) || schema.anyOf.length === 0) return [schema];
  const base: JsonSchemaObject = {};
  for (const key of ownKeys(schema)) if (key !== 'anyOf' && !ANNOTATIONS.has(key)) setOwn(base, key, schema[key]);
  return (schema.anyOf as unknown[]).filter(isRecord).map((alt) => (ownKeys(base).length === 0 ? alt : (mergeSchemas(base, alt) ?? alt)));
}

function addMedia(list: MediaTypeInfo[], media: MediaTypeInfo): void {
  if (!list.some((m) => m.mediaType === media.mediaType)) list.push(media);
}

/** Binary content is what the encoding says is base64, or what is not text by its media type. */
export function isBinaryContent(mediaType: string | undefined, encoding: string | undefined): boolean {
  if (encoding !== undefined) return /^(base64|binary|base32|base16)$/i.test(encoding.trim());
  if (mediaType === undefined) return true;
  const normalized = normalizeMediaType(mediaType);
  // Names that are not media types ("OGC-WKT") are format names of text encodings.
  return normalized !== undefined && !isTextualMediaType(normalized);
}

/** The inline {bbox, crs} shape (known-schemas.ts bboxSchema, or a server's own equivalent). */
export function isBboxSchema(schema: JsonSchemaObject): boolean {
  const properties = schema.properties;
  if (!isRecord(properties) || !Array.isArray(schema.required) || !schema.required.includes('bbox')) return false;
  const bbox = ownValue(properties, 'bbox');
  if (!isRecord(bbox) || !schemaTypes(bbox)?.includes('array')) return false;
  return ownKeys(properties).every((k) => k === 'bbox' || k === 'crs');
}

function isGeoJson(schema: JsonSchemaObject): boolean {
  const type = ownValue(schema.properties, 'type');
  const values = isRecord(type) ? type.enum : undefined;
  return Array.isArray(values) && values.length > 0 && values.every((v) => typeof v === 'string' && GEOJSON_TYPES.has(v));
}
