// Readable values (JSON, text) rendered as MCP content: whole, or cut to a
// preview with a note and a link to where the value can be read whole.
import type { ContentBlock } from '@modelcontextprotocol/sdk/types.js';
import type { ClassifiedOutput } from './results-classify.js';
import { arrayPrefixWithin, prefixWithin } from './results-preview.js';
import { formatCount, jsonStringBytes, utf8Bytes } from './results-size.js';
import type { RenderedOutput, ResourceUris } from './results-types.js';
import { readFrom } from './results-wording.js';

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
