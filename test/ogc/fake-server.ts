// A tiny node:http server on 127.0.0.1 (port 0) whose answers each test
// scripts, recording every request it gets. It stands in for the odd servers
// that the demo server is not (FastAPI errors, 201 with a null body, HTML...).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Raw request target, still percent-encoded, with query. */
  url: string;
  /** Raw path, still percent-encoded, without query. */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Handler = (req: RecordedRequest, res: http.ServerResponse) => void | Promise<void>;

export interface FakeServer {
  /** Base URL ending in `/`, e.g. http://127.0.0.1:12345/ */
  url: string;
  origin: string;
  requests: RecordedRequest[];
  /** Answers `METHOD /raw/path` (query ignored) with the handler; later routes win. */
  route(method: string, path: string, handler: Handler): void;
  close(): Promise<void>;
}

export function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function send(
  res: http.ServerResponse,
  status: number,
  body: string | Buffer,
  contentType?: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...(contentType !== undefined ? { 'content-type': contentType } : {}),
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

export async function startFakeServer(): Promise<FakeServer> {
  const routes = new Map<string, Handler>();
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawUrl = req.url ?? '/';
      const queryAt = rawUrl.indexOf('?');
      const path = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        url: rawUrl,
        path,
        query: new URLSearchParams(queryAt === -1 ? '' : rawUrl.slice(queryAt + 1)),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const handler = routes.get(`${recorded.method} ${path}`);
      if (!handler) {
        json(res, 404, { type: 'about:blank', title: 'Not Found', status: 404, detail: `no route ${recorded.method} ${path}` });
        return;
      }
      Promise.resolve(handler(recorded, res)).catch((error: unknown) => {
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
  });
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    requests,
    route(method, path, handler) {
      routes.set(`${method} ${path}`, handler);
    },
    close() {
      // Stalled test responses must not keep the server open.
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port on 127.0.0.1 with nothing listening (was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
