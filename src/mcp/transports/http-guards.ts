// The checks every /mcp request passes before the MCP layer sees it:
// - Host and Origin (DNS rebinding protection): a web page on attacker.example
//   that gets its name re-pointed at 127.0.0.1 still sends `Host:
//   attacker.example` and `Origin: https://attacker.example`, so only names
//   that cannot be re-pointed (loopback names, the bound IP literal) and the
//   names the operator lists are accepted;
// - the bearer token, compared in constant time on digests, so neither its
//   content nor its length leaks through timing.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

export interface GuardOptions {
  /** The address the server is bound to. */
  bindHost: string;
  /** Extra Host values: `name` (any port), `name:port`, or `*` (no check). */
  allowedHosts: readonly string[];
  /** Extra Origin values (`https://app.example.org`), or `*` (no check). */
  allowedOrigins: readonly string[];
  /** The bearer token required on every request, if any. */
  token?: string;
}

/** Why a request is refused: an HTTP status, a short message and headers. */
export interface Rejection {
  status: 401 | 403;
  message: string;
  headers?: Record<string, string>;
  /** For the log line only; never includes secrets. */
  reason: string;
}

export type RequestGuard = (req: IncomingMessage) => Rejection | undefined;

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1']);
const REALM = 'ogc-processes-mcp';

export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return LOOPBACK_NAMES.has(h) || h.endsWith('.localhost') || (isIP(h) === 4 && h.startsWith('127.'));
}

/** `name[:port]` or `[v6][:port]` as sent in a Host header, lower-cased; undefined when malformed. */
export function splitHostHeader(value: string): { name: string; port?: string } | undefined {
  const v = value.trim().toLowerCase();
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(v);
  if (!m) return undefined;
  return { name: m[1]!.replace(/^\[|\]$/g, ''), ...(m[2] !== undefined ? { port: m[2] } : {}) };
}

export function createRequestGuard(options: GuardOptions): RequestGuard {
  const bindIsLoopback = isLoopbackHost(options.bindHost);
  const bindLiteral = isIP(options.bindHost) !== 0 && !['0.0.0.0', '::'].includes(options.bindHost) ? options.bindHost.toLowerCase() : undefined;
  const anyHost = options.allowedHosts.includes('*');
  const hostEntries = options.allowedHosts.filter((h) => h !== '*').map((h) => splitHostHeader(h)).filter((h) => h !== undefined);
  const anyOrigin = options.allowedOrigins.includes('*');
  const origins = new Set(options.allowedOrigins.filter((o) => o !== '*').map(normalizeOrigin).filter((o) => o !== undefined));
  const expected = options.token !== undefined ? digest(options.token) : undefined;

  const hostAccepted = (header: string | undefined): boolean => {
    if (anyHost) return true;
    if (header === undefined) return false;
    const host = splitHostHeader(header);
    if (!host) return false;
    // A loopback name is no rebinding vector: a browser only sends it to a page it loaded from loopback.
    if (isLoopbackHost(host.name)) return true;
    if (bindLiteral !== undefined && host.name === bindLiteral) return true;
    return hostEntries.some((e) => e.name === host.name && (e.port === undefined || e.port === host.port));
  };

  const originAccepted = (header: string | undefined): boolean => {
    // Clients that are not browsers send no Origin; a browser always does on a cross-origin POST.
    if (header === undefined) return true;
    if (anyOrigin) return true;
    const origin = normalizeOrigin(header);
    if (origin === undefined) return false;
    if (origins.has(origin)) return true;
    return bindIsLoopback && isLoopbackHost(new URL(origin).hostname);
  };

  return (req) => {
    if (!hostAccepted(req.headers.host)) {
      return { status: 403, message: 'Forbidden: Host header not allowed (see --allowed-hosts).', reason: 'Host not allowed' };
    }
    if (!originAccepted(single(req.headers.origin))) {
      return { status: 403, message: 'Forbidden: Origin not allowed (see --allowed-origins).', reason: 'Origin not allowed' };
    }
    if (expected !== undefined) {
      const given = bearerToken(single(req.headers.authorization));
      if (given === undefined) {
        return {
          status: 401,
          message: 'Unauthorized: send the bearer token in an Authorization header.',
          headers: { 'WWW-Authenticate': `Bearer realm="${REALM}"` },
          reason: 'no bearer token',
        };
      }
      if (!timingSafeEqual(digest(given), expected)) {
        return {
          status: 401,
          message: 'Unauthorized: the bearer token is not valid.',
          headers: { 'WWW-Authenticate': `Bearer realm="${REALM}", error="invalid_token"` },
          reason: 'wrong bearer token',
        };
      }
    }
    return undefined;
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function bearerToken(header: string | undefined): string | undefined {
  const m = header === undefined ? null : /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return m ? m[1] : undefined;
}

function normalizeOrigin(value: string): string | undefined {
  try {
    const u = new URL(value.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    return u.origin.toLowerCase();
  } catch {
    return undefined;
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
