// OpenAPI 3.0 schema objects (what OGC process descriptions carry) to JSON
// Schema 2020-12 that MCP clients accept:
// - every $ref inlined: local pointers, then the shipped OGC/GeoJSON schemas;
//   cycles and dangling references become a permissive schema with a note;
// - `nullable` becomes a type union with "null", boolean exclusiveMinimum /
//   exclusiveMaximum the numeric form, `example` becomes `examples`;
// - `oneOf` becomes `anyOf`: OGC alternatives overlap (an integer is also a
//   number), so a valid value would fail `oneOf`;
// - allOf, single alternatives and $ref siblings are merged flat when they can be;
// - type names from other languages ("float", "bool", "String") are mapped;
// - x-* keys, metadata and keywords without meaning for validation are left out;
// - bounded: depth, node count, enum and property counts, text sizes. Input may
//   be hostile (deep, wide, cyclic object graphs); this never throws on it.
import { BBOX_FORMAT, bboxSchema, knownSchemaForFormat, knownSchemaForRef } from './known-schemas.js';
import { type JsonSchemaObject, cloneJson, isInheritedName, jsonEqual } from './json-schema.js';
import { mergeSchemas, schemaTypes } from './merge.js';
import { plainText, toNumber, typeFromName } from '../../ogc/index.js';
import { isRecord, ownKeys, ownValue, setOwn } from '../../util/records.js';
import { truncateWords } from '../../util/text.js';

export const MAX_SCHEMA_DEPTH = 24;
const MAX_ENUM_VALUES = 500;
const MAX_PROPERTIES = 500;
const MAX_ALTERNATIVES = 50;
const MAX_EXAMPLES = 3;
const MAX_TEXT = 1500;
const SMALL_VALUE = { maxDepth: 12, maxNodes: 500 };

/** Shared by all conversions of one process description. */
export interface ConversionBudget {
  /** Schema nodes still allowed; conversion degrades to permissive schemas when it runs out. */
  nodesLeft: number;
}

export interface ConversionOptions {
  /** The whole description, against which `#/...` references are resolved. */
  document?: unknown;
  budget?: ConversionBudget;
}

export interface ConversionResult {
  schema: JsonSchemaObject;
  /** What was simplified, for the tool description (deduplicated). */
  notes: string[];
}

interface State {
  document: unknown;
  localRoot: unknown;
  budget: ConversionBudget;
  notes: Set<string>;
  onPath: Set<object>;
  refsOnPath: Set<string>;
}

export function convertSchema(raw: unknown, options: ConversionOptions = {}): ConversionResult {
  const state: State = {
    document: options.document,
    localRoot: raw,
    budget: options.budget ?? { nodesLeft: 20_000 },
    notes: new Set(),
    onPath: new Set(),
    refsOnPath: new Set(),
  };
  const schema = convertNode(raw, 0, state);
  return { schema, notes: [...state.notes] };
}

function convertNode(node: unknown, depth: number, st: State): JsonSchemaObject {
  if (node === undefined || node === null || node === true) return {};
  if (node === false) return { not: {} };
  if (!isRecord(node)) {
    st.notes.add('part of its schema was not a schema object and was ignored');
    return {};
  }
  if (depth > MAX_SCHEMA_DEPTH) {
    st.notes.add('its schema is nested too deeply; the innermost parts accept any value');
    return {};
  }
  if (st.budget.nodesLeft <= 0) {
    st.notes.add('its schema is too large; parts of it accept any value');
    return {};
  }
  st.budget.nodesLeft--;
  if (st.onPath.has(node)) {
    st.notes.add('its schema contains itself; the recursive part accepts any value');
    return {};
  }
  st.onPath.add(node);
  try {
    return convertObject(node, depth, st);
  } finally {
    st.onPath.delete(node);
  }
}

function convertObject(node: Record<string, unknown>, depth: number, st: State): JsonSchemaObject {
  const out: JsonSchemaObject = {};
  const alternatives: JsonSchemaObject[] = [];
  const allOf: JsonSchemaObject[] = [];
  let nullable = false;
  let exclusiveMinimum: boolean | undefined;
  let exclusiveMaximum: boolean | undefined;
  let contentSchemaUrl: string | undefined;

  for (const key of ownKeys(node)) {
    const value = node[key];
    switch (key) {
      case 'type':
        convertTypeKeyword(value, out, st);
        break;
      case 'title':
      case 'description': {
        const text = plainText(value);
        if (text !== undefined) out[key] = truncateWords(text, MAX_TEXT);
        break;
      }
      case 'enum':
        convertEnum(value, out, st);
        break;
      case 'const':
      case 'default': {
        const copy = cloneJson(value, SMALL_VALUE);
        if (copy !== undefined) out[key] = copy;
        break;
      }
      case 'example': {
        const copy = cloneJson(value, SMALL_VALUE);
        if (copy !== undefined) out.examples = [copy];
        break;
      }
      case 'examples':
        if (Array.isArray(value)) {
          const copies = value.slice(0, MAX_EXAMPLES).map((v) => cloneJson(v, SMALL_VALUE));
          if (copies.length > 0 && copies.every((c) => c !== undefined)) out.examples = copies;
        }
        break;
      case 'minimum':
      case 'maximum':
      case 'multipleOf': {
        const n = toNumber(value);
        if (n !== undefined && (key !== 'multipleOf' || n > 0)) out[key] = n;
        break;
      }
      case 'minLength':
      case 'maxLength':
      case 'minItems':
      case 'maxItems':
      case 'minProperties':
      case 'maxProperties': {
        const n = toNumber(value);
        if (n !== undefined && n >= 0 && Number.isInteger(n)) out[key] = n;
        break;
      }
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        if (typeof value === 'boolean') {
          if (key === 'exclusiveMinimum') exclusiveMinimum = value;
          else exclusiveMaximum = value;
        } else {
          const n = toNumber(value);
          if (n !== undefined) out[key] = n;
        }
        break;
      }
      case 'uniqueItems':
        if (typeof value === 'boolean') out.uniqueItems = value;
        break;
      case 'pattern':
        if (typeof value === 'string' && isValidPattern(value)) out.pattern = value;
        else st.notes.add('a pattern in its schema is not a valid regular expression and was left out');
        break;
      case 'format':
        if (typeof value === 'string') out.format = value;
        break;
      case 'contentMediaType':
      case 'contentEncoding':
        if (typeof value === 'string' && value.trim() !== '') out[key] = value.trim();
        break;
      case 'contentSchema':
        // OpenAPI 3.0 / OGC give a URL here; 2020-12 wants a schema.
        if (typeof value === 'string' && value.trim() !== '') contentSchemaUrl = truncateWords(value.trim(), 300);
        else if (isRecord(value)) out.contentSchema = convertNode(value, depth + 1, st);
        break;
      case 'properties':
        convertProperties(value, out, depth, st);
        break;
      case 'patternProperties':
        convertPatternProperties(value, out, depth, st);
        break;
      case 'additionalProperties':
        if (typeof value === 'boolean') out.additionalProperties = value;
        else if (isRecord(value)) out.additionalProperties = convertNode(value, depth + 1, st);
        break;
      case 'required':
        if (Array.isArray(value)) {
          const names = [...new Set(value.slice(0, MAX_PROPERTIES).filter((v): v is string => typeof v === 'string'))];
          if (names.length > 0) out.required = names;
        }
        break;
      case 'items':
        if (Array.isArray(value)) {
          // Draft-4 tuples: any of the listed item schemas.
          const tuple = value.slice(0, MAX_ALTERNATIVES).map((v) => convertNode(v, depth + 1, st));
          out.items = tuple.length === 1 ? tuple[0] : tuple.length === 0 ? {} : { anyOf: dedupe(tuple) };
        } else {
          out.items = convertNode(value, depth + 1, st);
        }
        break;
      case 'prefixItems':
        if (Array.isArray(value)) out.prefixItems = value.slice(0, MAX_ALTERNATIVES).map((v) => convertNode(v, depth + 1, st));
        break;
      case 'oneOf':
      case 'anyOf':
        if (Array.isArray(value)) for (const v of value.slice(0, MAX_ALTERNATIVES)) alternatives.push(convertNode(v, depth + 1, st));
        break;
      case 'allOf':
        if (Array.isArray(value)) for (const v of value.slice(0, MAX_ALTERNATIVES)) allOf.push(convertNode(v, depth + 1, st));
        break;
      case 'not':
        if (isRecord(value)) out.not = convertNode(value, depth + 1, st);
        break;
      case 'nullable':
        nullable = value === true;
        break;
      default:
        // $ref is handled below; x-*, metadata, readOnly, discriminator, xml, ... stay out.
        break;
    }
  }

  if (contentSchemaUrl !== undefined) appendDescription(out, `Content schema: ${contentSchemaUrl}`);
  applyExclusiveBound(out, 'exclusiveMinimum', 'minimum', exclusiveMinimum);
  applyExclusiveBound(out, 'exclusiveMaximum', 'maximum', exclusiveMaximum);

  let schema = out;
  const ref = ownValue(node, '$ref');
  if (typeof ref === 'string') schema = mergeOrWrap(schema, resolveRef(ref, depth, st));
  for (const member of allOf) schema = mergeOrWrap(schema, member);
  schema = applyAlternatives(schema, alternatives);
  schema = applyFormat(schema);
  if (nullable) addNull(schema);
  const types = schemaTypes(schema);
  if (types?.includes('array') && schema.items === undefined) {
    // Every array needs items (client rule); a tuple's are any of its positions' (2020-12 applies them past the prefix only).
    const prefix = Array.isArray(schema.prefixItems) ? (schema.prefixItems as JsonSchemaObject[]) : [];
    schema.items = prefix.length === 0 ? {} : prefix.length === 1 ? prefix[0]! : { anyOf: dedupe(prefix) };
  }
  return schema;
}

function convertTypeKeyword(value: unknown, out: JsonSchemaObject, st: State): void {
  const names = Array.isArray(value) ? value.slice(0, 10) : [value];
  const types: string[] = [];
  for (const name of names) {
    const mapped = typeFromName(name);
    if (mapped === undefined) {
      if (name !== undefined && name !== null) st.notes.add(`its schema names an unknown type (${truncateWords(String(name), 40)}), which was left out`);
      continue;
    }
    if (!types.includes(mapped.type)) types.push(mapped.type);
    if (mapped.format !== undefined && out.format === undefined) out.format = mapped.format;
  }
  if (types.length === 1) out.type = types[0];
  else if (types.length > 1) out.type = types;
}

function convertEnum(value: unknown, out: JsonSchemaObject, st: State): void {
  if (!Array.isArray(value)) return;
  if (value.length > MAX_ENUM_VALUES) {
    st.notes.add(`its list of allowed values (${value.length}) is too long to show and was left out`);
    return;
  }
  const values: unknown[] = [];
  const primitives = new Set<unknown>();
  for (const v of value) {
    const copy = cloneJson(v, SMALL_VALUE);
    if (copy === undefined) continue;
    if (copy === null || typeof copy !== 'object') {
      if (primitives.has(copy)) continue;
      primitives.add(copy);
    } else if (values.some((x) => jsonEqual(x, copy))) continue;
    values.push(copy);
  }
  if (values.length > 0) out.enum = values;
}

function convertProperties(value: unknown, out: JsonSchemaObject, depth: number, st: State): void {
  if (!isRecord(value)) return;
  const properties: JsonSchemaObject = {};
  const keys = ownKeys(value);
  if (keys.length > MAX_PROPERTIES) st.notes.add('it has too many properties to show; only the first ones are described');
  for (const key of keys.slice(0, MAX_PROPERTIES)) {
    // A property named like an Object.prototype member would be checked
    // against the inherited member when absent; leaving it undescribed is safe.
    if (isInheritedName(key)) {
      st.notes.add(`its property "${truncateWords(key, 40)}" is not described (reserved name)`);
      continue;
    }
    setOwn(properties, key, convertNode(value[key], depth + 1, st));
  }
  out.properties = properties;
}

function convertPatternProperties(value: unknown, out: JsonSchemaObject, depth: number, st: State): void {
  if (!isRecord(value)) return;
  const patterns: JsonSchemaObject = {};
  for (const key of ownKeys(value).slice(0, MAX_PROPERTIES)) {
    if (isValidPattern(key)) setOwn(patterns, key, convertNode(value[key], depth + 1, st));
  }
  if (ownKeys(patterns).length > 0) out.patternProperties = patterns;
}

function applyExclusiveBound(out: JsonSchemaObject, exclusiveKey: string, boundKey: string, flag: boolean | undefined): void {
  if (flag !== true) return;
  const bound = out[boundKey];
  if (typeof bound !== 'number') return;
  out[exclusiveKey] = bound;
  delete out[boundKey];
}

function resolveRef(ref: string, depth: number, st: State): JsonSchemaObject {
  if (st.refsOnPath.has(ref)) {
    st.notes.add('its schema refers to itself; the recursive part accepts any value');
    return {};
  }
  const target = ref.startsWith('#') ? (resolvePointer(st.localRoot, ref) ?? resolvePointer(st.document, ref)) : undefined;
  if (target !== undefined) {
    st.refsOnPath.add(ref);
    try {
      return convertNode(target, depth + 1, st);
    } finally {
      st.refsOnPath.delete(ref);
    }
  }
  const known = knownSchemaForRef(ref);
  if (known !== undefined) {
    st.budget.nodesLeft -= 10;
    return known;
  }
  st.notes.add(`its schema refers to ${truncateWords(ref, 120)}, which could not be resolved; that part accepts any value`);
  return {};
}

/** A JSON pointer fragment (`#/a/b~1c`) resolved in a document, own keys only. */
function resolvePointer(root: unknown, ref: string): unknown {
  if (root === undefined) return undefined;
  let fragment = ref.slice(1);
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    return undefined;
  }
  if (fragment === '') return root;
  if (!fragment.startsWith('/')) return undefined;
  let current: unknown = root;
  for (const raw of fragment.slice(1).split('/').slice(0, 64)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      const index = /^\d+$/.test(segment) ? Number(segment) : -1;
      current = index >= 0 && index < current.length ? current[index] : undefined;
    } else {
      current = ownValue(current, segment);
    }
    if (current === undefined) return undefined;
  }
  return current;
}

/** `first` merged with `second`, or `first` with `second` kept under allOf when they conflict. */
function mergeOrWrap(first: JsonSchemaObject, second: JsonSchemaObject): JsonSchemaObject {
  if (ownKeys(second).length === 0) return first;
  const merged = mergeSchemas(first, second);
  if (merged !== undefined) return merged;
  const allOf = Array.isArray(first.allOf) ? [...first.allOf, second] : [second];
  return { ...first, allOf };
}

function applyAlternatives(schema: JsonSchemaObject, alternatives: JsonSchemaObject[]): JsonSchemaObject {
  if (alternatives.length === 0) return schema;
  const flat: JsonSchemaObject[] = [];
  for (const alt of alternatives) {
    const keys = ownKeys(alt);
    // A nested choice with nothing else is part of this choice.
    if (keys.length === 1 && keys[0] === 'anyOf' && Array.isArray(alt.anyOf)) flat.push(...(alt.anyOf as JsonSchemaObject[]));
    else flat.push(alt);
  }
  const unique = dedupe(flat);
  // One alternative that accepts anything makes the whole choice accept anything.
  if (unique.some((alt) => ownKeys(alt).length === 0)) return schema;
  if (unique.length === 1) return mergeOrWrap(schema, unique[0]);
  if (schema.anyOf !== undefined) return { ...schema, allOf: [...((schema.allOf as JsonSchemaObject[]) ?? []), { anyOf: unique }] };
  return { ...schema, anyOf: unique };
}

function dedupe(schemas: JsonSchemaObject[]): JsonSchemaObject[] {
  const out: JsonSchemaObject[] = [];
  for (const s of schemas) if (!out.some((x) => jsonEqual(x, s))) out.push(s);
  return out;
}

// Formats that clients and ajv-formats both know; others (double, int32, iri,
// ...) say nothing the type does not, or nothing argument validation could
// check, or are turned into other keywords below.
const KEPT_FORMATS = new Set([
  'date-time',
  'date',
  'time',
  'duration',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'uri',
  'uri-reference',
  'uri-template',
  'uuid',
  'json-pointer',
  'relative-json-pointer',
  'regex',
]);

function applyFormat(schema: JsonSchemaObject): JsonSchemaObject {
  const format = schema.format;
  if (typeof format !== 'string') return schema;
  const name = format.trim().toLowerCase();
  if (name === BBOX_FORMAT) return asBbox(schema);
  const { format: _dropped, ...rest } = schema;
  const known = knownSchemaForFormat(name);
  if (known !== undefined) {
    // The marker names the structure only when the schema does not give one.
    if (rest.properties !== undefined || rest.anyOf !== undefined) return rest;
    return mergeSchemas(rest, known) ?? rest;
  }
  if (name === 'url') return { ...rest, format: 'uri' };
  if (name === 'binary' || name === 'byte') {
    if (rest.contentEncoding === undefined) rest.contentEncoding = name === 'byte' ? 'base64' : 'binary';
    return rest;
  }
  return KEPT_FORMATS.has(name) ? { ...rest, format: name } : rest;
}

/** A schema marked `format: ogc-bbox`, as the inline {bbox, crs} object, keeping its CRS list and texts. */
function asBbox(schema: JsonSchemaObject): JsonSchemaObject {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const crs = ownValue(properties, 'crs');
  const out = bboxSchema(isRecord(crs) && ownKeys(crs).length > 0 ? crs : undefined);
  for (const key of ['title', 'description', 'default', 'examples'] as const) {
    if (schema[key] !== undefined) out[key] = schema[key];
  }
  return out;
}

function addNull(schema: JsonSchemaObject): void {
  const types = schemaTypes(schema);
  if (types !== undefined && !types.includes('null')) schema.type = [...types, 'null'];
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
}

function appendDescription(schema: JsonSchemaObject, text: string): void {
  const current = typeof schema.description === 'string' ? schema.description : undefined;
  schema.description = current === undefined ? text : `${current} ${text}`;
}

function isValidPattern(pattern: string): boolean {
  if (pattern.length > 1000) return false;
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
