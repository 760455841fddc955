// A guard in front of the SDK's stdio transport. That transport drops, without
// an answer, every line it cannot read as a JSON-RPC message (the client then
// waits for its timeout), and it closes the whole session on a line over its
// 10 MB buffer. JSON-RPC 2.0 asks for an answer instead (-32700 parse error,
// -32600 invalid request), and one bad message must not end the session: the
// guard answers such lines itself and delivers only valid messages, parsed
// once (the transport would parse every line a second time).
import { Transform, type Readable } from 'node:stream';
import { parseJSONRPCMessage, type JSONRPCMessage } from '@modelcontextprotocol/server';
import { isRecord } from '../../util/records.js';

/** Below the SDK transport's 10 MiB buffer, which a passed line must fit in. */
const MAX_LINE_BYTES = 10 * 1024 * 1024 - 1024;
// Of an over-long line only its ends are kept, to find its id.
const KEPT_BYTES = 4096;

export interface GuardOptions {
  /** Receives each valid message, in the order of the lines. */
  deliver: (message: JSONRPCMessage) => void;
  /** Writes an answer (one JSON-RPC message) to the client. */
  answer: (message: JSONRPCMessage) => void;
  /** Told about every line that was answered or dropped here. */
  warn: (text: string) => void;
  maxLineBytes?: number;
}

type Id = string | number;

function isId(value: unknown): value is Id {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** The id of an over-long request, read from its ends (the SDK Client writes it last, others first). */
function idOfLongLine(head: string, tail: string): Id | null {
  const found = /"id"\s*:\s*(-?\d+(?:\.\d+)?|"(?:[^"\\]|\\.){0,200}")\s*\}\s*$/.exec(tail) ?? /^\s*\{\s*(?:"jsonrpc"\s*:\s*"2\.0"\s*,\s*)?"id"\s*:\s*(-?\d+(?:\.\d+)?|"(?:[^"\\]|\\.){0,200}")/.exec(head);
  if (!found) return null;
  try {
    const id: unknown = JSON.parse(found[1]!);
    return isId(id) ? id : null;
  } catch {
    return null;
  }
}

/** The message as the SDK's own reading makes it (its stdio transport parses lines the same way), or undefined. */
function asJsonRpcMessage(value: unknown): JSONRPCMessage | undefined {
  try {
    return parseJSONRPCMessage(value);
  } catch {
    return undefined;
  }
}

/**
 * Reads `input` line by line: valid messages go to `deliver`, the others are
 * answered or dropped. Returns the stream the transport is to listen to: it
 * carries no data, and ends, closes or fails with `input`.
 */
export function guardJsonRpcLines(input: Readable, options: GuardOptions): Readable {
  const max = options.maxLineBytes ?? MAX_LINE_BYTES;
  let parts: Buffer[] = [];
  let size = 0;
  let head: Buffer | undefined;
  let tail = Buffer.alloc(0);

  const error = (id: Id | null, code: number, message: string): JSONRPCMessage =>
    ({ jsonrpc: '2.0', id, error: { code, message } }) as unknown as JSONRPCMessage;

  const add = (piece: Buffer) => {
    if (head === undefined && size + piece.length <= max) {
      parts.push(piece);
      size += piece.length;
      return;
    }
    if (head === undefined) {
      const all = Buffer.concat([...parts, piece]);
      head = Buffer.from(all.subarray(0, KEPT_BYTES));
      tail = Buffer.from(all.subarray(Math.max(0, all.length - KEPT_BYTES)));
      parts = [];
      size += piece.length;
      return;
    }
    size += piece.length;
    tail = Buffer.concat([tail, piece]);
    if (tail.length > KEPT_BYTES) tail = Buffer.from(tail.subarray(tail.length - KEPT_BYTES));
  };

  const finishLine = () => {
    const over = head !== undefined;
    const lineSize = size;
    const text = over ? '' : Buffer.concat(parts, size).toString('utf8').replace(/\r$/, '');
    const id = over ? idOfLongLine(head!.toString('utf8'), tail.toString('utf8')) : null;
    parts = [];
    size = 0;
    head = undefined;
    tail = Buffer.alloc(0);
    if (over) {
      options.warn(`stdio: refused a message of ${lineSize} bytes (more than ${max}).`);
      options.answer(error(id, -32600, `Invalid Request: the message is larger than ${max} bytes.`));
      return;
    }
    if (text.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      options.warn(`stdio: a line that is not JSON: ${(e as Error).message}`);
      options.answer(error(null, -32700, 'Parse error: the line is not JSON.'));
      return;
    }
    const message = asJsonRpcMessage(parsed);
    if (message !== undefined) {
      options.deliver(message);
      return;
    }
    const record = isRecord(parsed) ? parsed : undefined;
    if (record && !('id' in record) && typeof record.method === 'string') {
      // A malformed notification: nothing may answer a notification.
      options.warn(`stdio: dropped a malformed notification ${JSON.stringify(record.method.slice(0, 100))}.`);
      return;
    }
    if (record && ('result' in record || 'error' in record) && !('method' in record)) {
      options.warn('stdio: dropped a malformed response from the client.');
      return;
    }
    const requestId = record && isId(record.id) ? record.id : null;
    options.warn('stdio: answered a message that is not a valid JSON-RPC 2.0 request with -32600.');
    options.answer(
      error(requestId, -32600, 'Invalid Request: expected a JSON-RPC 2.0 request {"jsonrpc": "2.0", "id": string or number, "method": string, "params"?: object}.'),
    );
  };

  const guard = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      let start = 0;
      for (;;) {
        const newline = chunk.indexOf(0x0a, start);
        add(chunk.subarray(start, newline === -1 ? chunk.length : newline));
        if (newline === -1) break;
        finishLine();
        start = newline + 1;
      }
      done();
    },
  });
  input.on('error', (e) => guard.destroy(e));
  return input.pipe(guard);
}
