import type { IncomingMessage } from 'node:http';
import { PROBLEM_TYPES, problem } from './problems.js';
import { errorMessage } from '../util/errors.js';

/** The client went away mid-body: nobody is left to answer. */
export class ClientAbortedError extends Error {}

/**
 * Reads the whole body up to `maxBytes`. An oversize body is still drained
 * (up to a hard cap) before the 413 goes out: answering while the client is
 * still sending makes many clients see a reset instead of the 413.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const hardCap = Math.max(maxBytes * 8, 64 * 1024 * 1024);
  const tooLarge = () =>
    problem(413, PROBLEM_TYPES.payloadTooLarge, 'Payload too large', `The request body exceeds the limit of ${maxBytes} bytes.`);
  const declared = Number(req.headers['content-length']);
  if (declared > hardCap) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let overflow = declared > maxBytes;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        overflow = true;
        chunks.length = 0;
        if (size > hardCap) {
          req.destroy();
          reject(tooLarge());
        }
      } else if (!overflow) {
        chunks.push(chunk);
      }
    });
    req.on('end', () => (overflow ? reject(tooLarge()) : resolve(Buffer.concat(chunks, size))));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new ClientAbortedError('the client aborted the request'));
    });
  });
}

/** An empty body counts as `{}`, so that a process with no required inputs runs from a bare POST. */
export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    const reason = errorMessage(error);
    throw problem(400, PROBLEM_TYPES.malformedBody, 'Malformed JSON', `The request body is not valid JSON: ${reason}`);
  }
}
