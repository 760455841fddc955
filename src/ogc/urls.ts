// URL handling for the client: one normalized base, encoded path segments,
// and the origin rules that decide where credentials may go.
import { OgcError } from './errors.js';

export interface BaseUrl {
  /** e.g. `http://127.0.0.1:8008` */
  origin: string;
  /** Path prefix ending in `/`, e.g. `/` or `/ogc/`. */
  pathPrefix: string;
  /** Query parameters of the configured base URL, sent with every API request. */
  query: Array<[string, string]>;
  /** Userinfo that was in the URL (removed from it), to be used as basic auth. */
  userinfo?: { username: string; password: string };
}

export function parseBaseUrl(baseUrl: string): BaseUrl {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    // The URL itself is not echoed: it may carry credentials.
    throw new OgcError('baseUrl is not a valid URL (expected e.g. http://127.0.0.1:8008/)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OgcError(`baseUrl must use http or https, not ${url.protocol.replace(':', '')}`);
  }
  const base: BaseUrl = {
    origin: url.origin,
    pathPrefix: url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`,
    query: [...url.searchParams.entries()],
  };
  if (url.username !== '' || url.password !== '') {
    base.userinfo = { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
  }
  return base;
}

/**
 * Encodes one path segment. encodeURIComponent keeps `.`, so the segments
 * `.` and `..` are spelled with %2E lest a URL parser resolve them away.
 */
export function encodeSegment(segment: string): string {
  if (segment === '.' || segment === '..') return segment.replace(/\./g, '%2E');
  return encodeURIComponent(segment);
}

export type QueryValue = string | number | boolean | undefined | ReadonlyArray<string | number>;

/** Builds `?a=1&b=x&b=y` (arrays repeat the name: OpenAPI form style, explode true). */
export function buildQuery(base: ReadonlyArray<[string, string]>, params: Record<string, QueryValue> = {}): string {
  const search = new URLSearchParams(base as Array<[string, string]>);
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const item of value as ReadonlyArray<string | number>) search.append(name, String(item));
    } else {
      search.append(name, String(value));
    }
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * Whether credentials configured for `base` may be sent to `target`: the same
 * origin, or the same host upgraded to https (a common redirect).
 */
export function credentialsAllowed(base: BaseUrl, target: URL): boolean {
  if (target.origin === base.origin) return true;
  const baseHost = new URL(base.origin).hostname;
  return target.protocol === 'https:' && target.hostname === baseHost;
}

/** Normalizes configured origins (`https://x.org/anything` -> `https://x.org`). */
export function normalizeOrigins(origins: readonly string[] | undefined): Set<string> {
  const set = new Set<string>();
  for (const origin of origins ?? []) {
    try {
      set.add(new URL(origin).origin);
    } catch {
      throw new OgcError(`allowedLinkOrigins contains an invalid origin: ${origin.slice(0, 100)}`);
    }
  }
  return set;
}

/** The last non-empty path segment of a URL or path (a job id in a Location header), decoded. */
export function lastPathSegment(location: string): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(location, 'http://placeholder.invalid/').pathname;
  } catch {
    return undefined;
  }
  const segments = pathname.split('/').filter((s) => s !== '');
  const last = segments.at(-1);
  if (last === undefined) return undefined;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
