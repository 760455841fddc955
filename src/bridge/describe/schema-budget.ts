// Keeping a tool's inputSchema within a size budget. Every tool schema is sent
// to the model with every request, and a few huge ones (pydantic models with
// pages of docstrings, enums of thousands of values) would crowd out the rest.
// Beyond the budget the schema is simplified step by step, least useful detail
// first; describe_process still shows the process description in full.
import { jsonBytes, type JsonSchemaObject, mapSchema, schemaTypes } from '../schema/index.js';
import { isRecord, ownKeys, setOwn } from '../../util/records.js';
import { truncateWords } from '../../util/text.js';

export const DEFAULT_MAX_SCHEMA_BYTES = 16 * 1024;

export interface FittedSchema {
  schema: JsonSchemaObject;
  /** 0 when nothing had to go; higher levels dropped more. */
  level: number;
}

const LEVELS: ((property: JsonSchemaObject) => JsonSchemaObject)[] = [
  (p) => p,
  dropInnerTexts,
  collapseStructures,
  minimal,
];

export const SIMPLIFICATION_NOTES: readonly string[] = [
  '',
  'Descriptions inside input values were left out to keep this tool small; describe_process shows them.',
  'Some input structures and long value lists were left out to keep this tool small; describe_process shows the full input descriptions.',
  'The input schemas were reduced to their types to keep this tool small; call describe_process for the full input descriptions before calling this tool.',
];

/** The object schema, simplified as little as needed to fit, or undefined when even the minimal form does not. */
export function fitToBudget(schema: JsonSchemaObject, maxBytes: number = DEFAULT_MAX_SCHEMA_BYTES): FittedSchema | undefined {
  if (jsonBytes(schema) <= maxBytes) return { schema, level: 0 };
  const properties = isRecord(schema.properties) ? schema.properties : {};
  for (let level = 1; level < LEVELS.length; level++) {
    const simplified: JsonSchemaObject = {};
    for (const name of ownKeys(properties)) {
      const property = properties[name];
      setOwn(simplified, name, isRecord(property) ? LEVELS[level](property) : property);
    }
    const candidate = { ...schema, properties: simplified };
    if (jsonBytes(candidate) <= maxBytes) return { schema: candidate, level };
  }
  return undefined;
}

function dropInnerTexts(property: JsonSchemaObject): JsonSchemaObject {
  const out = mapSchema(property, (s, depth) => (depth === 0 ? s : without(s, ['title', 'description', 'examples'])));
  return withDescription(out, 300);
}

const BIG_STRUCTURE_BYTES = 400;
const LONG_ENUM = 20;

function collapseStructures(property: JsonSchemaObject): JsonSchemaObject {
  const out = mapSchema(dropInnerTexts(property), (s, depth) => {
    let schema = s;
    if (Array.isArray(schema.enum) && schema.enum.length > LONG_ENUM) schema = without(schema, ['enum']);
    if (depth > 0 && schema.properties !== undefined && jsonBytes(schema) > BIG_STRUCTURE_BYTES) {
      schema = without(schema, ['properties', 'required', 'additionalProperties', 'patternProperties']);
    }
    return schema;
  });
  return withDescription(out, 150);
}

function minimal(property: JsonSchemaObject): JsonSchemaObject {
  const out: JsonSchemaObject = {};
  const types = schemaTypes(property);
  const scalar = types?.find((t) => t === 'string' || t === 'number' || t === 'integer' || t === 'boolean' || t === 'array' || t === 'object');
  if (scalar !== undefined && property.anyOf === undefined) out.type = scalar;
  if (scalar === 'array') out.items = {};
  if (typeof property.title === 'string') out.title = truncateWords(property.title, 60);
  return withDescription({ ...out, description: property.description }, 100);
}

function without(schema: JsonSchemaObject, keys: string[]): JsonSchemaObject {
  const out: JsonSchemaObject = {};
  for (const key of ownKeys(schema)) if (!keys.includes(key)) setOwn(out, key, schema[key]);
  return out;
}

function withDescription(schema: JsonSchemaObject, max: number): JsonSchemaObject {
  if (typeof schema.description !== 'string') {
    const { description: _none, ...rest } = schema;
    return rest;
  }
  return { ...schema, description: truncateWords(schema.description, max) };
}
