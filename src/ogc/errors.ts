// Errors of the OGC client. Three families, so that callers can react to each:
// the server answered with an error status (OgcApiError), the request never
// got an answer (OgcTransportError), or the answer was unusable
// (OgcResponseError). Messages name the method and URL *path* (never the
// query, the host's userinfo or any header), and the client scrubs its own
// secrets out of every message and field before an error leaves it.
import { isRecord } from '../util/records.js';
import { truncate } from '../util/text.js';
import { redact } from '../util/secrets.js';

export type TransportErrorKind = 'refused' | 'reset' | 'timeout' | 'dns' | 'aborted' | 'other';

export type ResponseErrorReason = 'not-json' | 'too-large' | 'invalid-document' | 'unexpected-response';

/** Where a request went, for messages: method and path only. */
export interface RequestSite {
  method: string;
  /** The URL path (no query, no userinfo). */
  path: string;
}

const MAX_SNIPPET = 200;


function where(site: RequestSite | undefined): string {
  return site ? `${site.method} ${site.path}` : 'request';
}

export class OgcError extends Error {
  override name = 'OgcError';
  readonly method?: string;
  readonly path?: string;

  constructor(message: string, site?: RequestSite) {
    super(message);
    if (site) {
      this.method = site.method;
      this.path = site.path;
    }
  }
}

export interface ProblemFields {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
}

/** The server answered with an HTTP error status. */
export class OgcApiError extends OgcError {
  override name = 'OgcApiError';
  /** HTTP status of the response. */
  readonly status: number;
  /** RFC 7807 fields, when the server sent them. */
  readonly type?: string;
  readonly title?: string;
  readonly detail?: string;
  readonly instance?: string;
  /** The error body as parsed JSON (when it was JSON), for callers that want more. */
  readonly body?: unknown;

  constructor(
    message: string,
    init: { status: number; site?: RequestSite; problem?: ProblemFields; body?: unknown },
  ) {
    super(message, init.site);
    this.status = init.status;
    const p = init.problem ?? {};
    if (p.type !== undefined) this.type = p.type;
    if (p.title !== undefined) this.title = p.title;
    if (p.detail !== undefined) this.detail = p.detail;
    if (p.instance !== undefined) this.instance = p.instance;
    if (init.body !== undefined) this.body = init.body;
  }
}

/**
 * The server says it has no such job, whatever the status: Part 1's
 * no-such-job exception type (Weaver sends it with 400 for an id that is not
 * a UUID), or a `NoSuchJob` title or code.
 */
export function saysNoSuchJob(error: OgcApiError): boolean {
  if (error.status === 404 || error.status === 410) return true;
  if (error.type?.endsWith('/no-such-job')) return true;
  const body = error.body as { code?: unknown } | undefined;
  return error.title === 'NoSuchJob' || (typeof body === 'object' && body !== null && body.code === 'NoSuchJob');
}

/** The request failed below HTTP: no connection, reset, timeout, DNS, abort. */
export class OgcTransportError extends OgcError {
  override name = 'OgcTransportError';
  readonly kind: TransportErrorKind;
  /** The system or undici error code, e.g. ECONNREFUSED or UND_ERR_HEADERS_TIMEOUT. */
  readonly code?: string;

  constructor(message: string, init: { kind: TransportErrorKind; site?: RequestSite; code?: string }) {
    super(message, init.site);
    this.kind = init.kind;
    if (init.code !== undefined) this.code = init.code;
  }
}

/** The server answered, but not with a usable document. */
export class OgcResponseError extends OgcError {
  override name = 'OgcResponseError';
  readonly reason: ResponseErrorReason;
  /** HTTP status of the response. */
  readonly status?: number;

  constructor(message: string, { reason, site, status }: { reason: ResponseErrorReason; site?: RequestSite; status?: number }) {
    super(message, site);
    this.reason = reason;
    if (status !== undefined) this.status = status;
  }
}

/** A link (result reference) the client will not fetch: other origin or scheme. */
export class OgcLinkRefusedError extends OgcError {
  override name = 'OgcLinkRefusedError';
}

// ---------------------------------------------------------------- describing error bodies

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function statusLine(status: number): string {
  const text = STATUS_TEXT[status];
  return text ? `${status} ${text}` : String(status);
}


function stringField(doc: Record<string, unknown>, key: string): string | undefined {
  const value = doc[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The RFC 7807 fields of a JSON error body, taking only well-typed ones. */
export function problemFields(body: unknown): ProblemFields {
  if (!isRecord(body)) return {};
  const fields: ProblemFields = {};
  const type = stringField(body, 'type');
  const title = stringField(body, 'title');
  const detail = stringField(body, 'detail');
  const instance = stringField(body, 'instance');
  if (type !== undefined) fields.type = type;
  if (title !== undefined) fields.title = title;
  if (detail !== undefined) fields.detail = detail;
  if (instance !== undefined) fields.instance = instance;
  if (typeof body.status === 'number') fields.status = body.status;
  return fields;
}

// FastAPI/pydantic validation errors: {detail: [{loc: [...], msg, type}]}.
function describeValidationList(items: unknown[]): string {
  const parts = items.slice(0, 5).map((item) => {
    if (!isRecord(item)) return truncate(JSON.stringify(item), 80);
    const loc = Array.isArray(item.loc) ? item.loc.map(String).join('.') : undefined;
    const msg = typeof item.msg === 'string' ? item.msg : typeof item.message === 'string' ? item.message : JSON.stringify(item);
    return loc ? `${loc}: ${msg}` : msg;
  });
  const more = items.length > 5 ? ` (and ${items.length - 5} more)` : '';
  return parts.join('; ') + more;
}

/** A short human reading of a JSON error body that may or may not be RFC 7807. */
function describeJsonBody(body: unknown): string {
  if (isRecord(body)) {
    const problem = problemFields(body);
    if (problem.detail !== undefined) return problem.title && problem.title !== problem.detail ? `${problem.title}: ${problem.detail}` : problem.detail;
    if (Array.isArray(body.detail)) return describeValidationList(body.detail);
    for (const key of ['description', 'message', 'error', 'title', 'code']) {
      const value = stringField(body, key);
      if (value !== undefined) return value;
    }
    if (isRecord(body.error)) return describeJsonBody(body.error);
  }
  if (Array.isArray(body)) {
    // Weaver's exception lists: [{Code, Locator, Text}]
    const texts = body
      .map((item) => (isRecord(item) ? (stringField(item, 'Text') ?? stringField(item, 'text') ?? stringField(item, 'message')) : undefined))
      .filter((t): t is string => t !== undefined);
    if (texts.length > 0) return texts.join('; ');
  }
  return JSON.stringify(body);
}

/** A short reading of a non-JSON body: an HTML page's title or text, or plain text. */
export function describeTextBody(text: string, contentType: string | undefined): string {
  const trimmed = text.trim();
  if (trimmed === '') return '(empty body)';
  const looksHtml = (contentType ?? '').includes('html') || /^<(!doctype|html|head|body)/i.test(trimmed);
  if (looksHtml) {
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(trimmed)?.[1];
    const body = trimmed
      .replace(/<(head|script|style)[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const titleText = title?.replace(/\s+/g, ' ').trim() ?? '';
    // Error pages often repeat their title as the first heading.
    const rest = titleText !== '' && body.startsWith(titleText) ? body.slice(titleText.length).trim() : body;
    const summary = [titleText, rest].filter((t) => t !== '').join(': ');
    return `HTML page: ${truncate(summary === '' ? '(no text)' : summary, MAX_SNIPPET)}`;
  }
  return truncate(trimmed.replace(/\s+/g, ' '), MAX_SNIPPET);
}

/**
 * Builds the OgcApiError for an error response. `body` is the raw text;
 * JSON bodies are described from their fields, RFC 7807 or not.
 */
export function apiErrorFromResponse(
  site: RequestSite,
  status: number,
  rawBody: string,
  contentType: string | undefined,
): OgcApiError {
  let parsed: unknown;
  let isJson = false;
  const trimmed = rawBody.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      parsed = JSON.parse(trimmed);
      isJson = true;
    } catch {
      // Not JSON after all: described as text below.
    }
  }
  const problem = isJson ? problemFields(parsed) : {};
  const description = isJson ? truncate(describeJsonBody(parsed), 500) : describeTextBody(rawBody, contentType);
  const typeNote = problem.type !== undefined && problem.type !== 'about:blank' ? ` [${problem.type}]` : '';
  const message = `${where(site)} failed: HTTP ${statusLine(status)}: ${description}${typeNote}`;
  return new OgcApiError(message, { status, site, problem, ...(isJson ? { body: parsed } : {}) });
}

// ---------------------------------------------------------------- transport errors

interface CodedError {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const coded = current as CodedError;
    if (typeof coded.code === 'string') return coded.code;
    current = coded.cause;
  }
  return undefined;
}

const KIND_BY_CODE: Record<string, TransportErrorKind> = {
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_NONAME: 'dns',
  UND_ERR_ABORTED: 'aborted',
  ABORT_ERR: 'aborted',
};

const KIND_TEXT: Record<TransportErrorKind, string> = {
  refused: 'connection refused (is the server running at that address?)',
  reset: 'connection reset by the server',
  timeout: 'timed out',
  dns: 'host name could not be resolved',
  aborted: 'aborted',
  other: 'failed',
};

const TIMEOUT_PHASE: Record<string, string> = {
  UND_ERR_CONNECT_TIMEOUT: 'connecting',
  UND_ERR_HEADERS_TIMEOUT: 'waiting for response headers',
  UND_ERR_BODY_TIMEOUT: 'waiting for the response body',
};

/** Classifies an error thrown by undici (or an abort) into an OgcTransportError. */
export function transportErrorFrom(error: unknown, site: RequestSite | undefined, aborted: boolean): OgcTransportError {
  if (error instanceof OgcTransportError) return error;
  const code = errorCode(error);
  const name = typeof error === 'object' && error !== null ? (error as CodedError).name : undefined;
  let kind: TransportErrorKind = (code !== undefined ? KIND_BY_CODE[code] : undefined) ?? 'other';
  if (aborted || name === 'AbortError') kind = 'aborted';
  let text = KIND_TEXT[kind];
  if (kind === 'timeout' && code !== undefined && TIMEOUT_PHASE[code]) text = `timed out ${TIMEOUT_PHASE[code]}`;
  if (kind === 'other') {
    // Node's own text for unknown failures (e.g. "other side closed"); no URLs or headers are in it.
    const raw = typeof error === 'object' && error !== null ? (error as CodedError).message : undefined;
    if (typeof raw === 'string' && raw !== '') text = `failed: ${truncate(raw, 120)}`;
  }
  return new OgcTransportError(`${where(site)} ${text}${code !== undefined && kind !== 'aborted' ? ` (${code})` : ''}`, {
    kind,
    ...(site ? { site } : {}),
    ...(code !== undefined ? { code } : {}),
  });
}

/** The abort error for waits and polls that stop because the caller's signal fired. */
export function abortedError(site?: RequestSite): OgcTransportError {
  return new OgcTransportError(`${where(site)} aborted`, { kind: 'aborted', ...(site ? { site } : {}) });
}

// ---------------------------------------------------------------- response errors

export function notJsonError(
  site: RequestSite,
  status: number,
  rawBody: string,
  contentType: string | undefined,
  parseError?: string,
): OgcResponseError {
  const what = contentType ? `a ${contentType.split(';')[0]} body` : 'a body without content type';
  const reason = parseError !== undefined ? ` (${truncate(parseError, 120)})` : '';
  return new OgcResponseError(
    `${where(site)}: expected JSON but got ${what}${reason}: ${describeTextBody(rawBody, contentType)}`,
    { reason: 'not-json', site, status },
  );
}

export function tooLargeError(site: RequestSite, status: number, limit: number): OgcResponseError {
  return new OgcResponseError(`${where(site)}: response body is larger than the limit of ${limit} bytes`, {
    reason: 'too-large',
    site,
    status,
  });
}

export interface DocumentIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

export function invalidDocumentError(
  site: RequestSite | undefined,
  status: number | undefined,
  documentName: string,
  issues: readonly DocumentIssue[],
): OgcResponseError {
  const shown = issues
    .slice(0, 3)
    .map((i) => `${i.path.length > 0 ? i.path.map(String).join('.') : '(root)'}: ${truncate(i.message, 120)}`)
    .join('; ');
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return new OgcResponseError(`${where(site)}: response is not a valid ${documentName}: ${shown}${more}`, {
    reason: 'invalid-document',
    ...(site ? { site } : {}),
    ...(status !== undefined ? { status } : {}),
  });
}

// ---------------------------------------------------------------- secrets

function redactValue(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (depth > 20 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, secrets, depth + 1)]));
}

/** Scrubs secret forms (from secretForms) from an error's message, stack and string fields, in place. */
export function redactError<E extends OgcError>(error: E, secrets: readonly string[]): E {
  if (secrets.length === 0) return error;
  const fields = error as unknown as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    fields[key] = redactValue(fields[key], secrets);
  }
  error.message = redact(error.message, secrets);
  if (error.stack !== undefined) error.stack = redact(error.stack, secrets);
  return error;
}
