// Process inputs to the tool's inputSchema: one property per input, required
// where minOccurs > 0, an array where maxOccurs > 1, and for complex inputs the
// choice between an inline value and a reference {href, type}. The choice is an
// anyOf inside the property; the top level stays a plain object schema.
import { type ConversionBudget, convertSchema, type JsonSchemaObject, schemaTypes } from '../schema/index.js';
import type { MediaTypeInfo, NormalizedInput } from './model.js';
import type { ProcessParameter } from '../../ogc/index.js';
import { type ValueShape, classifyValue } from './value-shape.js';
import { setOwn } from '../../util/records.js';
import { sameWords, truncateWords } from '../../util/text.js';

const MAX_PROPERTY_DESCRIPTION = 1200;

export interface BuiltInput {
  input: NormalizedInput;
  /** The property schema in the tool's inputSchema. */
  property: JsonSchemaObject;
  /** Simplifications made while converting its schema (for warnings). */
  notes: string[];
}

export interface InputContext {
  document: unknown;
  budget: ConversionBudget;
}

export function buildInput(parameter: ProcessParameter, argumentName: string, context: InputContext): BuiltInput {
  const { schema, notes } = convertSchema(parameter.schema, context);
  const shape = classifyValue(schema);
  const multiple = parameter.maxOccurs === 'unbounded' || parameter.maxOccurs > 1;
  const media = shape.kind === 'complex' ? shape.media : [];
  const literalTakesStrings = shape.literal.some((alt) => acceptsStrings(alt));
  const qualifiedContent = media.length > 1 || (media.length === 1 && literalTakesStrings);

  const input: NormalizedInput = {
    id: parameter.id,
    argumentName,
    minOccurs: parameter.minOccurs,
    maxOccurs: parameter.maxOccurs,
    required: parameter.minOccurs > 0,
    multiple,
    kind: shape.kind,
    schema,
    mediaTypes: media,
    acceptsReference: shape.kind === 'complex',
    qualifiedContent,
    jsonMediaType: shape.jsonMediaType,
  };
  if (parameter.title !== undefined) input.title = parameter.title;
  if (parameter.description !== undefined) input.description = parameter.description;
  if (media.length === 1 && !qualifiedContent) input.stringContent = media[0];

  const literal = input.required ? schema : withoutNull(schema);
  const value = shape.kind === 'complex' ? complexValueSchema(schema, shape, input) : withoutAnnotations(literal);
  // Texts first: they are what a person reading the schema looks for.
  const property: JsonSchemaObject = {};
  const description = propertyDescription(parameter, schema, input, notes);
  // A title goes in only when it says more than the name and the description.
  const title = parameter.title;
  if (title !== undefined && !sameWords(title, parameter.id) && !(description ?? '').toLowerCase().includes(title.toLowerCase())) property.title = title;
  if (description !== undefined) property.description = description;
  const shaped = multiple ? arrayOf(value, parameter) : value;
  for (const key of Object.keys(shaped)) setOwn(property, key, shaped[key]);
  return { input, property, notes };
}

/** The tool's inputSchema from its properties (in input order) and required argument names. */
export function objectSchema(properties: [string, JsonSchemaObject][], required: string[]): JsonSchemaObject {
  const props: JsonSchemaObject = {};
  for (const [name, schema] of properties) setOwn(props, name, schema);
  const schema: JsonSchemaObject = { type: 'object', properties: props };
  if (required.length > 0) schema.required = required;
  // Misspelt argument names are reported by validation instead of being dropped silently.
  schema.additionalProperties = false;
  return schema;
}

function complexValueSchema(schema: JsonSchemaObject, shape: ValueShape, input: NormalizedInput): JsonSchemaObject {
  // The input's own text is on the property; an alternative keeps only what it adds.
  const describe = (alt: JsonSchemaObject): JsonSchemaObject =>
    typeof alt.description === 'string' && alt.description === schema.description ? withoutAnnotations(alt) : describeJsonContent(alt);
  const alternatives: JsonSchemaObject[] = [...shape.json.map(describe), ...shape.literal.map((alt) => withoutAnnotations(alt))];
  if (input.stringContent !== undefined) alternatives.push(stringContentSchema(input.stringContent));
  if (input.qualifiedContent) alternatives.push(qualifiedContentSchema(input.mediaTypes));
  alternatives.push(referenceSchema());
  const value: JsonSchemaObject = { anyOf: alternatives };
  if (schema.default !== undefined) value.default = schema.default;
  return value;
}

/** JSON content named only by its media type gets a word of explanation. */
function describeJsonContent(alt: JsonSchemaObject): JsonSchemaObject {
  if (alt.type !== undefined || alt.properties !== undefined || typeof alt.contentMediaType !== 'string') return withoutAnnotations(alt, ['title']);
  return { ...alt, description: `The ${alt.contentMediaType} document itself, inline.` };
}

function stringContentSchema(media: MediaTypeInfo): JsonSchemaObject {
  const schema: JsonSchemaObject = { type: 'string', contentMediaType: media.mediaType };
  if (media.binary) schema.contentEncoding = 'base64';
  schema.description = media.binary ? `The ${media.mediaType} content, base64-encoded.` : `The ${media.mediaType} content as text.`;
  return schema;
}

function qualifiedContentSchema(media: MediaTypeInfo[]): JsonSchemaObject {
  const anyBinary = media.some((m) => m.binary);
  return {
    type: 'object',
    description: 'Content given inline, with its media type.',
    properties: {
      value: { type: 'string', description: anyBinary ? 'The content (base64-encoded for binary media types).' : 'The content as text.' },
      mediaType: { type: 'string', enum: media.map((m) => m.mediaType) },
    },
    required: ['value', 'mediaType'],
    additionalProperties: false,
  };
}

/** The link form; the property's description says what it is ("A reference {"href": URL} may be given instead"). */
function referenceSchema(): JsonSchemaObject {
  return {
    type: 'object',
    properties: { href: { type: 'string', format: 'uri' }, type: { type: 'string' } },
    required: ['href'],
    additionalProperties: false,
  };
}

function arrayOf(value: JsonSchemaObject, parameter: ProcessParameter): JsonSchemaObject {
  const array: JsonSchemaObject = { type: 'array', items: value, minItems: Math.max(parameter.minOccurs, 1) };
  if (parameter.maxOccurs !== 'unbounded') array.maxItems = parameter.maxOccurs;
  return array;
}

/** The value schema without the texts that move to the property (which carries the input's own). */
function withoutAnnotations(schema: JsonSchemaObject, keys: string[] = ['title', 'description']): JsonSchemaObject {
  const out: JsonSchemaObject = {};
  for (const key of Object.keys(schema)) if (!keys.includes(key)) setOwn(out, key, schema[key]);
  return out;
}

/**
 * An optional input that may be null: leaving it out says the same, so the
 * model sees one plain type (several clients reject type unions).
 */
function withoutNull(schema: JsonSchemaObject): JsonSchemaObject {
  const types = schema.type;
  if (!Array.isArray(types) || !types.includes('null') || types.length < 2) return schema;
  const out: JsonSchemaObject = { ...schema };
  const rest = types.filter((t) => t !== 'null');
  out.type = rest.length === 1 ? rest[0] : rest;
  if (Array.isArray(schema.enum)) out.enum = schema.enum.filter((v) => v !== null);
  return out;
}

function acceptsStrings(schema: JsonSchemaObject): boolean {
  const types = schemaTypes(schema);
  return types === undefined || types.includes('string');
}

function propertyDescription(parameter: ProcessParameter, schema: JsonSchemaObject, input: NormalizedInput, notes: string[]): string | undefined {
  const parts: string[] = [];
  // A title that only repeats the id says nothing a description should repeat.
  const given = parameter.description ?? parameter.title;
  const own = given !== undefined && !sameWords(given, parameter.id) ? given : undefined;
  if (own !== undefined) parts.push(own);
  const schemaText = typeof schema.description === 'string' ? schema.description : undefined;
  if (schemaText !== undefined && schemaText !== own) parts.push(schemaText);
  if (input.multiple) parts.push(countText(parameter));
  if (input.kind === 'complex') {
    if (input.mediaTypes.some((m) => m.binary)) parts.push('Binary content is base64-encoded.');
    parts.push('A reference {"href": URL} may be given instead of the value.');
  }
  for (const note of notes) parts.push(`Note: ${endSentence(note)}`);
  if (parts.length === 0) return undefined;
  const text = parts.length === 1 ? parts[0] : parts.map(endSentence).join(' ');
  return truncateWords(text, MAX_PROPERTY_DESCRIPTION);
}

function countText(parameter: ProcessParameter): string {
  const min = Math.max(parameter.minOccurs, 1);
  if (parameter.maxOccurs === 'unbounded') return min === 1 ? 'A list of one or more values.' : `A list of at least ${min} values.`;
  return min === parameter.maxOccurs ? `A list of exactly ${min} values.` : `A list of ${min} to ${parameter.maxOccurs} values.`;
}

function endSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?:]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

