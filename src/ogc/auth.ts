// Authentication towards the OGC server. Fixed headers (basic, bearer token,
// API key) are computed once; OAuth2 tokens (password grant "login", client
// credentials) are fetched from a token URL, renewed shortly before they
// expire and once when the server answers 401. Secrets never go into a URL:
// the token request carries them in a form body.
import { OgcError, apiErrorFromResponse } from './errors.js';
import { HttpTransport, hrefOf, targetOf, type HttpRequest, type HttpResponse, type RequestTarget } from './http.js';
import type { ClientCredentials, Credentials, IssuedTokens, LoginCredentials } from '../util/secrets.js';

/** What a client needs to send a request; the OgcClient's transport, possibly wrapped by withTokens. */
export type RequestSender = Pick<HttpTransport, 'send' | 'close'>;

export type { IssuedTokens } from '../util/secrets.js';

export type TokenAuth = LoginCredentials | ClientCredentials;

export function isTokenAuth(auth: Credentials): auth is TokenAuth {
  return auth.type === 'login' || auth.type === 'client-credentials';
}

// Where token endpoints put the token: OAuth2 says access_token; others differ.
const TOKEN_KEYS = ['access_token', 'accessToken', 'token', 'authToken', 'auth_token', 'apiToken', 'api_token'];
// A token is renewed this long before it expires (at most a tenth of its lifetime).
const RENEW_MARGIN_MS = 30_000;
const MAX_TOKEN_BODY_BYTES = 256 * 1024;

interface HeldToken {
  token: string;
  refreshToken?: string;
  /** Epoch ms after which the token is renewed before use; undefined: used until refused. */
  renewAt?: number;
}

/** OAuth2 tokens for one client: fetched when needed, shared by concurrent requests. */
export class TokenSession {
  readonly #auth: TokenAuth;
  readonly #http: RequestSender;
  #held: HeldToken | undefined;
  #pending: Promise<HeldToken> | undefined;
  readonly #secrets = new Set<string>();

  constructor(auth: TokenAuth, http: RequestSender) {
    this.#auth = auth;
    this.#http = http;
    if (auth.type === 'login' && auth.token) {
      this.#held = { token: auth.token, ...(auth.refreshToken ? { refreshToken: auth.refreshToken } : {}) };
    } else if (auth.type === 'login' && auth.refreshToken) {
      this.#held = { token: '', refreshToken: auth.refreshToken, renewAt: 0 };
    }
    for (const s of [auth.clientSecret, auth.type === 'login' ? auth.password : undefined, auth.type === 'login' ? auth.token : undefined, auth.type === 'login' ? auth.refreshToken : undefined]) {
      if (s) this.#secrets.add(s);
    }
  }

  /** Every credential this session has held, for scrubbing messages. */
  secrets(): string[] {
    return [...this.#secrets];
  }

  /** The tokens held now (after a login, the new ones). */
  current(): IssuedTokens | undefined {
    const held = this.#held;
    if (!held || held.token === '') return undefined;
    return { token: held.token, ...(held.refreshToken ? { refreshToken: held.refreshToken } : {}) };
  }

  /** The header carrying a valid token, fetching or renewing it first when needed. */
  async header(signal?: AbortSignal): Promise<Record<string, string>> {
    const held = this.#held;
    const usable = held && held.token !== '' && (held.renewAt === undefined || Date.now() < held.renewAt);
    return this.#headerFor(usable ? held : await this.#renew(signal));
  }

  /**
   * After a 401 for a request sent with `sent`: renews the token unless
   * another request already did. Resolves with the header to retry with.
   */
  async renewAfterRefusal(sent: Record<string, string>, signal?: AbortSignal): Promise<Record<string, string>> {
    const current = this.#held ? this.#headerFor(this.#held) : undefined;
    if (current && this.#held!.token !== '' && JSON.stringify(current) !== JSON.stringify(sent)) return current;
    if (this.#held) this.#held = { ...this.#held, renewAt: 0 };
    return this.#headerFor(await this.#renew(signal));
  }

  #headerFor(held: HeldToken): Record<string, string> {
    const header = this.#auth.tokenHeader;
    return header ? { [header.toLowerCase()]: held.token } : { authorization: `Bearer ${held.token}` };
  }

  #renew(signal?: AbortSignal): Promise<HeldToken> {
    this.#pending ??= this.#obtain(signal).finally(() => (this.#pending = undefined));
    return this.#pending;
  }

  async #obtain(signal?: AbortSignal): Promise<HeldToken> {
    const auth = this.#auth;
    const refreshToken = this.#held?.refreshToken;
    let held: HeldToken | undefined;
    if (refreshToken) {
      try {
        held = await this.#request({ grant_type: 'refresh_token', refresh_token: refreshToken }, signal);
      } catch (error) {
        // An expired refresh token: a fresh login may still work.
        if (!this.#canLogIn() || !(error instanceof OgcError) || signal?.aborted) throw error;
      }
    }
    if (!held) {
      if (auth.type === 'client-credentials') {
        held = await this.#request({ grant_type: 'client_credentials', ...(auth.scope ? { scope: auth.scope } : {}) }, signal);
      } else if (auth.username && auth.password) {
        held = await this.#request({ grant_type: auth.grantType ?? 'password', username: auth.username, password: auth.password }, signal);
      } else {
        throw new OgcError(
          'login: no valid token and no password to log in again; run `ogc-processes-mcp configure` (auth type login) or give the password',
        );
      }
    }
    // A server that rotates refresh tokens may also keep the old one valid: keep ours if none came.
    if (held.refreshToken === undefined && refreshToken !== undefined) held.refreshToken = refreshToken;
    this.#held = held;
    this.#secrets.add(held.token);
    if (held.refreshToken) this.#secrets.add(held.refreshToken);
    if (auth.type === 'login' && auth.onTokens) {
      try {
        await auth.onTokens({ token: held.token, ...(held.refreshToken ? { refreshToken: held.refreshToken } : {}) });
      } catch {
        // Keeping the tokens is a convenience; the request goes on without it.
      }
    }
    return held;
  }

  #canLogIn(): boolean {
    const auth = this.#auth;
    return auth.type === 'client-credentials' || Boolean(auth.username && auth.password);
  }

  /** POSTs a form to the token URL and reads the token from the answer. */
  async #request(fields: Record<string, string>, signal?: AbortSignal): Promise<HeldToken> {
    const auth = this.#auth;
    const form = new URLSearchParams(fields);
    if (auth.clientId) form.set('client_id', auth.clientId);
    if (auth.clientSecret) form.set('client_secret', auth.clientSecret);
    let url: URL;
    try {
      url = new URL(auth.tokenUrl);
    } catch {
      throw new OgcError('the token URL (auth URL) is not a valid URL');
    }
    const started = Date.now();
    const response = await this.#http.send({
      method: 'POST',
      target: targetOf(url),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      maxBytes: MAX_TOKEN_BODY_BYTES,
      retry: false,
      ...(signal ? { signal } : {}),
    });
    if (response.status >= 400) {
      throw apiErrorFromResponse(response.site, response.status, response.body.toString('utf8'), response.contentType);
    }
    return readTokens(response, started);
  }
}

function readTokens(response: HttpResponse, requestedAt: number): HeldToken {
  const text = response.body.toString('utf8').trim();
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    // Some endpoints answer with the bare token.
    if (text !== '' && !/\s/.test(text)) return { token: text };
  }
  const token = findString(doc, TOKEN_KEYS, 0);
  if (token === undefined) {
    throw new OgcError(`${response.site.method} ${response.site.path}: login succeeded, but the answer holds no token`, response.site);
  }
  const held: HeldToken = { token };
  const refreshToken = findString(doc, ['refresh_token', 'refreshToken'], 0);
  if (refreshToken !== undefined) held.refreshToken = refreshToken;
  const expiresIn = findNumber(doc, 'expires_in');
  if (expiresIn !== undefined && expiresIn > 0) {
    const lifetimeMs = expiresIn * 1000;
    held.renewAt = requestedAt + lifetimeMs - Math.min(RENEW_MARGIN_MS, lifetimeMs / 10);
  }
  return held;
}

function findString(doc: unknown, keys: readonly string[], depth: number): string | undefined {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || depth > 3) return undefined;
  const record = doc as Record<string, unknown>;
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  for (const value of Object.values(record)) {
    const found = findString(value, keys, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

function findNumber(doc: unknown, key: string): number | undefined {
  if (typeof doc !== 'object' || doc === null) return undefined;
  const value = (doc as Record<string, unknown>)[key];
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/**
 * A sender that adds the session's token to requests for which `mayAuthenticate`
 * holds (the server's own origin), and retries such a request once, with a
 * renewed token, when the server answers 401.
 */
export function withTokens(http: RequestSender, session: TokenSession, mayAuthenticate: (target: URL) => boolean): RequestSender {
  const own = (target: RequestTarget) => mayAuthenticate(new URL(hrefOf(target)));
  const send = async (request: HttpRequest): Promise<HttpResponse> => {
    if (!own(request.target)) return http.send(request);
    const signal = request.signal;
    const attempt = (auth: Record<string, string>) =>
      http.send({
        ...request,
        headers: { ...request.headers, ...auth },
        ...(request.redirectHeaders
          ? { redirectHeaders: (target: URL) => ({ ...request.redirectHeaders!(target), ...(mayAuthenticate(target) ? auth : {}) }) }
          : {}),
      });
    const auth = await session.header(signal);
    const response = await attempt(auth);
    if (response.status !== 401) return response;
    return attempt(await session.renewAfterRefusal(auth, signal));
  };
  return { send, close: () => http.close() };
}

/** Logs in once (password grant) and returns the tokens, as `configure` keeps them. */
export async function logIn(auth: LoginCredentials, timeoutMs = 30_000): Promise<IssuedTokens> {
  const http = new HttpTransport({
    timeouts: { connectMs: timeoutMs, headersMs: timeoutMs, bodyMs: timeoutMs, bodyTotalMs: timeoutMs },
    retries: 0,
    retryBaseDelayMs: 0,
  });
  try {
    const { token: _token, refreshToken: _refresh, onTokens: _onTokens, ...fresh } = auth;
    const session = new TokenSession(fresh, http);
    await session.header();
    return session.current()!;
  } finally {
    await http.close();
  }
}
