// Walking the subschemas of a JSON Schema, keyword-aware: `properties` holds
// schemas by name, `enum` and `default` hold data that merely looks like them.
import { type JsonSchemaObject } from './json-schema.js';
import { isRecord, ownKeys, setOwn } from '../../util/records.js';

const SINGLE = ['items', 'additionalProperties', 'not', 'contentSchema', 'propertyNames', 'contains', 'if', 'then', 'else', 'unevaluatedProperties', 'unevaluatedItems'];
const LISTS = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];
const MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const KIND: ReadonlyMap<string, 'single' | 'list' | 'map'> = new Map([
  ...SINGLE.map((k) => [k, 'single'] as const),
  ...LISTS.map((k) => [k, 'list'] as const),
  ...MAPS.map((k) => [k, 'map'] as const),
]);

/** Calls `visit` on the schema and every subschema, depth first, with the depth (0 for the root). */
export function forEachSchema(schema: unknown, visit: (schema: JsonSchemaObject, depth: number) => void, depth = 0): void {
  if (!isRecord(schema)) return;
  visit(schema, depth);
  for (const key of Object.keys(schema)) {
    const kind = KIND.get(key);
    if (kind === undefined) continue;
    const value = schema[key];
    if (kind === 'single') forEachSchema(value, visit, depth + 1);
    else if (kind === 'list') {
      if (Array.isArray(value)) for (const item of value) forEachSchema(item, visit, depth + 1);
    } else if (isRecord(value)) for (const name of Object.keys(value)) forEachSchema(value[name], visit, depth + 1);
  }
}

/**
 * A copy of the schema with `transform` applied bottom-up to every subschema
 * (children first, so a transform sees its already transformed children).
 */
export function mapSchema(schema: JsonSchemaObject, transform: (schema: JsonSchemaObject, depth: number) => JsonSchemaObject, depth = 0): JsonSchemaObject {
  const out: JsonSchemaObject = {};
  for (const key of ownKeys(schema)) {
    const value = schema[key];
    const kind = KIND.get(key);
    if (kind === 'single' && isRecord(value)) out[key] = mapSchema(value, transform, depth + 1);
    else if (kind === 'list' && Array.isArray(value)) out[key] = value.map((v) => (isRecord(v) ? mapSchema(v, transform, depth + 1) : v));
    else if (kind === 'map' && isRecord(value)) {
      const map: JsonSchemaObject = {};
      for (const name of ownKeys(value)) {
        const sub = value[name];
        setOwn(map, name, isRecord(sub) ? mapSchema(sub, transform, depth + 1) : sub);
      }
      out[key] = map;
    } else setOwn(out, key, value);
  }
  return transform(out, depth);
}
