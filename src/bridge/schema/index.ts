// JSON Schema work that knows nothing of tools: OpenAPI 3.0 schemas (as
// process descriptions carry them) converted to JSON Schema 2020-12, schemas
// OGC refers to by URL, merging, walking, and safe copies of JSON values.
export {
  type CloneLimits,
  type JsonPrimitive,
  type JsonSchemaObject,
  type JsonValue,
  cloneJson,
  isInheritedName,
  jsonBytes,
  jsonEqual,
} from './json-schema.js';
export { type ConversionBudget, type ConversionOptions, type ConversionResult, MAX_SCHEMA_DEPTH, convertSchema } from './openapi.js';
export {
  BBOX_FORMAT,
  CRS84,
  CRS84H,
  GEOMETRY_TYPES,
  bboxSchema,
  geoJsonFeature,
  geoJsonFeatureCollection,
  geoJsonGeometry,
  knownSchemaForFormat,
  knownSchemaForRef,
} from './known-schemas.js';
export { mergeSchemas, schemaTypes } from './merge.js';
export { forEachSchema, mapSchema } from './walk.js';
