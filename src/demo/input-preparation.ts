import { checkValue } from './schema-check.js';
import type { DemoProcess, ProcessInputs, Schema } from './processes/types.js';
import { isRecord } from '../util/records.js';

export type PreparedInputs = { ok: true; inputs: ProcessInputs } | { ok: false; message: string };

const QUALIFIED_KEYS = new Set(['value', 'mediaType', 'encoding', 'schema']);
const LINK_KEYS = new Set(['href', 'rel', 'type', 'hreflang', 'title']);

/**
 * Turns the `inputs` of an execute request into what a process runs with:
 * every declared input validated, defaults merged in, unknown inputs dropped
 * (as the reference does). Runs before a job exists, so bad requests get a 400.
 */
export function prepareInputs(process: DemoProcess, raw: unknown): PreparedInputs {
  if (raw === undefined || raw === null) raw = {};
  if (!isRecord(raw)) {
    return { ok: false, message: "'inputs' must be an object that maps input ids to values" };
  }
  const inputs: ProcessInputs = {};
  for (const [id, description] of Object.entries(process.inputs)) {
    const minOccurs = description.minOccurs ?? 1;
    const maxOccurs = description.maxOccurs ?? 1;
    let value = raw[id];
    if (value === undefined) {
      if (description.schema.default !== undefined) inputs[id] = structuredClone(description.schema.default);
      else if (minOccurs > 0) return { ok: false, message: `Missing required input '${id}'` };
      continue;
    }
    const many = maxOccurs === 'unbounded' || maxOccurs > 1;
    if (many && Array.isArray(value) && description.schema.type !== 'array') {
      if (value.length < minOccurs) {
        return { ok: false, message: `Input '${id}' has ${value.length} values, needs at least ${minOccurs} (minOccurs)` };
      }
      if (maxOccurs !== 'unbounded' && value.length > maxOccurs) {
        return { ok: false, message: `Input '${id}' has ${value.length} values, allows at most ${maxOccurs} (maxOccurs)` };
      }
      const values: unknown[] = [];
      for (let i = 0; i < value.length; i++) {
        const one = unwrap(value[i], description.schema, `${id}[${i}]`);
        if (!one.ok) return one;
        const err = checkValue(one.value, description.schema, `${id}[${i}]`);
        if (err) return { ok: false, message: err };
        values.push(one.value);
      }
      inputs[id] = values;
      continue;
    }
    const one = unwrap(value, description.schema, id);
    if (!one.ok) return one;
    value = one.value;
    const err = checkValue(value, description.schema, id);
    if (err) return { ok: false, message: err };
    inputs[id] = value;
  }
  return { ok: true, inputs };
}

/**
 * OGC lets a value come qualified ({value, mediaType}) or by reference ({href}).
 * Qualified values are unwrapped; references are refused, since the demo never
 * fetches remote data. A schema that itself declares `value`/`href` wins.
 */
function unwrap(
  value: unknown,
  schema: Schema,
  path: string,
): { ok: true; value: unknown } | { ok: false; message: string } {
  if (!isRecord(value)) return { ok: true, value };
  const keys = Object.keys(value);
  const declares = (name: string) => declaresProperty(schema, name);
  if ('value' in value && keys.every((k) => QUALIFIED_KEYS.has(k)) && !declares('value')) {
    return { ok: true, value: value.value };
  }
  if (typeof value.href === 'string' && keys.every((k) => LINK_KEYS.has(k)) && !declares('href')) {
    return {
      ok: false,
      message: `Input '${path}' is given by reference (href); this server accepts inline values only`,
    };
  }
  return { ok: true, value };
}

function declaresProperty(schema: Schema, name: string): boolean {
  if (schema.properties && name in schema.properties) return true;
  return [schema.allOf, schema.oneOf, schema.anyOf].some((list) => list?.some((s) => declaresProperty(s, name)) ?? false);
}
