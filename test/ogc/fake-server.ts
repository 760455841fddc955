// A tiny node:http server on 127.0.0.1 (port 0) whose answers each test
// scripts, recording every request it gets. It stands in for the odd servers
// that the demo server is not (FastAPI errors, 201 with a null body, HTML...).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { recordRequest, type RecordedRequest } from '../support/recorded-request.js';

export type { RecordedRequest };

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
  const server = http.createServer((req, res) =>
    recordRequest(req, (recorded) => {
      requests.push(recorded);
      const handler = routes.get(`${recorded.method} ${recorded.path}`);
      if (!handler) {
        json(res, 404, { type: 'about:blank', title: 'Not Found', status: 404, detail: `no route ${recorded.method} ${recorded.path}` });
        return;
      }
      Promise.resolve(handler(recorded, res)).catch((error: unknown) => {
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    }),
  );
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
