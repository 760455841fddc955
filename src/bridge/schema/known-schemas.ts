// Schemas that process descriptions reference by URL (OGC building blocks such
// as bbox.yaml and link.yaml, GeoJSON from schemas.opengis.net or geojson.org),
// shipped here as JSON Schema 2020-12 so that nothing is fetched at run time and
// clients that cannot follow $ref still see the structure. GeoJSON is an
// approximation: enough for a model to write a valid object, not a validator
// of coordinates.
import type { JsonSchemaObject } from './json-schema.js';

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
export const CRS84H = 'http://www.opengis.net/def/crs/OGC/0/CRS84h';

const BBOX_DESCRIPTION =
  'Bounding box: 4 numbers [minx, miny, maxx, maxy], or 6 with heights [minx, miny, minz, maxx, maxy, maxz], ' +
  'in the axis order of the CRS (for CRS84: longitude before latitude).';

/** The inline form of an OGC bounding box value ({bbox, crs}); `crs` describes the CRS property. */
export function bboxSchema(crs: JsonSchemaObject = { type: 'string' }): JsonSchemaObject {
  return {
    type: 'object',
    properties: {
      // bbox.yaml says oneOf [4 items, 6 items]; 4 to 6 plus the text keeps the
      // schema free of combinators that several clients cannot show.
      bbox: { type: 'array', items: { type: 'number' }, minItems: 4, maxItems: 6, description: BBOX_DESCRIPTION },
      crs: { description: 'Coordinate reference system of the coordinates.', ...crs },
    },
    required: ['bbox'],
    additionalProperties: false,
  };
}

/** bbox.yaml of OGC API - Processes Part 1 1.0, CRS list included. */
function ogcBbox(): JsonSchemaObject {
  return bboxSchema({ type: 'string', format: 'uri', enum: [CRS84, CRS84H], default: CRS84 });
}

/** link.yaml: every property a string, only href required. */
function ogcLink(): JsonSchemaObject {
  const properties = Object.fromEntries(['href', 'rel', 'type', 'hreflang', 'title'].map((key) => [key, { type: 'string' }]));
  return { type: 'object', required: ['href'], properties };
}

function ogcQualifiedValue(): JsonSchemaObject {
  return {
    type: 'object',
    required: ['value'],
    properties: {
      value: { description: 'The value itself.' },
      mediaType: { type: 'string' },
      encoding: { type: 'string' },
      schema: {},
    },
  };
}

export const GEOMETRY_TYPES = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
] as const;

/** A GeoJSON geometry, optionally limited to some geometry types. */
export function geoJsonGeometry(types: readonly string[] = GEOMETRY_TYPES): JsonSchemaObject {
  const properties: JsonSchemaObject = {
    type: { type: 'string', enum: [...types] },
    coordinates: { type: 'array', items: {} },
  };
  if (types.includes('GeometryCollection')) properties.geometries = { type: 'array', items: { type: 'object' } };
  properties.bbox = { type: 'array', items: { type: 'number' } };
  return {
    type: 'object',
    description: 'A GeoJSON geometry, e.g. {"type": "Point", "coordinates": [longitude, latitude]}.',
    required: types.length === 1 && types[0] === 'GeometryCollection' ? ['type', 'geometries'] : ['type'],
    properties,
  };
}

export function geoJsonFeature(): JsonSchemaObject {
  return {
    type: 'object',
    description: 'A GeoJSON Feature: {"type": "Feature", "geometry": {...}, "properties": {...}}.',
    required: ['type', 'geometry', 'properties'],
    properties: {
      type: { type: 'string', enum: ['Feature'] },
      id: { type: ['string', 'number'] },
      geometry: { type: ['object', 'null'], description: 'A GeoJSON geometry or null.' },
      properties: { type: ['object', 'null'] },
      bbox: { type: 'array', items: { type: 'number' } },
    },
  };
}

export function geoJsonFeatureCollection(): JsonSchemaObject {
  return {
    type: 'object',
    description: 'A GeoJSON FeatureCollection: {"type": "FeatureCollection", "features": [...]}.',
    required: ['type', 'features'],
    properties: {
      type: { type: 'string', enum: ['FeatureCollection'] },
      features: {
        type: 'array',
        items: {
          type: 'object',
          required: ['type', 'geometry', 'properties'],
          properties: { type: { type: 'string', enum: ['Feature'] }, geometry: { type: ['object', 'null'] }, properties: { type: ['object', 'null'] } },
        },
      },
      bbox: { type: 'array', items: { type: 'number' } },
    },
  };
}

const BY_NAME: ReadonlyMap<string, () => JsonSchemaObject> = new Map<string, () => JsonSchemaObject>([
  ['bbox', ogcBbox],
  ['link', ogcLink],
  ['qualifiedinputvalue', ogcQualifiedValue],
  ['binaryinputvalue', () => ({ type: 'string', contentEncoding: 'base64' })],
  ['geometrygeojson', () => geoJsonGeometry()],
  ['geometry', () => geoJsonGeometry()],
  ['featuregeojson', geoJsonFeature],
  ['feature', geoJsonFeature],
  ['featurecollectiongeojson', geoJsonFeatureCollection],
  ['featurecollection', geoJsonFeatureCollection],
  ...GEOMETRY_TYPES.flatMap((type): [string, () => JsonSchemaObject][] => [
    [type.toLowerCase(), () => geoJsonGeometry([type])],
    [`${type.toLowerCase()}geojson`, () => geoJsonGeometry([type])],
  ]),
]);

/**
 * The shipped schema a reference names, matched on the last segment of the
 * reference without its extension (so relative, absolute and
 * `#/components/schemas/...` spellings all match), as a fresh copy.
 */
export function knownSchemaForRef(ref: string): JsonSchemaObject | undefined {
  const name = refName(ref);
  const make = name === undefined ? undefined : BY_NAME.get(name);
  return make?.();
}

function refName(ref: string): string | undefined {
  const [location = '', fragment = ''] = ref.split('#', 2);
  const path = fragment !== '' && fragment !== '/' ? fragment : location;
  const last = path.split(/[/\\]/).filter((s) => s !== '').pop();
  if (last === undefined) return undefined;
  return last.replace(/\.(ya?ml|json)$/i, '').toLowerCase();
}

/** GeoJSON `format` markers used by OGC process descriptions, as schemas. */
export function knownSchemaForFormat(format: string): JsonSchemaObject | undefined {
  switch (format.toLowerCase()) {
    case 'geojson-geometry':
      return geoJsonGeometry();
    case 'geojson-feature':
      return geoJsonFeature();
    case 'geojson-feature-collection':
      return geoJsonFeatureCollection();
    default:
      return undefined;
  }
}

export const BBOX_FORMAT = 'ogc-bbox';
