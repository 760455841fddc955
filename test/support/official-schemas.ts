// Validators built from the official OGC API - Processes Part 1 1.0 schemas
// (the shared data's ogcapi-processes/core/openapi/schemas/*.yaml, see shared-data.ts).
// Only for tests inside describe.skipIf(sharedMissing): the files are read on first use.
//
// Those files are OpenAPI 3.0 schema objects, not JSON Schema, so they are
// converted before ajv (2020-12) sees them:
// - `nullable: true` becomes a type union with "null";
// - boolean `exclusiveMinimum`/`exclusiveMaximum` become the numeric form;
// - `oneOf` becomes `anyOf`, because several OGC oneOf lists overlap (a string
//   is also a binary value, an integer is also a number), so a valid document
//   would match more than one branch and fail `oneOf`;
// - relative `$ref`s between the files are kept and resolved through `$id`s;
//   a `$ref` to anything not among the files (e.g. a remote GeoJSON schema)
//   becomes `{}` so that validation never depends on the network.
// The walk is keyword-aware: schema.yaml describes schemas, so it has
// *properties named* `nullable`, `exclusiveMinimum` and `oneOf` that must be
// left alone.
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { officialSchemasDir } from './shared-data.js';

export type OfficialSchemaName =
  | 'landingPage'
  | 'confClasses'
  | 'processList'
  | 'process'
  | 'statusInfo'
  | 'jobList'
  | 'results'
  | 'execute'
  | 'exception';

export interface OfficialValidation {
  valid: boolean;
  errors: string;
}

// A made-up base so that relative $refs resolve inside ajv without any I/O.
const BASE_ID = 'https://ogc-processes-mcp.invalid/official-schemas/';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const SCHEMA_KEYWORDS = new Set([
  'items',
  'additionalItems',
  'additionalProperties',
  'unevaluatedItems',
  'unevaluatedProperties',
  'not',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
]);
const SCHEMA_LIST_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Converts one OpenAPI 3.0 schema object into JSON Schema 2020-12. */
export function convertSchema(node: Json, knownFiles: ReadonlySet<string>): Json {
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      const file = value.split('#')[0] ?? '';
      // Only same-directory files are loaded; anything else cannot be checked offline.
      if (file !== '' && !knownFiles.has(file)) return {};
      out.$ref = value;
    } else if (SCHEMA_MAP_KEYWORDS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convertSchema(v, knownFiles)]));
    } else if (SCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) {
      out[key === 'oneOf' ? 'anyOf' : key] = value.map((v) => convertSchema(v, knownFiles));
    } else if (SCHEMA_KEYWORDS.has(key)) {
      out[key] = Array.isArray(value) ? value.map((v) => convertSchema(v, knownFiles)) : convertSchema(value, knownFiles);
    } else if (key !== 'nullable' && key !== 'exclusiveMinimum' && key !== 'exclusiveMaximum') {
      out[key] = value;
    }
  }
  // A schema with both oneOf and anyOf would lose one of them above; keep both as allOf.
  if (Array.isArray(node.oneOf) && Array.isArray(node.anyOf)) {
    out.allOf = [
      ...(Array.isArray(out.allOf) ? out.allOf : []),
      { anyOf: node.oneOf.map((v) => convertSchema(v, knownFiles)) },
      { anyOf: node.anyOf.map((v) => convertSchema(v, knownFiles)) },
    ];
    delete out.anyOf;
  }
  convertExclusiveBound(node, out, 'exclusiveMinimum', 'minimum');
  convertExclusiveBound(node, out, 'exclusiveMaximum', 'maximum');
  if (node.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (Array.isArray(out.type) && !out.type.includes('null')) out.type = [...out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  return out;
}

function convertExclusiveBound(
  node: JsonObject,
  out: JsonObject,
  exclusiveKey: 'exclusiveMinimum' | 'exclusiveMaximum',
  boundKey: 'minimum' | 'maximum',
): void {
  const exclusive = node[exclusiveKey];
  if (typeof exclusive === 'number') {
    out[exclusiveKey] = exclusive;
  } else if (exclusive === true && typeof node[boundKey] === 'number') {
    out[exclusiveKey] = node[boundKey];
    delete out[boundKey];
  }
}

let compiled: Map<OfficialSchemaName, ValidateFunction> | undefined;

function loadValidators(): Map<OfficialSchemaName, ValidateFunction> {
  const files = fs.readdirSync(officialSchemasDir).filter((f) => f.endsWith('.yaml'));
  const knownFiles = new Set(files);
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  // ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
  const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  for (const file of files) {
    const raw = parseYaml(fs.readFileSync(path.join(officialSchemasDir, file), 'utf8')) as Json;
    const converted = convertSchema(raw, knownFiles);
    if (!isObject(converted)) throw new Error(`official schema ${file} is not an object`);
    ajv.addSchema({ ...converted, $id: BASE_ID + file });
  }
  const names: OfficialSchemaName[] = [
    'landingPage',
    'confClasses',
    'processList',
    'process',
    'statusInfo',
    'jobList',
    'results',
    'execute',
    'exception',
  ];
  const map = new Map<OfficialSchemaName, ValidateFunction>();
  for (const name of names) {
    const validate = ajv.getSchema(`${BASE_ID}${name}.yaml`);
    if (!validate) throw new Error(`official schema ${name}.yaml not found in ${officialSchemasDir}`);
    map.set(name, validate);
  }
  return map;
}

const MAX_ERROR_TEXT = 4000;

/**
 * Returns a validator for one official Part 1 document kind. `errors` is empty
 * when valid, else a readable list of `instancePath: message` items.
 */
export function officialValidator(name: OfficialSchemaName): (doc: unknown) => OfficialValidation {
  compiled ??= loadValidators();
  const validate = compiled.get(name);
  if (!validate) throw new Error(`unknown official schema: ${String(name)}`);
  return (doc: unknown): OfficialValidation => {
    const valid = validate(doc) as boolean;
    if (valid) return { valid: true, errors: '' };
    const text = (validate.errors ?? [])
      .map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}${e.params ? ' ' + JSON.stringify(e.params) : ''}`)
      .join('; ');
    return { valid: false, errors: text.length > MAX_ERROR_TEXT ? text.slice(0, MAX_ERROR_TEXT) + '…' : text };
  };
}
