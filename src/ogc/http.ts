// The HTTP layer of the client: one keep-alive undici Agent, bodies read
// with a byte cap, retries of idempotent requests, redirects that keep
// credentials on their origin, and every failure turned into an OgcError.
import { Agent, type Dispatcher } from 'undici';
import { LARGE_BODY_BYTES, collectAfterLargeBody, collectYoungGarbage } from '../util/memory.js';
import {
  OgcLinkRefusedError,
  OgcResponseError,
  OgcTransportError,
  abortedError,
  tooLargeError,
  transportErrorFrom,
  type RequestSite,
} from './errors.js';

export interface HttpTimeouts {
  connectMs: number;
  headersMs: number;
  /** Longest pause between two chunks of a body. */
  bodyMs: number;
  /** Longest time to read a whole body: a server trickling bytes never trips bodyMs. */
  bodyTotalMs: number;
}

export interface HttpTransportOptions {
  timeouts: HttpTimeouts;
  retries: number;
  /** Delay before the first retry; doubles with each further one. */
  retryBaseDelayMs: number;
}

/**
 * Where a request goes. Kept as strings, not a URL object: WHATWG URL parsing
 * would turn an encoded id segment like `%2E%2E` back into `..` and drop it.
 */
export interface RequestTarget {
  /** e.g. `http://127.0.0.1:8008` */
  origin: string;
  /** Encoded path with query, e.g. `/jobs/a%2Fb?limit=2` */
  path: string;
}

export function targetOf(url: URL): RequestTarget {
  return { origin: url.origin, path: url.pathname + url.search };
}

export function hrefOf(target: RequestTarget): string {
  return target.origin + target.path;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  target: RequestTarget;
  /** Headers for this request, credentials included when they may go to `url`. */
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** Byte cap of the response body; over it the request fails with OgcResponseError `too-large`. */
  maxBytes: number;
  /** Whether 502/503/504 and connection resets may be retried (idempotent requests only). */
  retry: boolean;
  /**
   * Called for each redirect target (GET only): returns the headers to send
   * there (without credentials when they may not go), or throws to refuse it.
   */
  redirectHeaders?: (target: URL) => Record<string, string>;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  contentType?: string;
  body: Buffer;
  /** The URL that answered (after redirects). */
  url: string;
  site: RequestSite;
}

const RETRY_STATUSES = new Set([502, 503, 504]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
// Error bodies are read for their message only; more than this is never needed.
const MAX_ERROR_BODY_BYTES = 64 * 1024;
// A server's Retry-After is honoured up to this; longer waits are the caller's business.
const MAX_RETRY_AFTER_MS = 5_000;

export function headerValue(headers: HttpResponse['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Resolves after `ms`, or rejects with an aborted OgcTransportError when the signal fires. */
export function sleep(ms: number, signal?: AbortSignal, site?: RequestSite): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError(site));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(site));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

type Body = Dispatcher.ResponseData['body'];

/** Classified like undici's own body timeout (a timeout waiting for the response body). */
function bodyDeadlineError(): Error {
  return Object.assign(new Error('the whole response body did not arrive in time'), { code: 'UND_ERR_BODY_TIMEOUT' });
}

/** Drops a body we will not read; undici reports the destruction as an error nobody needs. */
function discard(body: Body): void {
  body.on('error', () => {});
  body.destroy();
}

// While a large body streams in, copied chunks are collected this often.
const COLLECT_EVERY_BYTES = 2 * 1024 * 1024;

/**
 * Reads a body up to `limit` bytes; over it, either fails or stops (for error
 * bodies). A large body with a Content-Length goes straight into one buffer of
 * that size: collecting chunks and concatenating them would hold it twice.
 */
async function readBody(body: Body, limit: number, overLimit: 'fail' | 'truncate', declared?: number): Promise<Buffer | undefined> {
  if (declared !== undefined && Number.isSafeInteger(declared) && declared >= LARGE_BODY_BYTES && declared <= limit) {
    // Whatever earlier large bodies left behind goes before this one arrives.
    collectAfterLargeBody(declared);
    const whole = Buffer.allocUnsafe(declared);
    let at = 0;
    let copiedSinceCollect = 0;
    for await (const chunk of body as AsyncIterable<Buffer>) {
      // undici fails a body longer than announced itself; this only guards the buffer.
      if (at + chunk.length > declared) {
        discard(body);
        throw new Error('the response body is longer than its Content-Length');
      }
      chunk.copy(whole, at);
      at += chunk.length;
      // Copied chunks are garbage that V8 may leave for tens of MB: collect it as it grows.
      copiedSinceCollect += chunk.length;
      if (copiedSinceCollect >= COLLECT_EVERY_BYTES) {
        collectYoungGarbage();
        copiedSinceCollect = 0;
      }
    }
    // The last chunks, copied, are garbage: let them go before the body is decoded into a second copy.
    collectAfterLargeBody(declared);
    return at === declared ? whole : whole.subarray(0, at);
  }
  return collectBody(body, limit, overLimit);
}

/**
 * A body of unknown or small size, read with stream events: an async iterator
 * would cost a promise and a generator step per chunk, paid on every call.
 */
function collectBody(body: Body, limit: number, overLimit: 'fail' | 'truncate'): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      body.off('data', onData);
      body.off('end', onEnd);
      body.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      stop();
      discard(body);
      if (overLimit === 'fail') {
        resolve(undefined);
        return;
      }
      chunks.push(chunk.subarray(0, chunk.length - (size - limit)));
      resolve(Buffer.concat(chunks, limit));
    };
    const onEnd = () => {
      stop();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    body.on('data', onData);
    body.once('end', onEnd);
    body.once('error', onError);
  });
}

function siteOf(method: string, target: RequestTarget): RequestSite {
  const queryAt = target.path.indexOf('?');
  return { method, path: queryAt === -1 ? target.path : target.path.slice(0, queryAt) };
}

export class HttpTransport {
  readonly #agent: Agent;
  readonly #options: HttpTransportOptions;

  constructor(options: HttpTransportOptions) {
    this.#options = options;
    this.#agent = new Agent({
      connect: { timeout: options.timeouts.connectMs },
      headersTimeout: options.timeouts.headersMs,
      bodyTimeout: options.timeouts.bodyMs,
      keepAliveTimeout: 10_000,
      keepAliveMaxTimeout: 60_000,
    });
  }

  async close(): Promise<void> {
    await this.#agent.close();
  }

  /** Sends a request; resolves with the response for any HTTP status, rejects with an OgcError otherwise. */
  async send(request: HttpRequest): Promise<HttpResponse> {
    let attempt = 0;
    for (;;) {
      try {
        const response = await this.#sendFollowingRedirects(request);
        if (request.retry && RETRY_STATUSES.has(response.status) && attempt < this.#options.retries) {
          await sleep(this.#retryDelay(attempt, headerValue(response.headers, 'retry-after')), request.signal, response.site);
          attempt++;
          continue;
        }
        return response;
      } catch (error) {
        const retryable =
          request.retry &&
          attempt < this.#options.retries &&
          error instanceof OgcTransportError &&
          error.kind === 'reset';
        if (!retryable) throw error;
        await sleep(this.#retryDelay(attempt, undefined), request.signal, siteOf(request.method, request.target));
        attempt++;
      }
    }
  }

  #retryDelay(attempt: number, retryAfter: string | undefined): number {
    const seconds = retryAfter !== undefined ? Number(retryAfter) : Number.NaN;
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
    return this.#options.retryBaseDelayMs * 2 ** attempt;
  }

  async #sendFollowingRedirects(request: HttpRequest): Promise<HttpResponse> {
    let target = request.target;
    let headers = request.headers;
    for (let hop = 0; ; hop++) {
      const response = await this.#sendOnce(request, target, headers);
      const location = headerValue(response.headers, 'location');
      const follow = request.method === 'GET' && REDIRECT_STATUSES.has(response.status) && location !== undefined;
      if (!follow) return response;
      if (hop >= MAX_REDIRECTS) {
        throw new OgcResponseError(`${response.site.method} ${response.site.path}: more than ${MAX_REDIRECTS} redirects`, {
          reason: 'unexpected-response',
          site: response.site,
          status: response.status,
        });
      }
      const next = new URL(location, hrefOf(target));
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw new OgcLinkRefusedError(
          `${response.site.method} ${response.site.path}: redirect to a ${next.protocol.replace(':', '')} URL refused`,
          response.site,
        );
      }
      headers = request.redirectHeaders ? request.redirectHeaders(next) : headers;
      target = targetOf(next);
    }
  }

  async #sendOnce(request: HttpRequest, target: RequestTarget, headers: Record<string, string>): Promise<HttpResponse> {
    const site = siteOf(request.method, target);
    const signal = request.signal;
    if (signal?.aborted) throw abortedError(site);
    let data: Dispatcher.ResponseData;
    try {
      data = await this.#agent.request({
        origin: target.origin,
        path: target.path,
        method: request.method,
        headers,
        body: request.body ?? null,
        signal: signal ?? null,
      });
    } catch (error) {
      throw transportErrorFrom(error, site, signal?.aborted === true);
    }
    const status = data.statusCode;
    const contentType = headerValue(data.headers, 'content-type');
    const isError = status >= 400;
    const limit = isError ? Math.min(request.maxBytes, MAX_ERROR_BODY_BYTES) : request.maxBytes;
    let body: Buffer | undefined;
    const deadline = setTimeout(() => data.body.destroy(bodyDeadlineError()), this.#options.timeouts.bodyTotalMs);
    try {
      const declared = Number(headerValue(data.headers, 'content-length'));
      if (!isError && Number.isFinite(declared) && declared > limit) {
        discard(data.body);
        body = undefined;
      } else if (REDIRECT_STATUSES.has(status) && request.method === 'GET') {
        await data.body.dump();
        body = Buffer.alloc(0);
      } else {
        body = await readBody(data.body, limit, isError ? 'truncate' : 'fail', isError ? undefined : declared);
      }
    } catch (error) {
      throw transportErrorFrom(error, site, signal?.aborted === true);
    } finally {
      clearTimeout(deadline);
    }
    if (body === undefined) throw tooLargeError(site, status, request.maxBytes);
    return {
      status,
      headers: data.headers,
      ...(contentType !== undefined ? { contentType } : {}),
      body,
      url: hrefOf(target),
      site,
    };
  }
}
