// A fault-injecting OGC API - Processes server on real sockets (127.0.0.1).
//
// By default it is a small, well-behaved OGC server (landing page,
// conformance, processes, execution, jobs, results, dismissal) whose
// processes and job behaviours a test scripts; or it forwards everything to
// another server (the demo server) as a recording reverse proxy. On top of
// either, a test injects faults per route: refused connections, resets before
// or in the middle of a body, stalled or trickling headers and bodies, error
// statuses, HTML, truncated JSON, huge bodies, redirect loops. Every request
// is recorded (method, path, headers, body, arrival time), so tests can count
// what reached the server and check what was sent.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { recordRequest, type RecordedRequest } from './recorded-request.js';

export type { RecordedRequest };

export type Fault =
  /** An answer with this status, body and content type (HTML, truncated JSON, 5xx with or without a body...). */
  | { kind: 'respond'; status: number; body?: string; contentType?: string; headers?: Record<string, string> }
  /** Destroys the connection: before any byte (afterBytes undefined) or after sending headers and afterBytes body bytes. */
  | { kind: 'reset'; afterBytes?: number; status?: number; contentType?: string }
  /** Never answers (the socket stays open until the client gives up or the server closes). */
  | { kind: 'stall' }
  /** Sends the header bytes one at a time, one every intervalMs (slow headers that never finish in time). */
  | { kind: 'trickle-headers'; intervalMs: number }
  /** Sends headers and `sendBytes` of a body, then nothing more. */
  | { kind: 'stall-body'; sendBytes: number; contentType?: string }
  /** Sends headers, then one body byte every intervalMs, forever (an idle timeout never fires). */
  | { kind: 'trickle-body'; intervalMs: number; contentType?: string }
  /** A body of `bytes` bytes, streamed: a JSON string document when json, else filler. */
  | { kind: 'huge'; bytes: number; json?: boolean; declareLength?: boolean; status?: number; contentType?: string }
  /** A redirect to `location` (relative or absolute). */
  | { kind: 'redirect'; location: string; status?: number }
  /** Waits, then applies the next fault (or the normal answer). */
  | { kind: 'delay'; ms: number; then?: Fault }
  /** Anything else. */
  | { kind: 'handle'; handle: (req: RecordedRequest, res: http.ServerResponse) => void | Promise<void> };

export interface FaultRule {
  method: string | undefined;
  path: string | RegExp;
  fault: Fault;
  /** How many more requests this rule applies to (Infinity: all). */
  remaining: number;
  hits: number;
}

/** How a scripted job behaves when polled. */
export type JobBehaviour =
  /** Successful at once, with the process's results. */
  | { kind: 'succeed' }
  /** Running forever (until dismissed). */
  | { kind: 'run-forever' }
  /** Running for `polls` GETs of the job, then 404 as if it never existed. */
  | { kind: 'vanish'; polls: number }
  /** Running for `polls` GETs, then failed with this message. */
  | { kind: 'fail'; polls: number; message: string };

export interface ScriptedProcess {
  /** The process description as served (any JSON: hostile ones too). */
  description: Record<string, unknown>;
  /** Results document of a successful job (default: echo of the inputs as return_value). */
  results?: (inputs: Record<string, unknown>) => unknown;
  behaviour?: JobBehaviour;
  /** Summary in GET /processes (default: built from the description). */
  summary?: Record<string, unknown>;
  /** Raw JSON text of the description, when it cannot be a JS value (cycles, huge texts). */
  rawDescription?: string;
}

interface ScriptedJob {
  jobID: string;
  processID: string;
  status: string;
  message?: string;
  progress?: number;
  polls: number;
  behaviour: JobBehaviour;
  results: unknown;
  created: string;
}

export interface MiniOgc {
  readonly processes: Map<string, ScriptedProcess>;
  readonly jobs: Map<string, ScriptedJob>;
  /** Execution requests received (POST .../execution), whatever came of them. */
  readonly executions: RecordedRequest[];
}

export interface FaultServerOptions {
  /** Forward every request without a fault to this base URL (e.g. the demo server), recording it. */
  proxyTo?: string;
  /** Scripted processes of the built-in OGC server (ignored with proxyTo). */
  processes?: ScriptedProcess[];
  /** Listen on this port (default: a free one). */
  port?: number;
}

export interface FaultServer {
  /** Base URL ending in `/`. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  readonly ogc: MiniOgc;
  /**
   * Adds a fault for requests matching method (undefined: any) and path (exact
   * raw path, or a RegExp tested on it), for the next `times` requests (default all).
   * Later rules win over earlier ones.
   */
  inject(method: string | undefined, path: string | RegExp, fault: Fault, options?: { times?: number }): FaultRule;
  clearFaults(): void;
  /** Recorded requests matching method and path. */
  requestsTo(method: string | undefined, path: string | RegExp): RecordedRequest[];
  close(): Promise<void>;
}

const JSON_TYPE = 'application/json';

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function matches(rule: { method: string | undefined; path: string | RegExp }, method: string | undefined, path: string): boolean {
  if (rule.method !== undefined && method !== undefined && rule.method !== method) return false;
  return typeof rule.path === 'string' ? rule.path === path : rule.path.test(path);
}

/** Writes `bytes` bytes in chunks, respecting backpressure; resolves when done or the socket went away. */
async function streamBytes(res: http.ServerResponse, bytes: number, prefix: string, suffix: string): Promise<void> {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let left = bytes - Buffer.byteLength(prefix) - Buffer.byteLength(suffix);
  if (!res.write(prefix)) await drained(res);
  while (left > 0 && !res.destroyed) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    left -= piece.length;
    if (!res.write(piece)) await drained(res);
  }
  if (!res.destroyed) res.end(suffix);
}

function drained(res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}

function decodeSegments(path: string): string[] | undefined {
  try {
    return path
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

function summaryOf(p: ScriptedProcess): Record<string, unknown> {
  if (p.summary) return p.summary;
  const d = p.description;
  const summary: Record<string, unknown> = { id: d.id, version: d.version ?? '1.0.0' };
  for (const key of ['title', 'description', 'jobControlOptions', 'outputTransmission']) {
    if (Object.hasOwn(d, key)) summary[key] = d[key];
  }
  return summary;
}

/** The built-in OGC server: just enough of Part 1 for the bridge, with scripted job behaviour. */
function createMiniOgc(processes: ScriptedProcess[]): { ogc: MiniOgc; handle: (req: RecordedRequest, res: http.ServerResponse, base: string) => void } {
  const ogc: MiniOgc = { processes: new Map(), jobs: new Map(), executions: [] };
  for (const p of processes) ogc.processes.set(String(p.description.id), p);
  let nextJob = 1;

  const statusInfo = (job: ScriptedJob, base: string) => ({
    jobID: job.jobID,
    processID: job.processID,
    type: 'process',
    status: job.status,
    ...(job.message !== undefined ? { message: job.message } : {}),
    ...(job.progress !== undefined ? { progress: job.progress } : {}),
    created: job.created,
    links: [{ href: `${base}jobs/${encodeURIComponent(job.jobID)}`, rel: 'self', type: JSON_TYPE }],
  });
  const notFound = (res: http.ServerResponse, detail: string) =>
    sendJson(res, 404, { type: 'http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-job', title: 'Not found', status: 404, detail }, { 'content-type': 'application/problem+json' });

  // A poll moves the job along its behaviour; returns false when the job is gone.
  const advance = (job: ScriptedJob): boolean => {
    const b = job.behaviour;
    if (job.status === 'dismissed' || job.status === 'successful' || job.status === 'failed') return true;
    job.polls++;
    if (b.kind === 'succeed') job.status = 'successful';
    else if (b.kind === 'vanish' && job.polls > b.polls) {
      ogc.jobs.delete(job.jobID);
      return false;
    } else if (b.kind === 'fail' && job.polls > b.polls) {
      job.status = 'failed';
      job.message = b.message;
    } else {
      job.status = 'running';
      job.progress = Math.min(99, job.polls);
    }
    return true;
  };

  const handle = (req: RecordedRequest, res: http.ServerResponse, base: string): void => {
    const segments = decodeSegments(req.path);
    if (!segments) return sendJson(res, 400, { title: 'Bad request', status: 400, detail: 'bad percent-encoding' });
    const [first, second, third, fourth] = segments;
    const m = req.method;
    if (segments.length === 0 && m === 'GET') {
      return sendJson(res, 200, {
        title: 'Fault server',
        description: 'A scripted OGC API - Processes server for reliability tests',
        links: [
          { href: base, rel: 'self', type: JSON_TYPE },
          { href: `${base}conformance`, rel: 'http://www.opengis.net/def/rel/ogc/1.0/conformance', type: JSON_TYPE },
          { href: `${base}processes`, rel: 'http://www.opengis.net/def/rel/ogc/1.0/processes', type: JSON_TYPE },
          { href: `${base}jobs`, rel: 'http://www.opengis.net/def/rel/ogc/1.0/job-list', type: JSON_TYPE },
        ],
      });
    }
    if (first === 'conformance' && segments.length === 1 && m === 'GET') {
      return sendJson(res, 200, {
        conformsTo: [
          'http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/core',
          'http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/json',
          'http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/job-list',
          'http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/dismiss',
        ],
      });
    }
    if (first === 'processes' && segments.length === 1 && m === 'GET') {
      const list = [...ogc.processes.values()].map(summaryOf);
      return sendJson(res, 200, { processes: list, links: [{ href: `${base}processes`, rel: 'self', type: JSON_TYPE }] });
    }
    if (first === 'processes' && second !== undefined && segments.length === 2 && m === 'GET') {
      const p = ogc.processes.get(second);
      if (!p) return sendJson(res, 404, { title: 'Not found', status: 404, detail: `no process ${second}` });
      return sendJson(res, 200, p.rawDescription ?? p.description);
    }
    if (first === 'processes' && second !== undefined && third === 'execution' && segments.length === 3 && m === 'POST') {
      ogc.executions.push(req);
      const p = ogc.processes.get(second);
      if (!p) return sendJson(res, 404, { title: 'Not found', status: 404, detail: `no process ${second}` });
      let body: { inputs?: Record<string, unknown> } = {};
      try {
        body = JSON.parse(req.body) as typeof body;
      } catch {
        return sendJson(res, 400, { title: 'Bad request', status: 400, detail: 'body is not JSON' });
      }
      const inputs = body.inputs ?? {};
      const jobID = `job-${nextJob++}`;
      const job: ScriptedJob = {
        jobID,
        processID: second,
        status: 'accepted',
        polls: 0,
        behaviour: p.behaviour ?? { kind: 'succeed' },
        results: p.results ? p.results(inputs) : { return_value: JSON.stringify(inputs) },
        created: new Date().toISOString(),
      };
      ogc.jobs.set(jobID, job);
      return sendJson(res, 201, statusInfo(job, base), { location: `${base}jobs/${jobID}` });
    }
    if (first === 'jobs' && segments.length === 1 && m === 'GET') {
      return sendJson(res, 200, { jobs: [...ogc.jobs.values()].map((j) => statusInfo(j, base)), links: [] });
    }
    if (first === 'jobs' && second !== undefined && segments.length === 2) {
      const job = ogc.jobs.get(second);
      if (!job) return notFound(res, `no job ${second}`);
      if (m === 'DELETE') {
        job.status = 'dismissed';
        return sendJson(res, 200, statusInfo(job, base));
      }
      if (m === 'GET') {
        if (!advance(job)) return notFound(res, `no job ${second}`);
        return sendJson(res, 200, statusInfo(job, base));
      }
    }
    if (first === 'jobs' && second !== undefined && third === 'results' && fourth === undefined && m === 'GET') {
      const job = ogc.jobs.get(second);
      if (!job) return notFound(res, `no job ${second}`);
      if (job.status !== 'successful') {
        return sendJson(res, 404, { type: 'http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/result-not-ready', title: 'Not ready', status: 404, detail: `job ${second} is ${job.status}` });
      }
      return sendJson(res, 200, job.results);
    }
    return sendJson(res, 404, { title: 'Not found', status: 404, detail: `no route ${m} ${req.path}` });
  };
  return { ogc, handle };
}

/** Forwards a request to `target` (a base URL), passing the Host header along so links point back here. */
function forward(target: URL, req: RecordedRequest, res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const headers = { ...req.headers };
    delete headers['content-length'];
    const body = req.body === '' ? undefined : Buffer.from(req.body, 'utf8');
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...headers, ...(body ? { 'content-length': String(body.length) } : {}) },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('end', resolve);
        answer.on('error', () => {
          res.destroy();
          resolve();
        });
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) sendJson(res, 502, { title: 'Bad gateway', status: 502 });
      else res.destroy();
      resolve();
    });
    upstream.end(body);
  });
}

export async function startFaultServer(options: FaultServerOptions = {}): Promise<FaultServer> {
  const requests: RecordedRequest[] = [];
  const rules: FaultRule[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const mini = createMiniOgc(options.processes ?? []);
  const proxyTarget = options.proxyTo !== undefined ? new URL(options.proxyTo) : undefined;
  let base = '';

  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const normal = async (req: RecordedRequest, res: http.ServerResponse): Promise<void> => {
    if (proxyTarget) await forward(proxyTarget, req, res);
    else mini.handle(req, res, base);
  };

  const apply = async (fault: Fault | undefined, req: RecordedRequest, res: http.ServerResponse): Promise<void> => {
    if (fault === undefined) return normal(req, res);
    switch (fault.kind) {
      case 'respond': {
        const body = fault.body ?? '';
        res.writeHead(fault.status, {
          ...(fault.contentType !== undefined ? { 'content-type': fault.contentType } : {}),
          'content-length': Buffer.byteLength(body),
          ...fault.headers,
        });
        res.end(body);
        return;
      }
      case 'reset': {
        if (fault.afterBytes === undefined) {
          res.socket?.destroy();
          return;
        }
        const text = `{"jobs": [${'{"jobID": "x", "status": "running"}, '.repeat(1000)}`;
        res.writeHead(fault.status ?? 200, { 'content-type': fault.contentType ?? JSON_TYPE, 'content-length': String(text.length + 10_000) });
        res.write(text.slice(0, fault.afterBytes), () => later(20, () => res.socket?.destroy()));
        return;
      }
      case 'stall':
        return;
      case 'trickle-headers': {
        const head = `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-padding: ${'p'.repeat(10_000)}\r\ncontent-length: 2\r\n\r\n{}`;
        const socket = res.socket;
        if (!socket) return;
        // Raw bytes on the socket: node writes nothing of its own until res is used.
        let i = 0;
        const tick = () => {
          if (socket.destroyed || i >= head.length) return;
          socket.write(head[i++]!);
          later(fault.intervalMs, tick);
        };
        tick();
        return;
      }
      case 'stall-body': {
        res.writeHead(200, { 'content-type': fault.contentType ?? JSON_TYPE, 'content-length': String(fault.sendBytes + 1_000_000) });
        res.write('{"jobs": ['.padEnd(fault.sendBytes, ' '));
        return;
      }
      case 'trickle-body': {
        res.writeHead(200, { 'content-type': fault.contentType ?? JSON_TYPE });
        res.write('{"jobs": [');
        const tick = () => {
          if (res.destroyed) return;
          res.write(' ');
          later(fault.intervalMs, tick);
        };
        later(fault.intervalMs, tick);
        return;
      }
      case 'huge': {
        res.writeHead(fault.status ?? 200, {
          'content-type': fault.contentType ?? JSON_TYPE,
          ...(fault.declareLength === false ? {} : { 'content-length': String(fault.bytes) }),
        });
        // A valid JSON document (a job whose message is huge) or plain filler.
        const prefix = fault.json ? '{"jobID": "huge", "status": "running", "message": "' : '';
        const suffix = fault.json ? '"}' : '';
        await streamBytes(res, fault.bytes, prefix, suffix);
        return;
      }
      case 'redirect':
        res.writeHead(fault.status ?? 302, { location: fault.location, 'content-length': '0' });
        res.end();
        return;
      case 'delay':
        await new Promise<void>((resolve) => later(fault.ms, resolve));
        if (res.destroyed) return;
        return apply(fault.then, req, res);
      case 'handle':
        await fault.handle(req, res);
        return;
    }
  };

  const server = http.createServer({ keepAlive: true }, (req, res) =>
    recordRequest(req, (recorded) => {
      requests.push(recorded);
      let fault: Fault | undefined;
      for (let i = rules.length - 1; i >= 0; i--) {
        const rule = rules[i]!;
        if (rule.remaining > 0 && matches(rule, recorded.method, recorded.path)) {
          rule.remaining--;
          rule.hits++;
          fault = rule.fault;
          break;
        }
      }
      apply(fault, recorded, res).catch(() => res.destroy());
    }),
  );
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  base = `${origin}/`;
  let closing: Promise<void> | undefined;

  return {
    url: base,
    origin,
    port,
    requests,
    ogc: mini.ogc,
    inject(method, path, fault, opts = {}) {
      const rule: FaultRule = { method, path, fault, remaining: opts.times ?? Number.POSITIVE_INFINITY, hits: 0 };
      rules.push(rule);
      return rule;
    },
    clearFaults() {
      rules.length = 0;
    },
    requestsTo(method, path) {
      return requests.filter((r) => matches({ method, path }, r.method, r.path));
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
      return closing;
    },
  };
}

/** A plain process description: one required string input `message`, one string output. */
export function echoProcess(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    title: `Echo ${id}`,
    description: `Echoes its message (${id}).`,
    version: '1.0.0',
    jobControlOptions: ['async-execute', 'sync-execute', 'dismiss'],
    outputTransmission: ['value', 'reference'],
    inputs: {
      message: { title: 'Message', minOccurs: 1, maxOccurs: 1, schema: { type: 'string', maxLength: 100 } },
    },
    outputs: { return_value: { title: 'Echo', schema: { type: 'string' } } },
    ...extra,
  };
}
