// Shared by the Streamable HTTP tests: the built CLI started with
// --transport http, the real transport started in-process over a real demo
// OGC server, SDK clients over HTTP, and raw HTTP requests (node:http, which,
// unlike fetch, lets a test send any Host header).
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { parseCommandLine, type Config } from '../../src/config.js';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { closeBridgeContext, createBridgeContext, type BridgeContext } from '../../src/mcp/context.js';
import { createBridgeServer } from '../../src/mcp/server.js';
import { startHttpTransport, type HttpTransport } from '../../src/mcp/transports/http.js';
import { createLogger } from '../../src/log.js';
import { assertBuilt, cliPath } from '../e2e/helpers.js';

export { callTool, eventually, structured, textOf } from '../e2e/helpers.js';

// ---------------------------------------------------------------- built CLI

export interface HttpCli {
  /** The MCP endpoint the CLI reported, e.g. http://127.0.0.1:PORT/mcp. */
  url: string;
  child: ChildProcess;
  stderr(): string;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
}

/** Starts `node dist/cli.js --transport http --port 0 ...args` and waits for its endpoint line. */
export async function startHttpCli(args: string[], env: Record<string, string> = {}): Promise<HttpCli> {
  assertBuilt();
  const child = spawn(process.execPath, [cliPath, '--transport', 'http', '--host', '127.0.0.1', '--port', '0', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errText = '';
  child.stderr!.setEncoding('utf8');
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk: string) => {
      errText += chunk;
      const m = /MCP Streamable HTTP on (http:\/\/\S+\/mcp)/.exec(errText);
      if (m) resolve(m[1]!);
    });
    void exited.then((code) => reject(new Error(`the CLI exited (${code}) before listening:\n${errText}`)));
  });
  return {
    url,
    child,
    stderr: () => errText,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

// ------------------------------------------------------ in-process transport

export interface InProcess {
  url: string;
  demo: DemoServer;
  ctx: BridgeContext;
  http: HttpTransport;
  /** Every log line written so far. */
  log(): string;
  /** SDK Servers made by the transport and not closed yet. */
  openServers(): number;
  close(): Promise<void>;
}

/** The real HTTP transport on 127.0.0.1:0, bridging a real demo server started for it. */
export async function startInProcess(flags: string[] = [], env: Record<string, string> = {}): Promise<InProcess> {
  const demo = await startDemoServer({ port: 0 });
  const command = parseCommandLine(['--server-url', demo.url, '--transport', 'http', '--host', '127.0.0.1', '--port', '0', ...flags], env);
  if (command.kind !== 'serve') throw new Error(`unexpected command ${command.kind}`);
  const config = command.config as Config & { serverUrl: string };
  let lines = '';
  const logger = createLogger({ level: 'debug', write: (line) => void (lines += line), secrets: config.http.token ? [config.http.token] : [] });
  const ctx = createBridgeContext(config, { logger });
  let openServers = 0;
  const http = await startHttpTransport(
    config.http,
    (sessionLogger, options) => {
      const server = createBridgeServer({ ...ctx, logger: sessionLogger }, options);
      openServers++;
      const previous = server.onclose;
      server.onclose = () => {
        previous?.();
        openServers--;
      };
      return server;
    },
    logger,
    ctx.catalog,
  );
  return {
    url: http.url,
    openServers: () => openServers,
    demo,
    ctx,
    http,
    log: () => lines,
    async close() {
      await http.close();
      await closeBridgeContext(ctx);
      await demo.close();
    },
  };
}

// -------------------------------------------------------------- SDK clients

export interface RecordedClient {
  client: Client;
  transport: StreamableHTTPClientTransport;
  /** Every JSON-RPC message this client received, from any of its streams. */
  received: JSONRPCMessage[];
  close(): Promise<void>;
}

/** An SDK Client over Streamable HTTP that also records every message it receives. */
export async function connectClient(
  url: string,
  options: { token?: string; name?: string; /** Never open the GET stream (as if the server had none). */ noGetStream?: boolean } = {},
): Promise<RecordedClient> {
  const received: JSONRPCMessage[] = [];
  const recording = recordingFetch(received);
  const fetchFn: typeof fetch = options.noGetStream
    ? async (input, init) => ((init?.method ?? 'GET') === 'GET' ? new Response(null, { status: 405 }) : recording(input, init))
    : recording;
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    ...(options.token ? { requestInit: { headers: { Authorization: `Bearer ${options.token}` } } } : {}),
    fetch: fetchFn,
  });
  const client = new Client({ name: options.name ?? 'http-test', version: '1.0.0' });
  await client.connect(transport);
  return {
    client,
    transport,
    received,
    async close() {
      await transport.terminateSession().catch(() => undefined);
      await client.close();
    },
  };
}

/** fetch that hands the response on unchanged and parses a copy of its body into `into`. */
function recordingFetch(into: JSONRPCMessage[]): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!response.body) return response;
    const [mine, theirs] = response.body.tee();
    void collectMessages(theirs, response.headers.get('content-type') ?? '', into);
    return new Response(mine, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

async function collectMessages(stream: ReadableStream<Uint8Array>, contentType: string, into: JSONRPCMessage[]): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  const sse = contentType.includes('text/event-stream');
  const flushEvents = () => {
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = event
        .split('\n')
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trimStart())
        .join('\n');
      if (data) into.push(JSON.parse(data) as JSONRPCMessage);
    }
  };
  try {
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      if (sse) flushEvents();
    }
    if (!sse && contentType.includes('json') && buffer.trim()) {
      const parsed = JSON.parse(buffer) as JSONRPCMessage | JSONRPCMessage[];
      into.push(...(Array.isArray(parsed) ? parsed : [parsed]));
    }
  } catch {
    // The client closed the stream: what was read is kept.
  }
}

// ------------------------------------------------------------- raw requests

export interface RawReply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json(): any;
}

export interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body in chunks without Content-Length. */
  chunked?: boolean;
}

/** One request with node:http, Host header included as given. */
export function rawRequest(url: string, req: RawRequest = {}): Promise<RawReply> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...req.headers };
    if (req.body !== undefined && !req.chunked) headers['Content-Length'] = String(Buffer.byteLength(req.body));
    const r = httpRequest(
      { host: u.hostname, port: u.port, method: req.method ?? 'POST', path: req.path ?? u.pathname, headers, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) }));
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    if (req.body !== undefined) {
      if (req.chunked) {
        const body = Buffer.from(req.body);
        for (let i = 0; i < body.length; i += 16 * 1024) r.write(body.subarray(i, i + 16 * 1024));
      } else r.write(req.body);
    }
    r.end();
  });
}

export const MCP_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' } as const;

export function initializeBody(id: number | string = 1): string {
  return JSON.stringify({
    jsonrpc: '2.0',
    id,
    method: 'initialize',
    params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
  });
}
