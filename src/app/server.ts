// The local web app: the built front end and its JSON API on one loopback
// port. Only loopback Host and Origin values are accepted (a page elsewhere
// cannot reach it through DNS rebinding), and the page gets no credentials:
// the OGC requests are made here.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BridgeContext } from '../mcp/context.js';
import { createRequestGuard } from '../mcp/transports/http-guards.js';
import { AppApi, type ApiOptions } from './api.js';
import { readAsset, webAssetsDir } from './assets.js';
import { sendJson } from './http.js';

export const APP_HOST = '127.0.0.1';

export interface AppServerOptions extends ApiOptions {
  /** 0 picks a free port. */
  port: number;
  /** The built front end (default: dist/web). */
  assetsDir?: string;
}

export interface AppServer {
  url: string;
  close(): Promise<void>;
}

// The page's own policy: its scripts and styles only; map tiles only from the configured basemap.
function pagePolicy(tileUrl: string | undefined): string {
  const tiles = tileUrl ? ` ${new URL(tileUrl.replace(/\{[a-z]\}/g, '0')).origin}` : '';
  return `default-src 'self'; img-src 'self' data: blob:${tiles}; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'`;
}

export async function startAppServer(ctx: BridgeContext, options: AppServerOptions): Promise<AppServer> {
  const assets = options.assetsDir ?? webAssetsDir();
  const api = new AppApi(ctx, options);
  const guard = createRequestGuard({ bindHost: APP_HOST, allowedHosts: [], allowedOrigins: [] });
  const policy = pagePolicy(options.tileUrl);

  const server = http.createServer((req, res) => {
    const rejection = guard(req);
    if (rejection) {
      sendJson(res, rejection.status, { error: rejection.message });
      return;
    }
    const url = new URL(req.url ?? '/', `http://${APP_HOST}`);
    void (async () => {
      if (await api.handle(req, res, url)) return;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendJson(res, 405, { error: `${req.method} is not allowed here` });
        return;
      }
      const asset = await readAsset(assets, url.pathname);
      if (!asset) {
        sendJson(res, 404, { error: `Not found: ${url.pathname}` });
        return;
      }
      res.writeHead(200, {
        'content-type': asset.type,
        'content-length': asset.body.length,
        'cache-control': 'no-cache',
        'content-security-policy': policy,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
      res.end(req.method === 'HEAD' ? undefined : asset.body);
    })().catch((error: unknown) => {
      ctx.logger.error(`Web app request ${req.method} ${url.pathname} failed: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'Internal error of the app server' });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, APP_HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${APP_HOST}:${port}/`,
    close: async () => {
      api.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
