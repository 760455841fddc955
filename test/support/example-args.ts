// A small generator of example tool arguments from a JSON Schema: defaults,
// enums and lower bounds, required properties only unless asked otherwise. It
// is not a general instance generator; it covers what the bridge emits, and
// the tests validate what it produces with ajv, so a gap shows up as a failure.

export interface ExampleOptions {
  /** Also fill optional properties of the top-level object. */
  includeOptional?: boolean;
  /** Which alternative of an anyOf/oneOf to use: the first (inline value) or the last (a reference). */
  alternative?: 'first' | 'last';
}

type Schema = Record<string, unknown>;

const MAX_DEPTH = 12;

export function exampleArgs(schema: Schema, options: ExampleOptions = {}): Record<string, unknown> {
  return exampleObject(schema, options, 0, options.includeOptional ?? false);
}

export function exampleValue(schema: unknown, options: ExampleOptions = {}, depth = 0): unknown {
  if (!isSchema(schema) || depth > MAX_DEPTH) return 'example';
  // A null default (pydantic's Optional) is what leaving the input out means: an example gives a value.
  if (schema.default !== undefined && schema.default !== null) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum.find((v) => v !== null) ?? schema.enum[0];
  const alternatives = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(alternatives) && alternatives.length > 0) {
    // A `null` alternative is what leaving the input out means: an example takes a value.
    const valued = alternatives.filter((a) => !(isSchema(a) && a.type === 'null'));
    const pool = valued.length > 0 ? valued : alternatives;
    const chosen = options.alternative === 'last' ? pool[pool.length - 1] : pool[0];
    return exampleValue(chosen, options, depth + 1);
  }
  const type = firstType(schema);
  switch (type) {
    case 'string':
      return exampleString(schema);
    case 'integer':
      return exampleNumber(schema, true);
    case 'number':
      return exampleNumber(schema, false);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array': {
      const count = typeof schema.minItems === 'number' ? schema.minItems : 0;
      return Array.from({ length: count }, () => exampleValue(schema.items, options, depth + 1));
    }
    case 'object':
      return exampleObject(schema, options, depth, false);
    default:
      return schema.properties !== undefined ? exampleObject(schema, options, depth, false) : 'example';
  }
}

function exampleObject(schema: Schema, options: ExampleOptions, depth: number, includeOptional: boolean): Record<string, unknown> {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const names = includeOptional ? [...new Set([...Object.keys(properties), ...required])] : required;
  const out: Record<string, unknown> = {};
  for (const name of names) {
    Object.defineProperty(out, name, {
      value: exampleValue(Object.prototype.hasOwnProperty.call(properties, name) ? properties[name] : {}, options, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function exampleString(schema: Schema): string {
  let text: string;
  if (schema.contentEncoding === 'base64') text = 'AAAA';
  else {
    switch (schema.format) {
      case 'date-time':
        text = '2024-01-01T00:00:00Z';
        break;
      case 'date':
        text = '2024-01-01';
        break;
      case 'time':
        text = '12:00:00Z';
        break;
      case 'duration':
        text = 'P1D';
        break;
      case 'uri':
      case 'uri-reference':
      case 'iri':
      case 'iri-reference':
        text = 'https://example.org/data';
        break;
      case 'email':
        text = 'someone@example.org';
        break;
      case 'uuid':
        text = '00000000-0000-4000-8000-000000000000';
        break;
      default:
        text = 'example';
    }
  }
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  if (text.length < min) text = text.padEnd(min, 'x');
  return text.slice(0, max);
}

function exampleNumber(schema: Schema, integer: boolean): number {
  const max = typeof schema.maximum === 'number' ? schema.maximum : typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : undefined;
  let value: number;
  if (typeof schema.minimum === 'number') value = schema.minimum;
  else if (typeof schema.exclusiveMinimum === 'number') value = max !== undefined ? (schema.exclusiveMinimum + max) / 2 : schema.exclusiveMinimum + 1;
  else value = max !== undefined && max < 0 ? max : 0;
  if (integer) value = Math.ceil(value);
  return value;
}

function firstType(schema: Schema): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return (schema.type as string[]).find((t) => t !== 'null') ?? (schema.type[0] as string);
  return undefined;
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
