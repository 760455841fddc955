// Type names and numbers as process descriptions write them: JSON Schema,
// XML Schema, Python and Java spellings of a type, numbers as numeric strings.
// Both the reading of older descriptions and the schema conversion use them.

const TYPE_NAMES: ReadonlyMap<string, { type: string; format?: string }> = new Map([
  ['string', { type: 'string' }],
  ['str', { type: 'string' }],
  ['text', { type: 'string' }],
  ['char', { type: 'string' }],
  ['token', { type: 'string' }],
  ['normalizedstring', { type: 'string' }],
  ['integer', { type: 'integer' }],
  ['int', { type: 'integer' }],
  ['long', { type: 'integer' }],
  ['short', { type: 'integer' }],
  ['byte', { type: 'integer' }],
  ['int32', { type: 'integer' }],
  ['int64', { type: 'integer' }],
  ['nonnegativeinteger', { type: 'integer' }],
  ['positiveinteger', { type: 'integer' }],
  ['negativeinteger', { type: 'integer' }],
  ['nonpositiveinteger', { type: 'integer' }],
  ['unsignedint', { type: 'integer' }],
  ['unsignedlong', { type: 'integer' }],
  ['unsignedshort', { type: 'integer' }],
  ['unsignedbyte', { type: 'integer' }],
  ['number', { type: 'number' }],
  ['float', { type: 'number' }],
  ['double', { type: 'number' }],
  ['decimal', { type: 'number' }],
  ['real', { type: 'number' }],
  ['boolean', { type: 'boolean' }],
  ['bool', { type: 'boolean' }],
  ['object', { type: 'object' }],
  ['dict', { type: 'object' }],
  ['map', { type: 'object' }],
  ['array', { type: 'array' }],
  ['list', { type: 'array' }],
  ['null', { type: 'null' }],
  ['datetime', { type: 'string', format: 'date-time' }],
  ['date-time', { type: 'string', format: 'date-time' }],
  ['date', { type: 'string', format: 'date' }],
  ['time', { type: 'string', format: 'time' }],
  ['anyuri', { type: 'string', format: 'uri' }],
  ['uri', { type: 'string', format: 'uri' }],
  ['url', { type: 'string', format: 'uri' }],
]);

/**
 * A JSON Schema type for a type name as servers write it: JSON Schema names,
 * XML Schema names (`xs:double`), Python and Java names ("float", "bool",
 * "String"). Undefined for anything else.
 */
export function typeFromName(name: unknown): { type: string; format?: string } | undefined {
  if (typeof name !== 'string') return undefined;
  const exact = TYPE_NAMES.get(name);
  if (exact !== undefined) return exact;
  const key = name.trim().toLowerCase().replace(/^(xs|xsd):/, '');
  return TYPE_NAMES.get(key);
}

/** A finite number from a number or a numeric string ("1.5"); undefined otherwise. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}
