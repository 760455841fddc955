// Links, images and other binary outputs rendered as MCP content: resource_link
// and image blocks, with a placeholder in structuredContent instead of the data.
import type { ContentBlock } from '@modelcontextprotocol/server';
import type { BinaryItem, ClassifiedOutput, ImageItem, LinkItem, SpecialItem } from './classify.js';
import { base64DecodedBytes, estimateBase64Bytes, normalizeBase64 } from '../../ogc/index.js';
import { formatCount, readFrom, utf8Bytes } from './common.js';
import type { OutputDescription, RenderedOutput, ResourceUris } from './types.js';
import { truncate } from '../../util/text.js';

/** Images already shown inline count against one allowance per result. */
export type ImageAllowance = { limit: number; remaining: number };

const MAX_DESCRIPTION_CHARS = 300;

function renderLink(name: string, item: LinkItem, description: OutputDescription | undefined): RenderedOutput {
  const about = item.title ?? description?.title;
  const block: ContentBlock = {
    type: 'resource_link',
    uri: item.uri,
    name,
    ...(item.mimeType !== undefined && { mimeType: item.mimeType }),
    ...(about !== undefined && { description: truncate(about, MAX_DESCRIPTION_CHARS) }),
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
