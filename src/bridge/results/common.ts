// What every step of the results translation shares: sizes as they are paid
// for on the wire (UTF-8 bytes of the serialized JSON), and the phrases of
// the notes about outputs not shown whole.
import type { ContentBlock } from '@modelcontextprotocol/server';

export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Bytes of `s` once serialized as a JSON string, quotes and escapes included. */
export function jsonStringBytes(s: string): number {
  return utf8Bytes(JSON.stringify(s));
}

/** 52428800 -> "52,428,800", the same whatever the locale. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * The size the result budget is measured against: the JSON of the content and
 * structuredContent, with image data left out (images have their own limit).
 */
export function measureResultBytes(result: { content: ContentBlock[]; structuredContent?: unknown }): number {
  const content = result.content.map((block) => (block.type === 'image' ? { ...block, data: '' } : block));
  return utf8Bytes(JSON.stringify({ content, structuredContent: result.structuredContent }));
}

/** Where a withheld or cut output can be read, or why it cannot. */
export function readFrom(uri: string | undefined, whole = ''): string {
  return uri !== undefined
    ? `read it${whole} from ${uri}`
    : 'it cannot be read through this bridge because the job has no id';
}

/** Where the job's whole results can be read, or why they cannot. */
export function readAllFrom(uri: string | undefined): string {
  return uri !== undefined
    ? `read them from ${uri}`
    : 'they cannot be read through this bridge because the job has no id';
}
