// MCP over Streamable HTTP at /mcp, on node:http with the SDK's transports,
// for clients of both protocol eras on the same endpoint.
//
// Every request to /mcp passes, in order: the Host/Origin check (403), the
// bearer token (401), the body size bound (413). Then the SDK's own
// classifier (isLegacyRequest) sends it on: a 2026-07-28 request (its _meta
// envelope) to the SDK's per-request handler (createMcpHandler: a Server for
// each request, no session; closing the response stream cancels the call);
// a 2025-11-25 one to its session (or, with --stateless, to the same
// per-request handler, which serves old clients without sessions too).
// GET /healthz answers without a token and tells nothing but whether the
// process is up and taking requests.
//
// Shutdown (close()): stop accepting connections, refuse new requests (503),
// let calls in flight answer within the grace period, then close the sessions.
// Calls still running after it are cut without dismissing their jobs (an abort
// while draining is no cancellation): their jobs go on on the OGC server,
// where list_jobs finds them.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeHandler, toWebRequest } from '@modelcontextprotocol/node';
import { createMcpHandler, isInitializeRequest, isLegacyRequest } from '@modelcontextprotocol/server';
import type { HttpSettings } from '../settings.js';
import type { Logger } from '../../log.js';
import { readJsonBody } from './http-body.js';
import { createRequestGuard, isLoopbackHost } from './http-guards.js';
import { RPC, sendJson, sendJsonRpcError } from './http-reply.js';
import { LogScopes } from './http-log-scope.js';
import { SessionPool, shortId, type ServerFactory } from './http-sessions.js';
import { errorMessage } from '../../util/errors.js';
import { isRecord } from '../../util/records.js';

const MCP_PATH = '/mcp';
const HEALTH_PATH = '/healthz';

export interface HttpTransport {
  /** The MCP endpoint, e.g. http://127.0.0.1:3000/mcp. */
  readonly url: string;
  readonly port: number;
  /** Graceful stop; resolves when the port is closed. Safe to call twice. */
  close(): Promise<void>;
}

export type { ServerFactory } from './http-sessions.js';

/** What tells the transport that the tool list changed (the process catalog). */
export interface ToolChanges {
  onChange(listener: () => void): () => void;
}

/**
 * Listens on http.host:port. `createServer` makes the Server of each
 * session (and of each request served without one) and is handed the logger
 * that Server should use: lines logged while serving a session reach its own
 * client only. `changes` announces new tool lists to 2026-07-28 clients.
 */
export async function startHttpTransport(
  http: HttpSettings,
  createServer: ServerFactory,
  logger: Logger,
  changes?: ToolChanges,
): Promise<HttpTransport> {
  const scopes = new LogScopes(logger);
  const log = scopes.stderr();
  const guard = createRequestGuard({
    bindHost: http.host,
    allowedHosts: http.allowedHosts,
    allowedOrigins: http.allowedOrigins,
    ...(http.token ? { token: http.token } : {}),
  });
  const sessions = http.stateless
    ? undefined
    : new SessionPool({ maxSessions: http.maxSessions, idleMs: Math.round(http.sessionIdleSeconds * 1000), createServer, scopes });

  let draining = false;
  // One Server per request: 2026-07-28 clients always, 2025-11-25 ones too with --stateless.
  const perRequest = createMcpHandler(
    ({ era }) =>
      createServer(logger, {
        era,
        perRequest: true,
        // A 2026-07-28 client cancels a call by closing its response stream (except when we close it to stop).
        ...(era === 'modern' ? { disconnectCancels: () => !draining } : {}),
      }),
    {
      legacy: sessions ? 'reject' : 'stateless',
      maxRequestBodySize: http.maxBodyBytes,
      onerror: (error) => log.debug(`MCP HTTP handler: ${error.message}`),
    },
  );
  const servePerRequest = toNodeHandler(perRequest, { onerror: (error) => log.debug(`MCP HTTP handler: ${error.message}`) });
  // 2026-07-28 clients hear of new tools on their subscriptions/listen stream; sessions hear of them themselves.
  const stopAnnouncing = changes?.onChange(() => perRequest.notify.toolsChanged()) ?? (() => undefined);
  // POST and DELETE requests not answered yet, in every session (GET streams are not calls).
  let inFlight = 0;
  let onIdle: (() => void) | undefined;
  const track = (res: ServerResponse) => {
    inFlight++;
    res.once('close', () => {
      inFlight--;
      if (inFlight === 0) onIdle?.();
    });
  };

  const handleMcp = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? '';
    const allowed = sessions ? ['POST', 'GET', 'DELETE'] : ['POST'];
    if (!allowed.includes(method)) {
      const why = sessions ? 'Method not allowed.' : 'Method not allowed: this server is stateless (no sessions, no GET stream).';
      sendJsonRpcError(res, 405, RPC.serverError, why, { Allow: allowed.join(', ') });
      return;
    }
    if (draining && method !== 'DELETE') {
      sendJsonRpcError(res, 503, RPC.serverError, 'Service Unavailable: the server is shutting down; retry, or connect to another instance.', {
        'Retry-After': '1',
        Connection: 'close',
      });
      return;
    }
    let body: unknown;
    if (method === 'POST') {
      const read = await readJsonBody(req, http.maxBodyBytes);
      if (!read.ok) {
        sendJsonRpcError(res, read.status, read.code, read.message, read.status === 413 ? { Connection: 'close' } : {});
        return;
      }
      body = read.body;
    }
    // A GET (2025-11-25) or a subscriptions/listen POST (2026-07-28) is the client's standing stream, no call.
    if (method !== 'GET' && !opensListenStream(body)) track(res);
    if (!sessions || !(await isLegacyRequest(await toWebRequest(req, body), body))) {
      // Lines logged while serving the request reach nobody but its own response stream.
      await scopes.run({}, () => servePerRequest(req, res, body));
      return;
    }
    const sessionId = req.headers['mcp-session-id'];
    if (typeof sessionId === 'string') {
      const session = sessions.get(sessionId);
      if (!session) {
        log.debug(`Request for unknown HTTP session ${shortId(sessionId)}.`);
        sendJsonRpcError(res, 404, RPC.sessionNotFound, 'Session not found: start a new session with an initialize request.');
        return;
      }
      await sessions.handle(session, req, res, body);
      return;
    }
    const initializes = method === 'POST' && (Array.isArray(body) ? body.some(isInitializeRequest) : isInitializeRequest(body));
    if (!initializes) {
      sendJsonRpcError(res, 400, RPC.serverError, 'Bad Request: Mcp-Session-Id header is required (or send an initialize request to start a session).');
      return;
    }
    const session = await sessions.open();
    if (!session) {
      log.warning(`Refused a new HTTP session: ${http.maxSessions} are open (--max-sessions).`);
      sendJsonRpcError(res, 503, RPC.serverError, 'Service Unavailable: too many open sessions; retry later.', { 'Retry-After': '5' });
      return;
    }
    await sessions.handle(session, req, res, body);
  };

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = pathOf(req.url);
    if (path === HEALTH_PATH) {
      if (req.method !== 'GET' && req.method !== 'HEAD') sendJson(res, 405, { error: 'method not allowed' }, { Allow: 'GET, HEAD' });
      else sendJson(res, draining ? 503 : 200, { status: draining ? 'stopping' : 'ok' });
      return;
    }
    const rejection = guard(req);
    if (rejection) {
      // The reason says which check failed, never what was sent.
      log.warning(`Refused ${req.method} ${path} from ${req.socket.remoteAddress ?? '?'}: ${rejection.reason} (${rejection.status}).`);
      req.resume();
      sendJsonRpcError(res, rejection.status, RPC.serverError, rejection.message, rejection.headers);
      return;
    }
    if (path !== MCP_PATH) {
      req.resume();
      sendJson(res, 404, { error: `not found; the MCP endpoint is ${MCP_PATH}` });
      return;
    }
    await handleMcp(req, res);
  };

  const server = createHttpServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      log.error(`HTTP request failed: ${errorMessage(error)}`);
      if (!res.headersSent) sendJsonRpcError(res, 500, -32603, 'Internal error.');
      else res.destroy();
    });
  });
  // Calls may run for minutes: no socket timeout; requests must still arrive whole in time.
  server.timeout = 0;
  server.requestTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(http.port, http.host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: NodeJS.ErrnoException) => {
    const hint = error.code === 'EADDRINUSE' ? ' The port is already in use: choose another with --port (MCP_PORT).' : '';
    throw new Error(`Cannot listen on ${http.host}:${http.port}: ${error.code ?? error.message}.${hint}`);
  });
  server.on('error', (error) => log.error(`HTTP server: ${error.message}`));
  const port = (server.address() as AddressInfo).port;
  const url = `http://${http.host.includes(':') ? `[${http.host}]` : http.host}:${port}${MCP_PATH}`;
  log.info(`MCP Streamable HTTP on ${url} (${http.stateless ? 'stateless' : 'sessions'}; ${http.token ? 'bearer token required' : 'no token'}).`);
  if (!isLoopbackHost(http.host)) {
    if (!http.token) log.warning(`Bound to ${http.host} without --http-token: anyone who can reach this port can run processes. Set MCP_HTTP_TOKEN.`);
    if (http.allowedHosts.length === 0) log.warning('No --allowed-hosts: only loopback names and the bound address are accepted as Host.');
  }

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        log.info(`Waiting up to ${http.shutdownGraceSeconds} s for ${inFlight} call(s) in flight.`);
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          onIdle = resolve;
          timer = setTimeout(resolve, Math.round(http.shutdownGraceSeconds * 1000));
        });
        clearTimeout(timer);
        onIdle = undefined;
      }
      const busy = inFlight;
      await sessions?.closeAll({ keepBusy: busy > 0 });
      stopAnnouncing();
      await perRequest.close();
      if (busy > 0) {
        log.warning(`${busy} call(s) still running after ${http.shutdownGraceSeconds} s; their jobs go on on the OGC server (list_jobs shows them).`);
      }
      server.closeAllConnections();
      await closed;
      log.info('MCP HTTP transport stopped.');
    })();
    return closing;
  };
  return { url, port, close };
}

function opensListenStream(body: unknown): boolean {
  return isRecord(body) && body.method === 'subscriptions/listen';
}

function pathOf(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0]!;
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}
