// Large messages over stdio are written in pieces (src/mcp/transports/stdio-large.ts):
// the lines that come out must be exactly the JSON of the messages sent, in order.
import { once } from 'node:events';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { LARGE_BODY_BYTES } from '../../src/util/memory.js';
import { LargeMessageStdioTransport } from '../../src/mcp/transports/stdio-large.js';

/** A pipe that takes 64 KiB at a time and drains asynchronously, like a slow reader. */
function slowPipe(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    highWaterMark: 64 * 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      setImmediate(done);
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

describe('LargeMessageStdioTransport', () => {
  it('writes large and small messages as whole JSON lines, in the order sent', async () => {
    const pipe = slowPipe();
    const transport = new LargeMessageStdioTransport(new PassThrough(), pipe.stream);
    // Quotes, backslashes, newlines, non-ASCII, and an emoji (a surrogate pair) across the 1 MiB slice boundary.
    const filler = 'a "quoted" \\ line\nwith é and 漢字 ';
    let big = filler.repeat(Math.ceil(LARGE_BODY_BYTES / filler.length));
    big = big.slice(0, 1024 * 1024 - 1) + '😀' + big.slice(1024 * 1024 - 1) + '\u0001end';
    const messages: JSONRPCMessage[] = [
      { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'before' } },
      { jsonrpc: '2.0', id: 7, result: { contents: [{ uri: 'ogc-job://j/results/x', mimeType: 'text/plain', text: big }, { uri: 'u', text: 'small' }] } },
      { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'after' } },
      { jsonrpc: '2.0', id: 8, result: {} },
    ];
    await Promise.all(messages.map((m) => transport.send(m)));
    // What write() accepted may still be buffered in the stream.
    pipe.stream.end();
    await once(pipe.stream, 'finish');
    const lines = pipe.text().split('\n');
    expect(lines).toHaveLength(messages.length + 1);
    expect(lines.at(-1)).toBe('');
    // Byte for byte what the SDK would have written, line by line.
    lines.slice(0, -1).forEach((line, i) => expect(line === JSON.stringify(messages[i]), `line ${i}`).toBe(true));
  });
});
