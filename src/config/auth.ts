// Settings (flags > environment > config file) -> how the OGC client
// authenticates. The auth type is named (--auth-type, OGC_AUTH_TYPE, the
// file's auth_type) or inferred from the one kind of credential given.
import type { OgcAuth } from '../ogc/index.js';
import type { IssuedTokens } from '../util/secrets.js';
import { closestMatches } from '../util/near-miss.js';

/** The auth types as the reference client names them, plus client credentials; `bearer` is read as `token`. */
export const AUTH_TYPES = ['none', 'basic', 'token', 'api-key', 'login', 'client-credentials'] as const;
export type AuthType = (typeof AUTH_TYPES)[number];

export interface AuthExtras {
  /** From the config file only: a refresh token kept by an earlier login. */
  refreshToken?: string;
  grantType?: string;
  /** Keeps new tokens (login) where the next run finds them. */
  onTokens?: (tokens: IssuedTokens) => void;
}

/** Thrown for settings that do not make an authentication; the caller reports it as a usage error. */
export class AuthSettingsError extends Error {
  override name = 'AuthSettingsError';
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function parseAuthType(value: string, label: string): AuthType {
  const v = value.trim().toLowerCase();
  if (v === 'bearer') return 'token';
  if ((AUTH_TYPES as readonly string[]).includes(v)) return v as AuthType;
  const near = closestMatches(v, AUTH_TYPES);
  throw new AuthSettingsError(`${label} must be one of ${AUTH_TYPES.join(', ')}, got "${value}"${near.length ? ` (did you mean ${near[0]}?)` : ''}.`);
}

/**
 * @param read a setting by its flag name, already layered
 * @param label the flag with its variable, for messages
 */
export function resolveAuth(read: (flag: string) => string | undefined, label: (flag: string) => string, extras: AuthExtras = {}): OgcAuth | undefined {
  const given = read('auth-type');
  const type = given !== undefined && given.trim() !== '' ? parseAuthType(given, label('auth-type')) : inferType(read);
  const need = (flag: string, why: string): string => {
    const value = read(flag);
    if (value === undefined || value === '') throw new AuthSettingsError(`${why}: give ${label(flag)}.`);
    return value;
  };
  const header = (flag: string): string | undefined => {
    const value = read(flag);
    if (value !== undefined && !HEADER_NAME.test(value)) throw new AuthSettingsError(`${label(flag)} must be an HTTP header name, got "${value}".`);
    return value || undefined;
  };
  switch (type) {
    case 'none':
      return undefined;
    case 'basic': {
      const username = read('username');
      const password = read('password');
      if (!username || !password) throw new AuthSettingsError(`Basic authentication needs both ${label('username')} and ${label('password')}.`);
      return { type: 'basic', username, password };
    }
    case 'token': {
      const tokenHeader = header('token-header');
      return { type: 'bearer', token: need('auth-token', 'Token authentication needs the token'), ...(tokenHeader ? { header: tokenHeader } : {}) };
    }
    case 'api-key':
      return { type: 'api-key', key: need('api-key', 'API key authentication needs the key'), header: header('api-key-header') ?? 'X-API-Key' };
    case 'client-credentials': {
      const tokenHeader = header('token-header');
      return {
        type: 'client-credentials',
        tokenUrl: checkTokenUrl(need('auth-url', 'Client credentials need the token URL'), label('auth-url')),
        clientId: need('client-id', 'Client credentials need a client id'),
        clientSecret: need('client-secret', 'Client credentials need a client secret'),
        ...(tokenHeader ? { tokenHeader } : {}),
      };
    }
    case 'login': {
      const tokenUrl = checkTokenUrl(need('auth-url', 'Login needs the token URL'), label('auth-url'));
      const username = read('username') || undefined;
      const password = read('password') || undefined;
      const token = read('auth-token') || undefined;
      if (!token && !extras.refreshToken && !(username && password)) {
        throw new AuthSettingsError(
          `Login needs a user name and password (${label('username')}, ${label('password')}), or the tokens \`ogc-processes-mcp configure\` keeps.`,
        );
      }
      const optional = { clientId: read('client-id'), clientSecret: read('client-secret'), username, password, token, refreshToken: extras.refreshToken, grantType: extras.grantType, tokenHeader: header('token-header') };
      return {
        type: 'login',
        tokenUrl,
        ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined && v !== '')),
        ...(extras.onTokens ? { onTokens: extras.onTokens } : {}),
      };
    }
  }
}

function inferType(read: (flag: string) => string | undefined): AuthType {
  const token = read('auth-token');
  const basic = read('username') || read('password');
  const apiKey = read('api-key');
  const kinds = [token && 'a bearer token', basic && 'basic credentials', apiKey && 'an API key'].filter(Boolean);
  if (kinds.length > 1) {
    throw new AuthSettingsError(`Give one kind of OGC server authentication, not ${kinds.join(' and ')} (or name one with --auth-type).`);
  }
  if (token) return 'token';
  if (basic) return 'basic';
  if (apiKey) return 'api-key';
  return 'none';
}

function checkTokenUrl(value: string, label: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AuthSettingsError(`${label} must be an http(s) URL such as https://login.example.org/token.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AuthSettingsError(`${label} must be an http(s) URL, got a ${url.protocol} URL.`);
  if (url.username || url.password) throw new AuthSettingsError(`${label} must not carry credentials; give them with --client-id and --client-secret.`);
  return url.toString();
}
