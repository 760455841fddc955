// A dialect replay server: serves on 127.0.0.1 what a real OGC API -
// Processes server was recorded answering (test/fixtures/recorded/<dialect>/),
// so that tests meet that server's habits without it.
//
// Each scenario is a timeline. A request is matched to the recorded exchanges
// with the same method and path (and query, prefer class, body), and served
// the first such exchange later than the last one served in its scenario
// (with no recorded POST or DELETE in between), or else the latest earlier one
// again: polls run through the recorded states and then stay on the last, and
// a GET after a DELETE gets what followed the DELETE. What the recording cannot answer word for word (the job list with
// any query, a job of the list) the dialect's own rules compute; the job list
// always is, from the recorded table, and a test checks that the rules give
// back every recorded page. A dialect's rules are in its own module
// (dialects.ts lists them).
import http from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { recordRequest, type RecordedRequest } from '../recorded-request.js';
import { repoRoot } from '../repo.js';
import { DIALECTS, type Dialect } from './dialects.js';
import { withOrigin, type RecordedExchange, type RecordedScenario } from './recording.js';

export type { Dialect } from './dialects.js';

export interface ReplayServerOptions {
  dialect: Dialect;
  /** Scenario names to load (default: all of the dialect). */
  scenarios?: string[];
  /** Added before every answer. */
  latencyMs?: number;
}

export interface ReplayServer {
  /** Base URL ending in `/`. */
  readonly url: string;
  readonly origin: string;
  readonly requests: RecordedRequest[];
  /** The loaded scenarios, with this server's origin in place of `{origin}`. */
  readonly scenarios: RecordedScenario[];
  close(): Promise<void>;
}

export function recordedDir(dialect: Dialect): string {
  return path.join(repoRoot, 'test/fixtures/recorded', dialect);
}

/** The recorded scenarios of a dialect, as stored (with `{origin}`). */
export function loadScenarios(dialect: Dialect, names?: string[]): RecordedScenario[] {
  const dir = recordedDir(dialect);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const wanted = names ? files.filter((f) => names.includes(f.slice(0, -'.json'.length))) : files;
  if (names && wanted.length !== names.length) throw new Error(`unknown scenario among ${names.join(', ')} in ${dir}`);
  return wanted.map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as RecordedScenario);
}

function queryPairs(query: Array<[string, string]> | undefined): string[] {
  return (query ?? []).map(([k, v]) => `${k}=${v}`).sort();
}

function parseBody(text: string): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** How well a recorded POST body fits the one received (higher is closer). */
function bodyScore(recorded: unknown, received: Record<string, unknown> | undefined): number {
  const rec = (recorded ?? {}) as Record<string, unknown>;
  const got = received ?? {};
  if (isDeepStrictEqual(rec, got)) return 8;
  let score = 0;
  if (isDeepStrictEqual(rec.inputs, got.inputs)) score += 4;
  if (rec.response === got.response) score += 2;
  if (isDeepStrictEqual(rec.outputs, got.outputs)) score += 1;
  return score;
}

interface Indexed {
  scenario: number;
  index: number;
  exchange: RecordedExchange;
}

export async function startReplayServer(options: ReplayServerOptions): Promise<ReplayServer> {
  const rules = DIALECTS[options.dialect];
  const stored = loadScenarios(options.dialect, options.scenarios);
  const requests: RecordedRequest[] = [];
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const scenarios = stored.map((s) => withOrigin(s, origin));
  const table = withOrigin(rules.jobTable(stored), origin);
  const clocks = scenarios.map(() => -1);
  const all: Indexed[] = scenarios.flatMap((s, scenario) => s.exchanges.map((exchange, index) => ({ scenario, index, exchange })));

  function candidates(req: RecordedRequest): Indexed[] {
    const pairs = [...req.query].map(([k, v]) => `${k}=${v}`).sort();
    const preferClass = rules.preferClass(header(req, 'prefer'));
    return all.filter(({ exchange: { request } }) => {
      if (request.method !== req.method || request.path !== decodeURIComponent(req.path)) return false;
      if (!isDeepStrictEqual(queryPairs(request.query), pairs)) return false;
      if (req.method === 'POST' && rules.preferClass(request.headers?.prefer) !== preferClass) return false;
      return true;
    });
  }

  function choose(found: Indexed[], req: RecordedRequest): Indexed | undefined {
    if (found.length === 0) return undefined;
    let pool = found;
    if (req.method === 'POST') {
      const body = parseBody(req.body);
      const best = Math.max(...found.map((c) => bodyScore(c.exchange.request.body, body)));
      pool = found.filter((c) => bodyScore(c.exchange.request.body, body) === best);
    }
    // A later exchange, unless a recorded POST or DELETE lies between: what follows that waits for it.
    const later = pool.find((c) => c.index > clocks[c.scenario]! && !changeBetween(c.scenario, clocks[c.scenario]!, c.index));
    if (later) return later;
    const earlier = pool.filter((c) => c.index <= clocks[c.scenario]!);
    return earlier[earlier.length - 1] ?? pool[0];
  }

  function changeBetween(scenario: number, after: number, before: number): boolean {
    return scenarios[scenario]!.exchanges.slice(after + 1, before).some((e) => e.request.method !== 'GET');
  }

  function computed(req: RecordedRequest): { status: number; body: unknown } | undefined {
    if (req.method !== 'GET') return undefined;
    if (req.path === '/jobs') return rules.jobList(table, req.query, origin);
    const jobMatch = /^\/jobs\/([^/]+)$/.exec(req.path);
    if (jobMatch) {
      const job = table.find((j) => j.jobID === decodeURIComponent(jobMatch[1]!));
      if (job) return { status: 200, body: job };
    }
    return undefined;
  }

  server.on('request', (req, res) => {
    recordRequest(req, (recorded) => {
      requests.push(recorded);
      const answer = () => {
        // The job list is always computed, so that every page agrees with the others.
        const chosen = recorded.path === '/jobs' ? undefined : choose(candidates(recorded), recorded);
        if (chosen) {
          clocks[chosen.scenario] = Math.max(clocks[chosen.scenario]!, chosen.index);
          send(res, chosen.exchange);
          return;
        }
        const fallback = computed(recorded);
        if (fallback) {
          const text = JSON.stringify(fallback.body);
          res.writeHead(fallback.status, { 'content-type': 'application/json' });
          res.end(text);
          return;
        }
        const text = JSON.stringify({ code: 'NotRecorded', description: `${recorded.method} ${recorded.url} was not recorded for ${options.dialect}` });
        res.writeHead(599, { 'content-type': 'application/json' });
        res.end(text);
      };
      if (options.latencyMs) setTimeout(answer, options.latencyMs);
      else answer();
    });
  });

  return {
    url: `${origin}/`,
    origin,
    requests,
    scenarios,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function header(req: RecordedRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function send(res: http.ServerResponse, exchange: RecordedExchange): void {
  const { response } = exchange;
  let body: Buffer | undefined;
  if (response.json !== undefined) body = Buffer.from(JSON.stringify(response.json));
  else if (response.text !== undefined) body = Buffer.from(response.text);
  else if (response.base64 !== undefined) body = Buffer.from(response.base64, 'base64');
  res.writeHead(response.status, { ...response.headers, ...(body ? { 'content-length': String(body.length) } : { 'content-length': '0' }) });
  res.end(body);
}
