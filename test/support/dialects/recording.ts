// Recording HTTP exchanges with a real OGC API - Processes server, as fixtures
// that the dialect replay server (replay-server.ts) serves back. The server's
// origin is written as `{origin}` so that a replay can put its own in place.
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export const ORIGIN_PLACEHOLDER = '{origin}';

export interface RecordedExchangeRequest {
  method: string;
  path: string;
  /** Query parameters in the order sent. */
  query?: Array<[string, string]>;
  /** Headers that matter to the server: accept, content-type, prefer. */
  headers?: Record<string, string>;
  body?: unknown;
}

export interface RecordedExchangeResponse {
  status: number;
  /** Response headers less the connection-level ones (date, server, content-length, connection). */
  headers: Record<string, string>;
  /** A JSON body, parsed. */
  json?: unknown;
  /** A text body that is not JSON. */
  text?: string;
  /** Any other body, base64. */
  base64?: string;
}

export interface RecordedExchange {
  /** What this exchange shows, in a few words. */
  note?: string;
  request: RecordedExchangeRequest;
  response: RecordedExchangeResponse;
}

export interface RecordedScenario {
  dialect: string;
  scenario: string;
  description: string;
  exchanges: RecordedExchange[];
}

const DROPPED_HEADERS = new Set(['date', 'server', 'content-length', 'connection', 'keep-alive', 'transfer-encoding']);

/** Replaces every occurrence of `origin` in strings (deeply) by the placeholder. */
export function withPlaceholder(value: unknown, origin: string): unknown {
  if (typeof value === 'string') return value.split(origin).join(ORIGIN_PLACEHOLDER);
  if (Array.isArray(value)) return value.map((v) => withPlaceholder(v, origin));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withPlaceholder(v, origin)]));
  }
  return value;
}

/** Replaces the placeholder (deeply) by `origin`. */
export function withOrigin<T>(value: T, origin: string): T {
  if (typeof value === 'string') return value.split(ORIGIN_PLACEHOLDER).join(origin) as T;
  if (Array.isArray(value)) return value.map((v) => withOrigin(v, origin)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withOrigin(v, origin)])) as T;
  }
  return value;
}

function isJsonType(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json');
}

function isTextType(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type.startsWith('text/') || type.endsWith('+xml') || type === 'application/xml';
}

export interface SendOptions {
  query?: Array<[string, string]>;
  headers?: Record<string, string>;
  body?: unknown;
  note?: string;
}

/** A recorder bound to one server; each `send` performs one request and records it in the current scenario. */
export class Recorder {
  readonly scenarios: RecordedScenario[] = [];
  #current: RecordedScenario | undefined;

  constructor(
    readonly origin: string,
    readonly dialect: string,
  ) {}

  begin(scenario: string, description: string): void {
    this.#current = { dialect: this.dialect, scenario, description, exchanges: [] };
    this.scenarios.push(this.#current);
  }

  async send(method: string, pathname: string, options: SendOptions = {}): Promise<RecordedExchange> {
    if (!this.#current) throw new Error('begin a scenario first');
    const url = new URL(pathname, this.origin);
    for (const [k, v] of options.query ?? []) url.searchParams.append(k, v);
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    let body: string | undefined;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(url, { method, headers, body, redirect: 'manual' });
    const buffer = Buffer.from(await res.arrayBuffer());
    const responseHeaders: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      if (!DROPPED_HEADERS.has(name)) responseHeaders[name] = value;
    });
    const response: RecordedExchangeResponse = { status: res.status, headers: responseHeaders };
    const contentType = res.headers.get('content-type') ?? undefined;
    if (buffer.length > 0) {
      const text = buffer.toString('utf8');
      let parsed: unknown;
      let isJson = false;
      if (isJsonType(contentType) || /^\s*[[{]/.test(text)) {
        try {
          parsed = JSON.parse(text);
          isJson = true;
        } catch {
          isJson = false;
        }
      }
      if (isJson) response.json = parsed;
      else if (isTextType(contentType)) response.text = text;
      else response.base64 = buffer.toString('base64');
    }
    const request: RecordedExchangeRequest = { method, path: url.pathname };
    if (options.query?.length) request.query = options.query;
    if (Object.keys(headers).length) request.headers = headers;
    if (options.body !== undefined) request.body = options.body;
    const exchange = withPlaceholder(
      { ...(options.note ? { note: options.note } : {}), request, response },
      this.origin,
    ) as RecordedExchange;
    this.#current.exchanges.push(exchange);
    // The caller continues with the live values.
    return withOrigin(exchange, this.origin);
  }

  /** Writes one JSON file per scenario into `dir`. */
  save(dir: string): void {
    mkdirSync(dir, { recursive: true });
    for (const scenario of this.scenarios) {
      writeFileSync(path.join(dir, `${scenario.scenario}.json`), `${JSON.stringify(scenario, null, 2)}\n`);
    }
  }
}
