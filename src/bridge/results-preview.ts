// Beginnings of values too big to show whole, sized in serialized bytes and
// taken without copying or scanning more of the value than is shown.
import { jsonStringBytes } from './results-size.js';
import { sliceWhole } from '../util/text.js';

/** Bytes of `s` inside a JSON string, without the quotes. */
function escapedBytes(s: string): number {
  return jsonStringBytes(s) - 2;
}

/**
 * The longest prefix (give or take a few characters) of `s` whose escaped
 * UTF-8 size is at most `maxBytes`, cut on a character boundary.
 */
export function prefixWithin(s: string, maxBytes: number): string {
  // Every character costs at least one byte, so no more than maxBytes of them fit.
  let end = Math.min(s.length, Math.floor(maxBytes));
  for (let attempt = 0; end > 0; attempt++) {
    const prefix = sliceWhole(s, end);
    const size = escapedBytes(prefix);
    if (size <= maxBytes) return prefix;
    // Multi-byte characters or escapes: shrink in proportion, then by halves if that stalls.
    const scaled = Math.floor((prefix.length * maxBytes) / size) - 1;
    end = attempt < 8 ? Math.min(scaled, prefix.length - 1) : Math.floor(prefix.length / 2);
  }
  return '';
}

/**
 * Offsets just past each top-level item of the JSON array text `json`, for the
 * items that end before `limit`: a scan of that prefix only.
 */
function itemEnds(json: string, limit: number): number[] {
  const ends: number[] = [];
  if (json === '[]') return ends;
  let depth = 0;
  let inString = false;
  const stop = Math.min(json.length, limit);
  for (let i = 1; i < stop; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x5d || c === 0x7d) {
      if (depth === 0) ends.push(i); // the closing bracket of the array itself
      else depth--;
    } else if (c === 0x2c && depth === 0) ends.push(i);
  }
  return ends;
}

/**
 * The first items of the compact JSON array text `json`, as JSON text of at
 * most `maxBytes` escaped bytes (`[2,3,5]`), with how many items it holds;
 * undefined when not even the first item fits.
 */
export function arrayPrefixWithin(json: string, maxBytes: number): { text: string; items: number } | undefined {
  let limit = Math.floor(maxBytes);
  for (let attempt = 0; attempt < 12 && limit > 1; attempt++) {
    const ends = itemEnds(json, limit);
    // Leave room for the closing bracket.
    while (ends.length > 0 && (ends[ends.length - 1] as number) + 1 > limit) ends.pop();
    const last = ends[ends.length - 1];
    if (last === undefined) return undefined;
    const text = json.slice(0, last) + ']';
    const size = escapedBytes(text);
    if (size <= maxBytes) return { text, items: ends.length };
    limit = Math.min(last, Math.floor((last * maxBytes) / size));
  }
  return undefined;
}
