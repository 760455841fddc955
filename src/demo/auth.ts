// The demo server's optional authentication, so that every way a client
// authenticates can be tried end to end: HTTP basic, a fixed bearer token, an
// API key in a header, and OAuth2 tokens from its own token endpoint
// (password grant, refresh token, client credentials) that expire after
// `tokenSeconds`. Every route but the token endpoint wants one of them.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from './request-body.js';
import { sendJson, sendProblem } from './responses.js';

export interface DemoAuthOptions {
  /** HTTP basic credentials, also accepted by the password grant. */
  username?: string;
  password?: string;
  /** A fixed token accepted as `Authorization: Bearer` or in `X-Auth-Token`. */
  token?: string;
  apiKey?: string;
  /** Default X-API-Key. */
  apiKeyHeader?: string;
  /** The OAuth2 client; the password grant checks the secret only when one is sent. */
  clientId?: string;
  clientSecret?: string;
  /** Lifetime of the access tokens the token endpoint issues; default 300. */
  tokenSeconds?: number;
}

/** What the token endpoint and the guard did, for tests. */
export interface DemoAuthStats {
  grants: Record<string, number>;
  /** Requests refused with 401. */
  refused: number;
}

export const TOKEN_PATH = '/auth/token';

interface Issued {
  expiresAt: number;
}

export class DemoAuth {
  readonly stats: DemoAuthStats = { grants: {}, refused: 0 };
  readonly #options: DemoAuthOptions;
  readonly #accessTokens = new Map<string, Issued>();
  readonly #refreshTokens = new Set<string>();

  constructor(options: DemoAuthOptions) {
    this.#options = options;
  }

  /**
   * Serves the token endpoint, or refuses a request without valid credentials.
   * Returns true when it has answered (the request goes no further).
   */
  async intercept(req: IncomingMessage, res: ServerResponse, path: string, method: string): Promise<boolean> {
    if (path === TOKEN_PATH) {
      if (method !== 'POST') {
        sendProblem(res, { type: 'about:blank', title: 'Method not allowed', status: 405, detail: 'The token endpoint takes POST.' }, { Allow: 'POST' });
      } else {
        await this.#token(req, res);
      }
      return true;
    }
    if (method === 'OPTIONS' || this.#accepts(req)) return false;
    this.stats.refused++;
    sendProblem(
      res,
      { type: 'urn:ogc-processes-mcp:problem:unauthorized', title: 'Unauthorized', status: 401, detail: 'This demo server wants credentials (basic, a token, an API key, or an OAuth2 token from /auth/token).' },
      { 'WWW-Authenticate': 'Bearer realm="demo", Basic realm="demo"' },
    );
    return true;
  }

  #accepts(req: IncomingMessage): boolean {
    const o = this.#options;
    const authorization = req.headers.authorization ?? '';
    const [scheme, value = ''] = authorization.split(/\s+/, 2);
    if (scheme?.toLowerCase() === 'basic' && o.username !== undefined && o.password !== undefined) {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      if (same(decoded, `${o.username}:${o.password}`)) return true;
    }
    const bearer = scheme?.toLowerCase() === 'bearer' ? value : headerOf(req, 'x-auth-token');
    if (bearer) {
      if (o.token !== undefined && same(bearer, o.token)) return true;
      const issued = this.#accessTokens.get(bearer);
      if (issued && Date.now() < issued.expiresAt) return true;
    }
    const key = headerOf(req, (o.apiKeyHeader ?? 'X-API-Key').toLowerCase());
    return o.apiKey !== undefined && key !== undefined && same(key, o.apiKey);
  }

  async #token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const o = this.#options;
    const form = new URLSearchParams((await readBody(req, 64 * 1024)).toString('utf8'));
    const grant = form.get('grant_type') ?? '';
    const clientId = form.get('client_id');
    const clientSecret = form.get('client_secret');
    const fail = (status: number, error: string, description: string) => sendJson(res, status, JSON.stringify({ error, error_description: description }));
    if (o.clientId !== undefined && clientId !== o.clientId) return fail(401, 'invalid_client', 'Unknown client_id.');
    if (clientSecret !== null && o.clientSecret !== undefined && !same(clientSecret, o.clientSecret)) {
      return fail(401, 'invalid_client', 'Wrong client_secret.');
    }
    let withRefresh = true;
    if (grant === 'password') {
      const ok = o.username !== undefined && o.password !== undefined && form.get('username') === o.username && same(form.get('password') ?? '', o.password);
      if (!ok) return fail(400, 'invalid_grant', 'Wrong user name or password.');
    } else if (grant === 'refresh_token') {
      const refresh = form.get('refresh_token') ?? '';
      // Refresh tokens are used once: a client must keep the new one.
      if (!this.#refreshTokens.delete(refresh)) return fail(400, 'invalid_grant', 'Unknown or used refresh token.');
    } else if (grant === 'client_credentials') {
      if (o.clientSecret === undefined || clientSecret === null) return fail(401, 'invalid_client', 'Client credentials need client_id and client_secret.');
      withRefresh = false;
    } else {
      return fail(400, 'unsupported_grant_type', `Grant type '${grant}' is not supported.`);
    }
    this.stats.grants[grant] = (this.stats.grants[grant] ?? 0) + 1;
    const seconds = o.tokenSeconds ?? 300;
    const accessToken = `at-${randomBytes(16).toString('hex')}`;
    this.#accessTokens.set(accessToken, { expiresAt: Date.now() + seconds * 1000 });
    const body: Record<string, unknown> = { access_token: accessToken, token_type: 'Bearer', expires_in: seconds };
    if (withRefresh) {
      const refreshToken = `rt-${randomBytes(16).toString('hex')}`;
      this.#refreshTokens.add(refreshToken);
      body.refresh_token = refreshToken;
    }
    sendJson(res, 200, JSON.stringify(body), { 'Cache-Control': 'no-store' });
  }
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
