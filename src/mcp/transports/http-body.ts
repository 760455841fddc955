// Reads a JSON-RPC request body with a size bound, before any session or
// Server is created for it: an oversize body costs no more than the bound, and
// the parsed message tells whether the request opens a session.
import type { IncomingMessage } from 'node:http';

export type BodyResult =
  | { ok: true; body: unknown }
  | { ok: false; status: 400 | 413; code: number; message: string };

export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const tooLarge = { ok: false, status: 413, code: -32000, message: `Payload Too Large: the request body must not exceed ${maxBytes} bytes.` } as const;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return tooLarge;
  }
  let chunks: Buffer[] | undefined;
  try {
    chunks = await collect(req, maxBytes);
  } catch {
    return { ok: false, status: 400, code: -32000, message: 'Bad Request: the request body could not be read.' };
  }
  if (chunks === undefined) return tooLarge;
  try {
    return { ok: true, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400, code: -32700, message: 'Parse error: the request body is not valid JSON.' };
  }
}

/** The body's chunks, or undefined once it passes `maxBytes` (the rest is then discarded, not buffered). */
function collect(req: IncomingMessage, maxBytes: number): Promise<Buffer[] | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) {
        cleanup();
        // Keep reading into nothing, so that the 413 can be written and read.
        req.resume();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
