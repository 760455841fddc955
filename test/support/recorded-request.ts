// What the scripted test servers (test/ogc/fake-server.ts,
// test/support/fault-server.ts) record of every request they get, and the
// reading of a node:http request into that record.
import type http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface RecordedRequest {
  method: string;
  /** Raw request target, still percent-encoded, with query. */
  url: string;
  /** Raw path, still percent-encoded, without query. */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** performance.now() when the request had arrived whole. */
  at: number;
}

/** Reads the whole body, then hands the record to `onRecorded` (a request that fails midway is dropped). */
export function recordRequest(req: http.IncomingMessage, onRecorded: (recorded: RecordedRequest) => void): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('error', () => undefined);
  req.on('end', () => {
    const rawUrl = req.url ?? '/';
    const queryAt = rawUrl.indexOf('?');
    onRecorded({
      method: req.method ?? 'GET',
      url: rawUrl,
      path: queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt),
      query: new URLSearchParams(queryAt === -1 ? '' : rawUrl.slice(queryAt + 1)),
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      at: performance.now(),
    });
  });
}
