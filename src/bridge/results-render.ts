// One output rendered as MCP content: the value for structuredContent, the
// lines of the text block, and image / resource_link blocks.
import type { ContentBlock } from '@modelcontextprotocol/sdk/types.js';
import type { BinaryItem, ClassifiedOutput, ImageItem, LinkItem, SpecialItem } from './results-classify.js';
import { base64DecodedBytes, estimateBase64Bytes, normalizeBase64 } from './media.js';
import { arrayPrefixWithin, prefixWithin, sliceOnCharBoundary } from './results-preview.js';
import { formatCount, jsonStringBytes, utf8Bytes } from './results-size.js';
import type { OutputDescription, RenderedOutput, ResourceUris } from './results-types.js';

/** Images already shown inline count against one allowance per result. */
export type ImageAllowance = { limit: number; remaining: number };

const MAX_DESCRIPTION_CHARS = 300;

function shortText(s: string): string {
  return s.length <= MAX_DESCRIPTION_CHARS ? s : sliceOnCharBoundary(s, MAX_DESCRIPTION_CHARS - 1) + '…';
}

function readFrom(uri: string | undefined, whole = ''): string {
  return uri !== undefined
    ? `read it${whole} from ${uri}`
    : 'it cannot be read through this bridge because the job has no id';
}

function renderLink(name: string, item: LinkItem, description: OutputDescription | undefined): RenderedOutput {
  const about = item.title ?? description?.title;
  const block: ContentBlock = {
    type: 'resource_link',
    uri: item.uri,
    name,
    ...(item.mimeType !== undefined && { mimeType: item.mimeType }),
    ...(about !== undefined && { description: shortText(about) }),
  };
  const type = item.mimeType !== undefined ? ` (${item.mimeType})` : '';
  return { structured: item.link, lines: [`${name}: ${item.uri}${type}`], blocks: [block], truncated: false };
}

function renderWithheld(
  name: string,
  outputUri: string | undefined,
  mediaType: string | undefined,
  mimeType: string | undefined,
  bytes: number,
  tooBigImage: { limit: number } | undefined,
): RenderedOutput {
  const kind = mediaType ?? 'binary';
  const size = `${formatCount(bytes)} bytes`;
  const line = tooBigImage
    ? `${name}: ${kind} image of ${size}, too big to show inline (images may take ${formatCount(tooBigImage.limit)} bytes per result); ${readFrom(outputUri)}`
    : `${name}: ${kind} data of ${size}, not shown inline; ${readFrom(outputUri)}`;
  const blocks: ContentBlock[] =
    outputUri === undefined
      ? []
      : [
          {
            type: 'resource_link',
            uri: outputUri,
            name,
            ...(mimeType !== undefined && { mimeType }),
            description: `${kind}, ${size}`,
          },
        ];
  return {
    structured: {
      ...(mediaType !== undefined && { mediaType }),
      bytes,
      content: tooBigImage ? 'image too big to show inline' : 'binary data, not inline',
      ...(outputUri !== undefined && { resource: outputUri }),
    },
    lines: [line],
    blocks,
    truncated: tooBigImage !== undefined,
  };
}

function renderImage(name: string, item: ImageItem, outputUri: string | undefined, images: ImageAllowance): RenderedOutput {
  // Anything this long cannot be within the limit, whatever whitespace it holds: skip scanning it.
  const worthScanning = item.base64.length <= 2 * images.limit + 64;
  const data = worthScanning ? normalizeBase64(item.base64) : undefined;
  if (worthScanning && data === undefined) {
    return renderWithheld(name, outputUri, item.mediaType, item.mediaType, utf8Bytes(item.base64), undefined);
  }
  const bytes = data !== undefined ? base64DecodedBytes(data) : estimateBase64Bytes(item.base64);
  if (data === undefined || bytes > images.remaining) {
    return renderWithheld(name, outputUri, item.mediaType, item.mediaType, bytes, { limit: images.limit });
  }
  images.remaining -= bytes;
  return {
    structured: { mediaType: item.mediaType, bytes, content: 'image (see content)' },
    lines: [`${name}: ${item.mediaType} image of ${formatCount(bytes)} bytes (shown as image content)`],
    blocks: [{ type: 'image', data, mimeType: item.mediaType }],
    truncated: false,
  };
}

function renderBinary(name: string, item: BinaryItem, outputUri: string | undefined): RenderedOutput {
  const bytes = item.base64 ? estimateBase64Bytes(item.value) : utf8Bytes(item.value);
  return renderWithheld(name, outputUri, item.mediaType, item.mimeType, bytes, undefined);
}

function renderItem(
  name: string,
  item: SpecialItem,
  outputUri: string | undefined,
  description: OutputDescription | undefined,
  images: ImageAllowance,
): RenderedOutput {
  switch (item.kind) {
    case 'link':
      return renderLink(name, item, description);
    case 'image':
      return renderImage(name, item, outputUri, images);
    case 'binary':
      return renderBinary(name, item, outputUri);
  }
}

/** Links, images and binaries: their size does not depend on the budget. */
export function renderSpecial(
  id: string,
  output: Extract<ClassifiedOutput, { kind: 'special' }>,
  uris: ResourceUris,
  description: OutputDescription | undefined,
  images: ImageAllowance,
): RenderedOutput {
  const outputUri = uris.forOutput(id);
  const parts = output.items.map((item, i) =>
    renderItem(output.isArray ? `${id}[${i}]` : id, item, outputUri, description, images),
  );
  if (!output.isArray) return parts[0] as RenderedOutput;
  // Items of one output share its resource: link it once, for the whole output.
  const all = parts.flatMap((p) => p.blocks);
  const blocks = all.filter((b) => b.type !== 'resource_link' || b.uri !== outputUri);
  if (outputUri !== undefined && blocks.length < all.length) {
    blocks.push({
      type: 'resource_link',
      uri: outputUri,
      name: id,
      description: `Output '${id}' whole (${formatCount(parts.length)} items)`,
    });
  }
  return {
    structured: parts.map((p) => p.structured),
    lines: parts.flatMap((p) => p.lines),
    blocks,
    truncated: parts.some((p) => p.truncated),
  };
}

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
