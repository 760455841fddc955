import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DemoAuth, type DemoAuthOptions } from './auth.js';
import { API_VERSIONS, type ApiVersion } from './api-version.js';
import { ProcessCatalog } from './catalog.js';
import type { ServerState } from './context.js';
import { JobManager } from './jobs.js';
import { PROBLEM_TYPES, ProblemError, problem } from './problems.js';
import { demoProcesses } from './processes/index.js';
import type { JobControlOption } from './processes/types.js';
import { parseQuery } from './query.js';
import { ClientAbortedError } from './request-body.js';
import { CORS_HEADERS, sendProblem } from './responses.js';
import { resolveRoute } from './router.js';

export interface DemoServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Jobs running at once; the rest wait as 'accepted'. Default 8. */
  maxWorkers?: number;
  /** Adds N quick processes synthetic_0001..., for benchmarks at scale. Default 0. */
  syntheticProcesses?: number;
  /** Job control options of the synthetic processes; default sync, async and dismiss. `['sync-execute']` makes them sync-only (a bridge must then run them synchronously). */
  syntheticJobControl?: JobControlOption[];
  /** Adds N generated earth-observation processes (at most 498; processes/catalogue), for search and scale tests. Default 0. */
  catalogueProcesses?: number;
  /** Largest accepted request body; larger ones get 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Jobs kept; past it the oldest finished ones are evicted. Default 20,000. */
  maxJobs?: number;
  /** Bytes of results and output files kept (echo_large makes up to 100 MiB each); past it the oldest finished jobs are evicted. Default 1 GiB. */
  maxRetainedBytes?: number;
  /** Wants credentials on every route, and serves an OAuth2 token endpoint at /auth/token (auth.ts). */
  auth?: DemoAuthOptions;
  /** Added before every answer, to stand for a server whose every request takes this long. Default 0. */
  latencyMs?: number;
  /** Which edition of OGC API - Processes - Part 1 to speak. Default '1.0'. */
  apiVersion?: ApiVersion;
}

export interface DemoServer {
  /** e.g. http://127.0.0.1:PORT/ (always with a trailing slash). */
  readonly url: string;
  readonly port: number;
  /** The auth mode's counters, when started with `auth`. */
  readonly auth?: DemoAuth;
  /** Stops running jobs, closes idle and active connections; resolves when the server is closed. */
  close(): Promise<void>;
}

export const DEMO_SERVER_DEFAULTS = {
  host: '127.0.0.1',
  maxWorkers: 8,
  maxBodyBytes: 1024 * 1024,
  maxJobs: 20_000,
  maxRetainedBytes: 1024 * 1024 * 1024,
} as const;

function positiveInteger(name: string, value: number | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  return value;
}

function apiVersionOf(value: ApiVersion | undefined): ApiVersion {
  if (value === undefined) return '1.0';
  if (!API_VERSIONS.includes(value)) throw new RangeError(`apiVersion must be one of ${API_VERSIONS.join(', ')}, got ${String(value)}`);
  return value;
}

/** The host part of a URL for a listening address: wildcard binds are reached through loopback. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

const HOST_HEADER = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const host = options.host ?? DEMO_SERVER_DEFAULTS.host;
  const port = positiveInteger('port', options.port, 0, 0);
  const state: ServerState = {
    catalog: new ProcessCatalog(
      demoProcesses(
        positiveInteger('syntheticProcesses', options.syntheticProcesses, 0, 0),
        options.syntheticJobControl,
        positiveInteger('catalogueProcesses', options.catalogueProcesses, 0, 0),
      ),
    ),
    jobs: new JobManager({
      maxWorkers: positiveInteger('maxWorkers', options.maxWorkers, DEMO_SERVER_DEFAULTS.maxWorkers),
      maxJobs: positiveInteger('maxJobs', options.maxJobs, DEMO_SERVER_DEFAULTS.maxJobs),
      maxRetainedBytes: positiveInteger('maxRetainedBytes', options.maxRetainedBytes, DEMO_SERVER_DEFAULTS.maxRetainedBytes),
    }),
    maxBodyBytes: positiveInteger('maxBodyBytes', options.maxBodyBytes, DEMO_SERVER_DEFAULTS.maxBodyBytes),
    apiVersion: apiVersionOf(options.apiVersion),
  };
  const latencyMs = positiveInteger('latencyMs', options.latencyMs, 0, 0);
  let fallbackBase = '';
  const auth = options.auth ? new DemoAuth(options.auth) : undefined;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const handled = auth ? auth.intercept(req, res, (req.url ?? '/').split('?')[0]!, req.method ?? 'GET') : Promise.resolve(false);
    handled
      .then((done) => (done ? undefined : handleRequest(state, fallbackBase, req, res)))
      .catch((error: unknown) => sendError(res, error));
  };
  const server = createServer({ keepAlive: true }, (req, res) => {
    if (latencyMs > 0) setTimeout(handle, latencyMs, req, res);
    else handle(req, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  const url = `http://${urlHost(host)}:${actualPort}/`;
  fallbackBase = url;

  let closing: Promise<void> | undefined;
  return {
    url,
    port: actualPort,
    ...(auth ? { auth } : {}),
    close() {
      closing ??= new Promise<void>((resolve) => {
        state.jobs.close();
        server.close(() => resolve());
        // Keep-alive sockets would otherwise hold close() open for seconds.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

async function handleRequest(state: ServerState, fallbackBase: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const target = req.url ?? '/';
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  const segments = splitPath(path);
  if (!segments) {
    throw problem(400, PROBLEM_TYPES.invalidParameter, 'Bad request', `The path '${path}' is not validly percent-encoded.`);
  }
  const method = req.method ?? 'GET';
  const match = resolveRoute(segments);
  if (!match) {
    throw problem(404, PROBLEM_TYPES.notFound, 'Not found', `No resource at ${path}. Start from GET / for the available links.`);
  }
  const { route, params } = match;
  if (method === 'OPTIONS') {
    // CORS preflight: allow whatever the browser asks to send.
    res.writeHead(204, {
      ...CORS_HEADERS,
      Allow: route.allow,
      'Access-Control-Allow-Methods': route.allow,
      'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*',
      'Access-Control-Max-Age': '600',
    });
    res.end();
    return;
  }
  // Node leaves the body out of HEAD responses by itself.
  const handler = route.handlers[method === 'HEAD' ? 'GET' : method];
  if (!handler) {
    throw new ProblemError(
      {
        type: PROBLEM_TYPES.methodNotAllowed,
        title: 'Method not allowed',
        status: 405,
        detail: `${method} is not allowed on ${path}; allowed: ${route.allow}.`,
      },
      { Allow: route.allow },
    );
  }
  const host = req.headers.host;
  const baseUrl = host !== undefined && HOST_HEADER.test(host) ? `http://${host}/` : fallbackBase;
  await handler({ req, res, params, query: q < 0 ? undefined : parseQuery(target.slice(q + 1)), baseUrl, state });
}

/** Decoded segments without the leading and trailing slash; undefined on bad percent-encoding. */
function splitPath(path: string): string[] | undefined {
  const parts = path.split('/');
  parts.shift();
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  try {
    return parts.map((p) => (p.includes('%') ? decodeURIComponent(p) : p));
  } catch {
    return undefined;
  }
}

function sendError(res: ServerResponse, error: unknown): void {
  if (res.headersSent || error instanceof ClientAbortedError) {
    res.destroy();
    return;
  }
  if (error instanceof ProblemError) {
    // A 413 body was not fully read: do not try to reuse the connection.
    const extra = error.problem.status === 413 ? { ...error.headers, Connection: 'close' } : error.headers;
    sendProblem(res, error.problem, extra);
    return;
  }
  process.stderr.write(`demo server: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  sendProblem(res, { type: PROBLEM_TYPES.internal, title: 'Internal server error', status: 500, detail: 'The demo server hit an unexpected error.' });
}
