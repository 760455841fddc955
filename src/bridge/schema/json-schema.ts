// JSON values and JSON Schema objects as the bridge builds them: copies that
// drop hostile values, equality and size.
import { setOwn } from '../../util/records.js';

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };

/** A JSON Schema (2020-12) object schema; booleans schemas are never produced. */
export interface JsonSchemaObject {
  [keyword: string]: unknown;
}

// Names that every plain object inherits. A validator asked about a property of
// that name finds the inherited member when the property is absent (ajv reads
// `data.constructor`), so they must not be used as schema property names.
const INHERITED_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

export function isInheritedName(name: string): boolean {
  return INHERITED_NAMES.has(name);
}

export interface CloneLimits {
  maxDepth: number;
  maxNodes: number;
}

/**
 * Copies a JSON value (a default, an enum entry, an example) into fresh plain
 * objects. Returns undefined when the value is not JSON, is cyclic, or exceeds
 * the limits, so hostile values are dropped rather than carried along.
 */
export function cloneJson(value: unknown, limits: CloneLimits): JsonValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  let nodes = 0;
  const onPath = new Set<object>();
  const walk = (v: unknown, depth: number): JsonValue | undefined => {
    if (++nodes > limits.maxNodes) return undefined;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
    if (typeof v !== 'object' || depth >= limits.maxDepth || onPath.has(v)) return undefined;
    onPath.add(v);
    try {
      if (Array.isArray(v)) {
        const out: JsonValue[] = [];
        for (const item of v) {
          const copy = walk(item, depth + 1);
          if (copy === undefined) return undefined;
          out.push(copy);
        }
        return out;
      }
      const out: { [key: string]: JsonValue } = {};
      for (const key of Object.keys(v)) {
        const copy = walk((v as Record<string, unknown>)[key], depth + 1);
        if (copy === undefined) return undefined;
        setOwn(out, key, copy);
      }
      return out;
    } finally {
      onPath.delete(v);
    }
  };
  return walk(value, 0);
}

/** Structural equality of two JSON values (used to drop duplicate enum entries and alternatives). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => jsonEqual(x, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Size of a value serialized as JSON, in UTF-8 bytes. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value);
  return text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
}
