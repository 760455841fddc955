// What one output value of an OGC results document is: a link, an image, other
// binary data, or a value a model can read (plain JSON or a textual qualified
// value). OGC servers send all of these under the same output map.
import { isBinaryEncoding, isInlineImageType, isTextualMediaType, normalizeMediaType } from '../../ogc/index.js';
import type { OutputDescription } from './types.js';
import { isRecord } from '../../util/records.js';

export type LinkItem = {
  kind: 'link';
  /** The link as the server sent it, with href made absolute. */
  link: Record<string, unknown>;
  uri: string;
  mimeType?: string;
  title?: string;
};

export type ImageItem = { kind: 'image'; mediaType: string; base64: string };

export type BinaryItem = {
  kind: 'binary';
  mediaType?: string;
  /** The server's media type string as sent, parameters included. */
  mimeType?: string;
  value: string;
  base64: boolean;
};

/** Outputs (or array items) that never go into the text as they are. */
export type SpecialItem = LinkItem | ImageItem | BinaryItem;

export type ClassifiedOutput =
  | { kind: 'special'; items: SpecialItem[]; isArray: boolean }
  /** `original` goes to structuredContent; `inner` is what the text shows (the value inside a qualified value). */
  | { kind: 'value'; original: unknown; inner: unknown; mimeType?: string };

// OGC's qualifiedValue keys; an object with any other key is plain JSON.
const QUALIFIED_KEYS = new Set(['value', 'mediaType', 'encoding', 'schema', 'format']);
const LINK_KEYS = new Set(['href', 'rel', 'type', 'hreflang', 'title', 'length', 'format', 'mediaType', 'id']);


function formatField(v: Record<string, unknown>, key: 'mediaType' | 'encoding'): unknown {
  return isRecord(v.format) ? v.format[key] : undefined;
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((v): v is string => typeof v === 'string' && v.trim() !== '');
}

function asLink(v: unknown, baseUrl: string | undefined): LinkItem | undefined {
  if (!isRecord(v) || typeof v.href !== 'string' || 'value' in v) return undefined;
  if (!Object.keys(v).every((k) => LINK_KEYS.has(k))) return undefined;
  const uri = resolveHref(v.href, baseUrl);
  // Not a URI (Weaver's examples put literal text in href): a plain value then.
  if (uri === undefined) return undefined;
  const mimeType = firstString(v.type, v.mediaType, formatField(v, 'mediaType'));
  const title = firstString(v.title);
  return {
    kind: 'link',
    link: { ...v, href: uri },
    uri,
    ...(mimeType !== undefined && { mimeType }),
    ...(title !== undefined && { title }),
  };
}

function resolveHref(href: string, baseUrl: string | undefined): string | undefined {
  if (URL.canParse(href)) return href;
  if (baseUrl !== undefined && href.trim() !== '' && URL.canParse(href, baseUrl)) return new URL(href, baseUrl).href;
  return undefined;
}

type Qualified = { value: unknown; mimeType?: string; encoding?: unknown };

function asQualified(v: unknown): Qualified | undefined {
  if (!isRecord(v) || !('value' in v)) return undefined;
  if (!Object.keys(v).every((k) => QUALIFIED_KEYS.has(k))) return undefined;
  const mimeType = firstString(v.mediaType, formatField(v, 'mediaType'));
  const encoding = v.encoding ?? formatField(v, 'encoding');
  return { value: v.value, ...(mimeType !== undefined && { mimeType }), encoding };
}

/**
 * A bare string whose schema says it is encoded media (contentMediaType /
 * contentEncoding), read as the qualified value it stands for.
 */
function qualifiedFromSchema(v: unknown, schema: unknown): Qualified | undefined {
  if (typeof v !== 'string' || !isRecord(schema)) return undefined;
  const mimeType = firstString(schema.contentMediaType);
  const encoding = schema.contentEncoding;
  if (mimeType === undefined && !isBinaryEncoding(encoding)) return undefined;
  return { value: v, ...(mimeType !== undefined && { mimeType }), encoding };
}

function binaryOrImage(q: Qualified): ImageItem | BinaryItem | undefined {
  if (typeof q.value !== 'string') return undefined;
  const mediaType = normalizeMediaType(q.mimeType);
  const encoded = isBinaryEncoding(q.encoding);
  const base64 = encoded ? /^base64$/i.test(String(q.encoding).trim()) : true;
  if (isInlineImageType(mediaType) && base64) return { kind: 'image', mediaType: mediaType as string, base64: q.value };
  if (encoded || (mediaType !== undefined && !isTextualMediaType(mediaType))) {
    return {
      kind: 'binary',
      ...(mediaType !== undefined && { mediaType }),
      ...(q.mimeType !== undefined && { mimeType: q.mimeType }),
      value: q.value,
      base64,
    };
  }
  return undefined;
}

function asSpecial(v: unknown, schema: unknown, baseUrl: string | undefined): SpecialItem | undefined {
  const link = asLink(v, baseUrl);
  if (link) return link;
  const q = asQualified(v) ?? qualifiedFromSchema(v, schema);
  return q ? binaryOrImage(q) : undefined;
}

export function classifyOutput(
  value: unknown,
  description: OutputDescription | undefined,
  baseUrl: string | undefined,
): ClassifiedOutput {
  const schema = description?.schema;
  const single = asSpecial(value, schema, baseUrl);
  if (single) return { kind: 'special', items: [single], isArray: false };
  // maxOccurs > 1: an array of links or binaries is shown item by item; an
  // array that mixes in plain values stays one JSON value.
  if (Array.isArray(value) && value.length > 0) {
    const items: SpecialItem[] = [];
    for (const item of value) {
      const special = asSpecial(item, schema, baseUrl);
      if (!special) break;
      items.push(special);
    }
    if (items.length === value.length) return { kind: 'special', items, isArray: true };
  }
  const q = asQualified(value);
  if (q) return { kind: 'value', original: value, inner: q.value, ...(q.mimeType !== undefined && { mimeType: q.mimeType }) };
  return { kind: 'value', original: value, inner: value };
}
