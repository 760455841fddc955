// A small HTTP proxy in front of the demo server, for sections that must see
// or bend what the bridge sends upstream: count requests, drop a parameter.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Proxy {
  url: string;
  close(): Promise<void>;
}

/** Forwards every request to `upstream`, after `inspect` has seen it (and may rewrite its URL). */
export async function startProxy(upstream: string, inspect: (req: http.IncomingMessage, url: URL) => void = () => undefined): Promise<Proxy> {
  const target = new URL(upstream);
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', target);
    inspect(req, url);
    const forward = http.request(url, { method: req.method, headers: { ...req.headers, host: target.host }, agent }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
