// The SDK's stdio transport writes each message as one string: the message
// serialized, a newline appended, the whole flattened and encoded for the
// pipe. For a resource of 50 MB that is three more copies of it at once. A
// message carrying strings past LARGE_BODY_BYTES is written here instead in
// pieces: the rest of the message serialized with placeholders, the large
// strings escaped a slice at a time, waiting for the pipe to drain. Other
// messages wait meanwhile, so lines never interleave; small messages go the
// SDK's way when nothing is being written. Messages come in already read and
// checked by the guard (stdio-guard.ts), through receive().
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import type { JSONRPCMessage } from '@modelcontextprotocol/server';
import { StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import { LARGE_BODY_BYTES, collectAfterLargeBody } from '../../util/memory.js';

const SLICE_CHARS = 1024 * 1024;
// Deep enough for result.contents[i].text and result.content[i].text.
const MAX_DEPTH = 6;

/** Whether `value` holds a string of LARGE_BODY_BYTES characters or more. */
function holdsLargeString(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.length >= LARGE_BODY_BYTES;
  if (depth >= MAX_DEPTH || typeof value !== 'object' || value === null) return false;
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    if (holdsLargeString(item, depth + 1)) return true;
  }
  return false;
}

export class LargeMessageStdioTransport extends StdioServerTransport {
  readonly #out: Writable;
  #pending = 0;
  #last: Promise<void> = Promise.resolve();
  #started = false;
  #closed = false;
  // Messages received before the transport was started (none, as serveStdio starts it at once).
  readonly #early: JSONRPCMessage[] = [];

  constructor(stdin: Readable, stdout: Writable) {
    super(stdin, stdout);
    this.#out = stdout;
  }

  /** A message the guard (stdio-guard.ts) has read and checked, handed on as it is. */
  receive(message: JSONRPCMessage): void {
    if (this.#closed) return;
    if (this.#started) this.onmessage?.(message);
    else this.#early.push(message);
  }

  override async start(): Promise<void> {
    await super.start();
    this.#started = true;
    for (const message of this.#early.splice(0)) this.onmessage?.(message);
  }

  override async close(): Promise<void> {
    this.#closed = true;
    await super.close();
  }

  override send(message: JSONRPCMessage): Promise<void> {
    const large = holdsLargeString(message);
    if (!large && this.#pending === 0) return super.send(message);
    this.#pending++;
    const sent = this.#last.then(() => (large ? this.#sendInPieces(message) : super.send(message)));
    this.#last = sent.catch(() => undefined).finally(() => this.#pending--);
    return sent;
  }

  async #sendInPieces(message: JSONRPCMessage): Promise<void> {
    // What built this message (the parsed results) is garbage by now: free it first.
    collectAfterLargeBody(LARGE_BODY_BYTES);
    const token = `\u0001ogc-large-${Math.random().toString(36).slice(2)}\u0001`;
    const large: string[] = [];
    const skeleton = JSON.stringify(message, (_key, value: unknown) => {
      if (typeof value !== 'string' || value.length < LARGE_BODY_BYTES) return value;
      large.push(value);
      return token;
    });
    // The token is serialized as "\u0001ogc-large-...\u0001" (with its quotes).
    const marker = JSON.stringify(token);
    const parts = skeleton.split(marker);
    for (let i = 0; i < parts.length; i++) {
      await this.#write(parts[i]!);
      const text = large[i];
      if (text === undefined) continue;
      await this.#write('"');
      for (let at = 0; at < text.length; ) {
        let end = Math.min(at + SLICE_CHARS, text.length);
        // Never split a surrogate pair: its halves would be escaped as two lone ones.
        const last = text.charCodeAt(end - 1);
        if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
        await this.#write(JSON.stringify(text.slice(at, end)).slice(1, -1));
        at = end;
      }
      await this.#write('"');
    }
    await this.#write('\n');
  }

  async #write(chunk: string): Promise<void> {
    if (this.#out.destroyed) throw new Error('stdout is closed');
    if (chunk.length === 0 || this.#out.write(chunk)) return;
    // A stdout that fails (EPIPE: the client went away) never drains: stop waiting then too.
    const stop = new AbortController();
    const options = { signal: stop.signal };
    try {
      await Promise.race([once(this.#out, 'drain', options), once(this.#out, 'close', options), once(this.#out, 'error', options)]);
    } finally {
      stop.abort();
    }
    if (this.#out.destroyed) throw new Error('stdout is closed');
  }
}
