// Readable values (JSON, text) rendered as MCP content: whole, or cut to a
// preview with a note and a link to where the value can be read whole.
// Previews are sized in serialized bytes and taken without copying or
// scanning more of the value than is shown.
import type { ContentBlock } from '@modelcontextprotocol/server';
import type { ClassifiedOutput } from './classify.js';
import { formatCount, jsonStringBytes, readFrom, utf8Bytes } from './common.js';
import type { RenderedOutput, ResourceUris } from './types.js';
import { sliceWhole } from '../../util/text.js';

/**
 * A readable value measured once: a string as it is (its length tells whether
 * it can fit at all), anything else as its compact JSON.
 */
export type Payload =
  | { kind: 'string'; text: string; bytes: number }
  | { kind: 'json'; json: string; bytes: number; items?: number };

export function measurePayload(inner: unknown): Payload {
  if (typeof inner === 'string') return { kind: 'string', text: inner, bytes: utf8Bytes(inner) };
  const json = JSON.stringify(inner) ?? 'null';
  return { kind: 'json', json, bytes: utf8Bytes(json), ...(Array.isArray(inner) && { items: inner.length }) };
}

type ValueOutput = Extract<ClassifiedOutput, { kind: 'value' }>;

function label(id: string, output: ValueOutput): string {
  return output.mimeType !== undefined ? `${id} (${output.mimeType})` : id;
}

/** The whole value; `json` is the payload as JSON text (a string payload quoted). */
export function renderFullValue(id: string, output: ValueOutput, json: string): RenderedOutput {
  return { structured: output.original, lines: [`${label(id, output)}: ${json}`], blocks: [], truncated: false };
}

type Preview = { text: string; shows: string; after: string };

function previewOf(payload: Payload, maxBytes: number): Preview {
  if (maxBytes <= 0) return { text: '', shows: 'none of it', after: '' };
  if (payload.kind === 'string') {
    const text = prefixWithin(payload.text, maxBytes);
    return { text, shows: `the first ${formatCount(text.length)} characters`, after: '…' };
  }
  if (payload.items !== undefined) {
    const prefix = arrayPrefixWithin(payload.json, maxBytes);
    if (prefix) {
      return {
        text: prefix.text,
        shows: `the first ${formatCount(prefix.items)} of ${formatCount(payload.items)} items`,
        after: ` … ${formatCount(payload.items - prefix.items)} more items`,
      };
    }
  }
  const text = prefixWithin(payload.json, maxBytes);
  return { text, shows: `the first ${formatCount(text.length)} characters of its JSON`, after: '…' };
}

/**
 * The value cut to a preview of about `previewBytes` serialized bytes (shown
 * twice: in the text and in structuredContent), with a note and a link to
 * where it can be read whole.
 */
export function renderCutValue(
  id: string,
  output: ValueOutput,
  payload: Payload,
  previewBytes: number,
  uris: ResourceUris,
): RenderedOutput {
  const uri = uris.forOutput(id);
  const preview = previewOf(payload, previewBytes);
  const shows = preview.text === '' ? 'none of it' : preview.shows;
  const lines = [`output '${id}' is ${formatCount(payload.bytes)} bytes; showing ${shows}; ${readFrom(uri, ' whole')}`];
  if (preview.text !== '') lines.push(`${label(id, output)}: ${preview.text}${preview.after}`);
  const blocks: ContentBlock[] =
    uri === undefined
      ? []
      : [
          {
            type: 'resource_link',
            uri,
            name: id,
            ...(output.mimeType !== undefined && { mimeType: output.mimeType }),
            description: `Whole value of output '${id}' (${formatCount(payload.bytes)} bytes)`,
          },
        ];
  return {
    structured: {
      truncated: true,
      bytes: payload.bytes,
      preview: preview.text,
      ...(uri !== undefined && { resource: uri }),
      ...(output.mimeType !== undefined && { mediaType: output.mimeType }),
      ...(payload.kind === 'json' && payload.items !== undefined && { items: payload.items }),
    },
    lines,
    blocks,
    truncated: true,
  };
}

/** Serialized bytes one rendered output adds to a result (close, not exact: the result is measured whole at the end). */
export function renderedCost(id: string, rendered: RenderedOutput, structuredBytes?: number): number {
  const structured = structuredBytes ?? utf8Bytes(JSON.stringify(rendered.structured) ?? 'null');
  const key = jsonStringBytes(id) + 2;
  // Each line joins the text block after an escaped newline (2 bytes).
  const lines = rendered.lines.reduce((sum, line) => sum + jsonStringBytes(line), 0);
  const blocks = rendered.blocks.reduce(
    (sum, b) => sum + 1 + utf8Bytes(JSON.stringify(b.type === 'image' ? { ...b, data: '' } : b)),
    0,
  );
  return structured + key + lines + blocks;
}

// ---------------------------------------------------------------- previews

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
