// Secrets: which values of a credential must never be shown, and masking them
// in any text. One derivation serves the OGC client (its errors), the logger
// and tool results, so that all three mask the same strings.

export type Credentials =
  /** `Authorization: Bearer <token>`, or `<header>: <token>` when a header is named. */
  | { type: 'bearer'; token: string; header?: string }
  | { type: 'basic'; username: string; password: string }
  | { type: 'api-key'; key: string; header?: string }
  | LoginCredentials
  | ClientCredentials;

/** Tokens a token endpoint issued. */
export interface IssuedTokens {
  token: string;
  refreshToken?: string;
}

/** OAuth2 password grant against a token URL (the reference client's `login`); tokens renewed by ogc/auth.ts. */
export interface LoginCredentials {
  type: 'login';
  tokenUrl: string;
  clientId?: string;
  /** Optional: public clients have none. */
  clientSecret?: string;
  username?: string;
  /** Without it, only the stored tokens (and the refresh token) can be used. */
  password?: string;
  /** Default `password`. */
  grantType?: string;
  /** An access token from an earlier login (e.g. a config file); used until the server refuses it. */
  token?: string;
  refreshToken?: string;
  /** Header carrying the token instead of `Authorization: Bearer`. */
  tokenHeader?: string;
  /** Told about every new token pair (e.g. to keep the refresh token in a config file). */
  onTokens?: (tokens: IssuedTokens) => void | Promise<void>;
}

/** OAuth2 client credentials grant against a token URL. */
export interface ClientCredentials {
  type: 'client-credentials';
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  tokenHeader?: string;
}

/** The basic-auth credentials as sent in the Authorization header. */
export function basicCredentials(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}

/** The values of a credential that must be masked wherever they appear. */
export function credentialSecrets(auth: Credentials | undefined): string[] {
  switch (auth?.type) {
    case 'bearer':
      return [auth.token];
    case 'basic':
      // The base64 credentials without their padding, which a URL or a re-encoding may drop or escape.
      return [auth.password, basicCredentials(auth.username, auth.password).replace(/=+$/, '')];
    case 'api-key':
      return [auth.key];
    case 'login':
      return [auth.password, auth.clientSecret, auth.token, auth.refreshToken].filter((v): v is string => Boolean(v));
    case 'client-credentials':
      return [auth.clientSecret];
    default:
      return [];
  }
}

// Short values would mask ordinary words; nobody uses a 3-character token.
const MIN_SECRET_CHARS = 4;

/**
 * The strings to mask for a set of secret values: each value and its
 * percent-encoded form (a server may echo a secret inside a URL), short ones
 * left out, longest first so that a secret containing another is masked whole.
 */
export function secretForms(values: readonly (string | undefined)[]): string[] {
  const given = values.filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_CHARS);
  return [...new Set(given.flatMap((s) => [s, encodeURIComponent(s)]))].sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of each secret form (from secretForms) with `***`; short values are never masked. */
export function redact(text: string, forms: readonly string[]): string {
  let out = text;
  for (const secret of forms) {
    if (secret.length >= MIN_SECRET_CHARS && out.includes(secret)) out = out.split(secret).join('***');
  }
  return out;
}
