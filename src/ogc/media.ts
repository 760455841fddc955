// Media types and base64 as OGC results carry them: which values a model can
// read as text, which can be shown as MCP image content, and how big binary
// values are without decoding them.

// The image types MCP clients are expected to render (PNG and JPEG are required
// by the spec; GIF and WebP are accepted by the major model APIs).
const INLINE_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

// Subtypes that are text a model can read even when they are not text/*.
const TEXTUAL_SUBTYPE = /(^|[+.-])(json|ndjson|jsonl|geojson|xml|yaml|csv|javascript|ecmascript|x-sh|sql|wkt)$/;

/** `Image/PNG; charset=x` -> `image/png`; `image/jpg` -> `image/jpeg`; anything not shaped like a media type -> undefined. */
export function normalizeMediaType(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const base = (raw.split(';')[0] ?? '').trim().toLowerCase();
  if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(base)) return undefined;
  return base === 'image/jpg' ? 'image/jpeg' : base;
}

export function isInlineImageType(mediaType: string | undefined): boolean {
  return mediaType !== undefined && INLINE_IMAGE_TYPES.has(mediaType);
}

/** True for media types whose values are text (JSON, XML, CSV, ...), given normalized. */
export function isTextualMediaType(mediaType: string): boolean {
  if (mediaType.startsWith('text/')) return true;
  const subtype = mediaType.slice(mediaType.indexOf('/') + 1);
  return TEXTUAL_SUBTYPE.test(subtype);
}

/** True when an OGC `encoding` says the value is binary data carried in a string. */
export function isBinaryEncoding(encoding: unknown): boolean {
  return typeof encoding === 'string' && /^(base64|binary)$/i.test(encoding.trim());
}

/**
 * Base64 as the SDK and clients accept it (standard alphabet, padded, no
 * whitespace), from what servers send: MIME line breaks, a `data:` prefix or
 * the URL-safe alphabet. Undefined when it is not base64 at all.
 */
export function normalizeBase64(raw: string): string | undefined {
  let s = raw;
  const dataUri = /^data:[^,]*;base64,/i.exec(s);
  if (dataUri) s = s.slice(dataUri[0].length);
  if (/\s/.test(s)) s = s.replace(/\s+/g, '');
  if (/[-_]/.test(s)) s = s.replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return undefined;
  const unpadded = s.replace(/=+$/, '');
  if (unpadded.length % 4 === 1) return undefined;
  return unpadded + '='.repeat((4 - (unpadded.length % 4)) % 4);
}

/** Decoded size of normalized base64 (see normalizeBase64). */
export function base64DecodedBytes(normalized: string): number {
  let padding = 0;
  if (normalized.endsWith('==')) padding = 2;
  else if (normalized.endsWith('=')) padding = 1;
  return (normalized.length / 4) * 3 - padding;
}

/**
 * Decoded size of base64 estimated from its length alone, for values too big to
 * be worth scanning (line breaks make it a slight overestimate).
 */
export function estimateBase64Bytes(raw: string): number {
  let padding = 0;
  if (raw.endsWith('==')) padding = 2;
  else if (raw.endsWith('=')) padding = 1;
  return Math.max(0, Math.floor((raw.length * 3) / 4) - padding);
}

const JSON_MEDIA = /^application\/([a-z0-9.+-]*\+)?json\b|^application\/geo\+json\b/i;

/** True for JSON media types as written (parameters allowed): application/json, application/geo+json, ...+json. */
export function isJsonMediaType(mediaType: string): boolean {
  return JSON_MEDIA.test(mediaType.trim());
}
