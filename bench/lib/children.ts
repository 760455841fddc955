// The processes a benchmark talks to: the demo OGC server (and a bare HTTP
// server) in child processes, and the bridge itself, spawned from dist/cli.js
// exactly as an MCP client would, over stdio or Streamable HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Readable } from 'node:stream';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { Client as ModernClient, StreamableHTTPClientTransport as ModernHttpTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport as ModernStdioTransport } from '@modelcontextprotocol/client/stdio';
import type { DemoServerOptions } from '../../src/demo/index.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// BENCH_DIST points at another build of the bridge (e.g. one made before a change, to compare).
export const cliPath = path.resolve(repoRoot, process.env.BENCH_DIST ?? 'dist', 'cli.js');
export const coldBaselinePath = path.join(repoRoot, 'dist-bench', 'cold-baseline.js');
const childrenDir = path.join(repoRoot, 'bench', 'children');

/**
 * With `npm run bench -- --profile`, run.ts names a directory per section here
 * and every bridge it spawns writes a V8 CPU profile into it.
 */
export function profileArgs(): string[] {
  const dir = process.env.BENCH_PROFILE_DIR;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

export function assertBuilt(): void {
  for (const file of [cliPath, coldBaselinePath]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run bench\` (it builds first).`);
  }
}

export interface ChildServer {
  url: string;
  pid: number;
  close(): Promise<void>;
}

/** Runs a TypeScript child (through tsx) that prints `{"url": ...}` on its first stdout line. */
async function startTsChild(script: string, args: string[]): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(childrenDir, script), ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
    cwd: repoRoot,
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const newline = buffered.indexOf('\n');
      if (newline < 0) return;
      child.stdout!.off('data', onData);
      try {
        resolve((JSON.parse(buffered.slice(0, newline)) as { url: string }).url);
      } catch (error) {
        reject(error as Error);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it listened`)));
  });
  child.stdout!.resume();
  return { url, pid: child.pid!, close: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.stdin?.end();
    child.kill('SIGTERM');
  });
}

export function startDemoChild(options: DemoServerOptions = {}): Promise<ChildServer> {
  return startTsChild('demo-server.ts', [JSON.stringify(options)]);
}

export function startBareChild(): Promise<ChildServer> {
  return startTsChild('bare-server.ts', []);
}

export interface BridgeSession {
  client: Client;
  pid: number;
  close(): Promise<void>;
}

const CLIENT_INFO = { name: 'ogc-processes-mcp-bench', version: '1.0.0' };

/** Spawns `node ARGS` and connects the SDK Client to it over stdio. */
async function connectStdio(args: string[], clientOptions: { maxBufferSize?: number } = {}): Promise<BridgeSession> {
  const transport = new StdioClientTransport({
    ...clientOptions,
    command: process.execPath,
    args,
    env: { PATH: process.env.PATH ?? '' },
    stderr: 'pipe',
    cwd: repoRoot,
  });
  (transport.stderr as Readable | null)?.resume();
  const client = new Client(CLIENT_INFO);
  await client.connect(transport);
  return { client, pid: transport.pid!, close: () => client.close() };
}

/** Spawns `node dist/cli.js --server-url URL ...` and connects the SDK Client over stdio. */
export function startStdioBridge(
  serverUrl: string,
  extraArgs: string[] = [],
  nodeArgs: string[] = [],
  clientOptions: { maxBufferSize?: number } = {},
): Promise<BridgeSession> {
  return connectStdio([...profileArgs(), ...nodeArgs, cliPath, '--server-url', serverUrl, ...extraArgs], clientOptions);
}

/**
 * The floor of any MCP bridge (children/floor-bridge.ts): an SDK tool that
 * only sends the request straight, spawned through tsx and driven by the same
 * Client over stdio as the bridge.
 */
export function startFloorBridge(serverUrl: string, prefer?: string): Promise<BridgeSession> {
  return connectStdio(['--import', 'tsx', path.join(childrenDir, 'floor-bridge.ts'), JSON.stringify({ serverUrl, ...(prefer ? { prefer } : {}) })]);
}

/** The v2 SDK Client pinned to MCP 2026-07-28 (server/discover, the per-request envelope, no session). */
const MODERN = { versionNegotiation: { mode: { pin: '2026-07-28' } } } as const;

export interface ModernBridgeSession {
  client: ModernClient;
  pid: number;
  close(): Promise<void>;
}

/** startStdioBridge with a 2026-07-28 client (its probe runs in a short-lived sibling process first). */
export async function startStdioBridgeModern(serverUrl: string, extraArgs: string[] = []): Promise<ModernBridgeSession> {
  const transport = new ModernStdioTransport({
    command: process.execPath,
    args: [...profileArgs(), cliPath, '--server-url', serverUrl, ...extraArgs],
    env: { PATH: process.env.PATH ?? '' },
    stderr: 'pipe',
    cwd: repoRoot,
  });
  (transport.stderr as Readable | null)?.resume();
  const client = new ModernClient(CLIENT_INFO, MODERN);
  await client.connect(transport);
  return { client, pid: transport.pid!, close: () => client.close() };
}

export async function connectHttpClientModern(mcpUrl: string): Promise<ModernClient> {
  const client = new ModernClient(CLIENT_INFO, MODERN);
  await client.connect(new ModernHttpTransport(new URL(mcpUrl), { fetch: fetchWithOwnSignal }));
  return client;
}

export interface HttpBridge {
  /** The MCP endpoint, http://127.0.0.1:PORT/mcp */
  url: string;
  pid: number;
  close(): Promise<void>;
}

/** Spawns the bridge with `--transport http --port 0` and reads its endpoint from its log. */
export async function startHttpBridge(serverUrl: string, extraArgs: string[] = [], nodeArgs: string[] = []): Promise<HttpBridge> {
  const child = spawn(
    process.execPath,
    [...profileArgs(), ...nodeArgs, cliPath, '--server-url', serverUrl, '--transport', 'http', '--host', '127.0.0.1', '--port', '0', '--shutdown-grace-seconds', '1', ...extraArgs],
    { stdio: ['ignore', 'ignore', 'pipe'], cwd: repoRoot, env: { PATH: process.env.PATH ?? '' } },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const match = /Streamable HTTP on (http:\/\/\S+\/mcp)/.exec(text);
      if (!match) return;
      child.stderr!.off('data', onData);
      resolve(match[1]!);
    };
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the HTTP bridge exited with ${code}: ${text.slice(-500)}`)));
  });
  child.stderr!.resume();
  return { url, pid: child.pid!, close: () => stopChild(child) };
}

/**
 * fetch for the SDK's HTTP client transport. The transport hands every request
 * the same long-lived AbortSignal, and Node's fetch leaves one listener on it
 * per request until garbage collection: past 1,500 each request also prints a
 * MaxListenersExceeded warning, which would slow the client (and only the
 * client) more and more as a benchmark runs. Each request gets a signal of its
 * own instead, tied to the transport's until the response has arrived.
 */
const fetchWithOwnSignal: typeof fetch = async (input, init) => {
  const outer = init?.signal;
  if (!outer) return fetch(input, init);
  const inner = new AbortController();
  const onAbort = () => inner.abort(outer.reason);
  if (outer.aborted) onAbort();
  else outer.addEventListener('abort', onAbort, { once: true });
  try {
    return await fetch(input, { ...init, signal: inner.signal });
  } finally {
    // A GET is the standing SSE stream: it stays tied, so that close() ends it.
    if ((init?.method ?? 'GET') !== 'GET') outer.removeEventListener('abort', onAbort);
  }
};

export async function connectHttpClient(mcpUrl: string): Promise<Client> {
  const client = new Client(CLIENT_INFO);
  await client.connect(new StreamableHTTPClientTransport(new URL(mcpUrl), { fetch: fetchWithOwnSignal }));
  return client;
}

/** Peak (VmHWM) and current (VmRSS) resident set size of a process, in MB. */
export function rssOf(pid: number): { peakMb: number; currentMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { peakMb: kb('VmHWM') / 1024, currentMb: kb('VmRSS') / 1024 };
}
