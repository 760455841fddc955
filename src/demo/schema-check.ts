import type { Schema } from './processes/types.js';
import { isRecord } from '../util/records.js';

/**
 * Checks a value against the OpenAPI 3.0 schema subset of OGC API - Processes
 * and returns the first violation as a sentence a person (or a model) can act
 * on, e.g. "Input 'max_val' = 200 violates maximum 100". A hand-written
 * checker rather than ajv because OGC schemas are OAS 3.0 (boolean
 * exclusiveMinimum, nullable) and because the messages must name the input.
 */
export function checkValue(value: unknown, schema: Schema, path: string): string | undefined {
  if (value === null) {
    if (schema.nullable === true) return undefined;
    if (schema.type !== undefined) return `${subject(path)} must not be null`;
  }
  if (schema.$ref !== undefined) {
    const err = checkReference(value, schema.$ref, path);
    if (err) return err;
  }
  if (schema.allOf) {
    for (const part of schema.allOf) {
      const err = checkValue(value, part, path);
      if (err) return err;
    }
  }
  // oneOf is checked like anyOf: exclusivity rarely matters for inputs and
  // rejecting a value that fits two alternatives would only puzzle the caller.
  for (const alternatives of [schema.oneOf, schema.anyOf]) {
    if (!alternatives || alternatives.length === 0) continue;
    const errors = alternatives.map((alt) => checkValue(value, alt, path));
    if (!errors.some((e) => e === undefined)) {
      return `${subject(path)} matches none of the allowed alternatives (${errors.join('; or ')})`;
    }
  }
  if (schema.enum && !schema.enum.some((allowed) => sameJson(allowed, value))) {
    return `${subject(path)} = ${show(value)} is not one of ${schema.enum.map(show).join(', ')}`;
  }
  if (schema.type !== undefined) {
    const err = checkType(value, schema.type, path);
    if (err) return err;
  }
  if (typeof value === 'number') return checkNumber(value, schema, path);
  if (typeof value === 'string') return checkString(value, schema, path);
  if (Array.isArray(value)) return checkArray(value, schema, path);
  if (isRecord(value)) return checkObject(value, schema, path);
  return undefined;
}


function subject(path: string): string {
  return `Input '${path}'`;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function checkType(value: unknown, type: NonNullable<Schema['type']>, path: string): string | undefined {
  const ok =
    type === 'integer'
      ? typeof value === 'number' && Number.isInteger(value)
      : type === 'number'
        ? typeof value === 'number' && Number.isFinite(value)
        : type === 'array'
          ? Array.isArray(value)
          : type === 'object'
            ? isRecord(value)
            : typeof value === type;
  if (ok) return undefined;
  const article = type === 'integer' || type === 'array' || type === 'object' ? 'an' : 'a';
  return `${subject(path)} must be ${article} ${type}, got ${kindOf(value)} ${show(value)}`;
}

function checkNumber(value: number, schema: Schema, path: string): string | undefined {
  if (schema.minimum !== undefined) {
    if (schema.exclusiveMinimum === true ? value <= schema.minimum : value < schema.minimum) {
      const which = schema.exclusiveMinimum === true ? 'exclusive minimum' : 'minimum';
      return `${subject(path)} = ${value} violates ${which} ${schema.minimum}`;
    }
  }
  if (schema.maximum !== undefined) {
    if (schema.exclusiveMaximum === true ? value >= schema.maximum : value > schema.maximum) {
      const which = schema.exclusiveMaximum === true ? 'exclusive maximum' : 'maximum';
      return `${subject(path)} = ${value} violates ${which} ${schema.maximum}`;
    }
  }
  if (schema.multipleOf !== undefined && schema.multipleOf > 0) {
    const q = value / schema.multipleOf;
    if (Math.abs(q - Math.round(q)) > 1e-9) return `${subject(path)} = ${value} is not a multiple of ${schema.multipleOf}`;
  }
  return undefined;
}

function checkString(value: string, schema: Schema, path: string): string | undefined {
  if (schema.minLength !== undefined && value.length < schema.minLength) {
    return `${subject(path)} has length ${value.length}, violates minLength ${schema.minLength}`;
  }
  if (schema.maxLength !== undefined && value.length > schema.maxLength) {
    return `${subject(path)} has length ${value.length}, violates maxLength ${schema.maxLength}`;
  }
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
    return `${subject(path)} = ${show(value)} does not match pattern ${schema.pattern}`;
  }
  if (schema.format !== undefined) {
    const expected = FORMAT_CHECKS[schema.format];
    if (expected && !expected.test(value)) {
      return `${subject(path)} = ${show(value)} is not a valid ${schema.format} (${expected.hint})`;
    }
  }
  return undefined;
}

function checkArray(value: unknown[], schema: Schema, path: string): string | undefined {
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    return `${subject(path)} has ${value.length} items, violates minItems ${schema.minItems}`;
  }
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    return `${subject(path)} has ${value.length} items, violates maxItems ${schema.maxItems}`;
  }
  if (schema.uniqueItems === true) {
    const seen = new Set(value.map((v) => JSON.stringify(v)));
    if (seen.size !== value.length) return `${subject(path)} has duplicate items, violates uniqueItems`;
  }
  if (schema.items) {
    for (let i = 0; i < value.length; i++) {
      const err = checkValue(value[i], schema.items, `${path}[${i}]`);
      if (err) return err;
    }
  }
  return undefined;
}

function checkObject(value: Record<string, unknown>, schema: Schema, path: string): string | undefined {
  for (const name of schema.required ?? []) {
    if (value[name] === undefined) return `${subject(path)} is missing required property '${name}'`;
  }
  const properties = schema.properties ?? {};
  for (const [name, propertySchema] of Object.entries(properties)) {
    if (value[name] === undefined) continue;
    const err = checkValue(value[name], propertySchema, `${path}.${name}`);
    if (err) return err;
  }
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== true) {
    for (const name of Object.keys(value)) {
      if (name in properties) continue;
      if (schema.additionalProperties === false) return `${subject(path)} has unknown property '${name}'`;
      const err = checkValue(value[name], schema.additionalProperties, `${path}.${name}`);
      if (err) return err;
    }
  }
  return undefined;
}

interface FormatCheck {
  test(value: string): boolean;
  hint: string;
}

const WKT_START =
  /^\s*(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON|GEOMETRYCOLLECTION|TRIANGLE|TIN|POLYHEDRALSURFACE)(\s*(Z|M|ZM))?\s*(\(|EMPTY\s*$)/i;

const FORMAT_CHECKS: Record<string, FormatCheck> = {
  date: { test: isCalendarDate, hint: 'expected YYYY-MM-DD' },
  'date-time': {
    test: (v) => /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(v) && isCalendarDate(v.slice(0, 10)),
    hint: 'expected RFC 3339, e.g. 2025-01-31T12:00:00Z',
  },
  wkt: { test: isPlausibleWkt, hint: 'expected WKT such as POLYGON((0 0, 1 0, 1 1, 0 0))' },
  uri: { test: (v) => URL.canParse(v), hint: 'expected an absolute URI' },
};

function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A geometry keyword and balanced parentheses: enough to catch the usual mistakes. */
function isPlausibleWkt(value: string): boolean {
  if (!WKT_START.test(value)) return false;
  let depth = 0;
  for (const ch of value) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** $refs the demo knows; any other reference is taken on trust. */
function checkReference(value: unknown, ref: string, path: string): string | undefined {
  if (/(^|\/)bbox\.yaml$/.test(ref)) return checkBbox(value, path);
  return undefined;
}

const BBOX_CRS = ['http://www.opengis.net/def/crs/OGC/1.3/CRS84', 'http://www.opengis.net/def/crs/OGC/0/CRS84h'];

function checkBbox(value: unknown, path: string): string | undefined {
  const shape = 'an object like {"bbox": [minx, miny, maxx, maxy]}';
  if (!isRecord(value)) return `${subject(path)} must be ${shape}, got ${kindOf(value)} ${show(value)}`;
  const { bbox, crs } = value;
  if (!Array.isArray(bbox)) return `${subject(path)} must be ${shape}: 'bbox' is missing or not an array`;
  if (bbox.length !== 4 && bbox.length !== 6) {
    return `${subject(path)} has ${bbox.length} coordinates in 'bbox', expected 4 (2D) or 6 (3D)`;
  }
  const at = bbox.findIndex((n) => typeof n !== 'number' || !Number.isFinite(n));
  if (at >= 0) return `${subject(path)} has a non-number at bbox[${at}]: ${show(bbox[at])}`;
  const half = bbox.length / 2;
  // x may wrap across the antimeridian (minx > maxx); the other axes may not.
  for (let axis = 1; axis < half; axis++) {
    if ((bbox[axis] as number) > (bbox[axis + half] as number)) {
      return `${subject(path)} has bbox[${axis}] = ${bbox[axis]} greater than bbox[${axis + half}] = ${bbox[axis + half]}`;
    }
  }
  if (crs !== undefined && !BBOX_CRS.includes(crs as string)) {
    return `${subject(path)} has crs ${show(crs)}; supported: ${BBOX_CRS.join(', ')}`;
  }
  return undefined;
}
