// Merging two JSON Schemas into one that asks for both, when that can be done
// without combinators. `allOf: [{format: ogc-bbox}, {$ref: bbox.yaml}]` and a
// `$ref` with sibling keywords become one flat schema that every client can
// read; a real conflict (two different types) is reported, and the caller keeps
// the combinator instead.
import { type JsonSchemaObject, jsonEqual } from './json-schema.js';
import { isRecord, ownKeys, ownValue, setOwn } from '../../util/records.js';

// Annotations: the first schema's text wins, the second only fills gaps.
const FIRST_WINS = new Set(['title', 'description', 'default', 'examples', 'format', 'contentMediaType', 'contentEncoding']);
const LOWER_BOUNDS = new Set(['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties']);
const UPPER_BOUNDS = new Set(['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties']);

/** One schema equivalent to both (for validation), or undefined when they conflict. */
export function mergeSchemas(first: JsonSchemaObject, second: JsonSchemaObject): JsonSchemaObject | undefined {
  const out: JsonSchemaObject = {};
  for (const key of ownKeys(first)) setOwn(out, key, first[key]);
  for (const key of ownKeys(second)) {
    const b = second[key];
    if (!Object.prototype.hasOwnProperty.call(out, key)) {
      setOwn(out, key, b);
      continue;
    }
    const a = out[key];
    if (FIRST_WINS.has(key) || jsonEqual(a, b)) continue;
    const merged = mergeKeyword(key, a, b);
    if (merged === undefined) return undefined;
    setOwn(out, key, merged);
  }
  return out;
}

function mergeKeyword(key: string, a: unknown, b: unknown): unknown {
  if (LOWER_BOUNDS.has(key) && typeof a === 'number' && typeof b === 'number') return Math.max(a, b);
  if (UPPER_BOUNDS.has(key) && typeof a === 'number' && typeof b === 'number') return Math.min(a, b);
  switch (key) {
    case 'type':
      return intersectTypes(a, b);
    case 'required':
      return Array.isArray(a) && Array.isArray(b) ? [...new Set([...a, ...b])] : undefined;
    case 'enum': {
      if (!Array.isArray(a) || !Array.isArray(b)) return undefined;
      const common = a.filter((x) => b.some((y) => jsonEqual(x, y)));
      return common.length > 0 ? common : undefined;
    }
    case 'properties':
      return mergeProperties(a, b);
    case 'items':
    case 'additionalProperties':
      if (isRecord(a) && isRecord(b)) return mergeSchemas(a, b);
      // `false` forbids more than any schema allows; `true` adds nothing.
      if (a === false || b === false) return false;
      return a === true ? b : a;
    default:
      return undefined;
  }
}

function mergeProperties(a: unknown, b: unknown): unknown {
  if (!isRecord(a) || !isRecord(b)) return undefined;
  const out: JsonSchemaObject = {};
  for (const key of ownKeys(a)) setOwn(out, key, a[key]);
  for (const key of ownKeys(b)) {
    const existing = ownValue(out, key);
    const incoming = b[key];
    if (existing === undefined) setOwn(out, key, incoming);
    else if (isRecord(existing) && isRecord(incoming)) setOwn(out, key, mergeSchemas(existing, incoming) ?? { allOf: [existing, incoming] });
  }
  return out;
}

function intersectTypes(a: unknown, b: unknown): unknown {
  const listA = typeList(a);
  const listB = typeList(b);
  if (listA === undefined || listB === undefined) return undefined;
  const common = listA.filter((t) => listB.includes(t) || (t === 'integer' && listB.includes('number')));
  for (const t of listB) if (t === 'integer' && listA.includes('number') && !common.includes('integer')) common.push('integer');
  if (common.length === 0) return undefined;
  return common.length === 1 ? common[0] : common;
}

function typeList(type: unknown): string[] | undefined {
  if (typeof type === 'string') return [type];
  if (Array.isArray(type) && type.every((t) => typeof t === 'string')) return type as string[];
  return undefined;
}

/** The types a schema allows by its `type` keyword; undefined when it has none. */
export function schemaTypes(schema: JsonSchemaObject): string[] | undefined {
  return typeList(schema.type);
}
