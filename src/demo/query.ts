import { invalidParameter } from './problems.js';

/** Largest page a client can ask for; enough to list a 10,000-job benchmark in one go. */
export const MAX_LIMIT = 10_000;

export function parseQuery(search: string): URLSearchParams {
  return new URLSearchParams(search);
}

/** Values of a parameter given repeatedly and/or comma-separated, e.g. status=running,failed&status=accepted. */
export function listParam(query: URLSearchParams, name: string, keepWhole?: (value: string) => boolean): string[] | undefined {
  const raw = query.getAll(name);
  if (raw.length === 0) return undefined;
  const values: string[] = [];
  for (const value of raw) {
    // An id that itself contains a comma is kept whole when it is known as such.
    if (keepWhole?.(value)) values.push(value);
    else for (const part of value.split(',')) if (part.trim() !== '') values.push(part.trim());
  }
  return values;
}

/** A non-negative integer parameter, with a 400 naming it when it is not one. */
export function intParam(query: URLSearchParams, name: string, min: number): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min) {
    throw invalidParameter(`Query parameter '${name}' must be an integer >= ${min}, got '${raw}'`);
  }
  return Number(raw);
}

/** limit (absent: everything, as the reference server lists all) and offset. */
export function pageParams(query: URLSearchParams | undefined): { offset: number; limit: number; limited: boolean } {
  if (!query) return { offset: 0, limit: Number.POSITIVE_INFINITY, limited: false };
  const limit = intParam(query, 'limit', 1);
  const offset = intParam(query, 'offset', 0) ?? 0;
  return {
    offset,
    limit: limit === undefined ? Number.POSITIVE_INFINITY : Math.min(limit, MAX_LIMIT),
    limited: limit !== undefined,
  };
}
