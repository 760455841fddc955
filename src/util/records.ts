// Plain-object checks for documents nobody here controls. Untrusted keys
// (`__proto__`, `constructor`) must never reach a prototype, so reads and
// writes go through own properties only.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const hasOwn = Object.prototype.hasOwnProperty;

/** The value of an own property, never one inherited from a prototype. */
export function ownValue(obj: unknown, key: string): unknown {
  if (typeof obj !== 'object' || obj === null) return undefined;
  return hasOwn.call(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

export function hasOwnKey(obj: unknown, key: string): boolean {
  return typeof obj === 'object' && obj !== null && hasOwn.call(obj, key);
}

/**
 * Sets an own, enumerable data property. Plain assignment with a key such as
 * `__proto__` would replace the object's prototype instead.
 */
export function setOwn(obj: object, key: string, value: unknown): void {
  // `__proto__` is the only accessor plain objects inherit; every other key
  // assigns an own property, and plain assignment is much faster.
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else (obj as Record<string, unknown>)[key] = value;
}

/** Own enumerable string keys, or [] for anything that is not an object. */
export function ownKeys(obj: unknown): string[] {
  if (typeof obj !== 'object' || obj === null) return [];
  return Object.keys(obj);
}
