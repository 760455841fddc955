// The built CLI (dist/cli.js) spawned the way an MCP client runs it, spoken to
// by the SDK's Client over stdio or Streamable HTTP; plus what the reliability
// tests need on top: the child's pid (for its memory), all of its stderr, and
// a raw JSON-RPC line channel for messages the SDK Client would refuse to send.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { connectEraClient, type Era, type EraClient } from '../e2e/era-client.js';
import { repoRoot } from '../support/repo.js';

export const cliPath = path.join(repoRoot, 'dist', 'cli.js');

export function assertBuilt(): void {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` (npm test does it first).`);
}

export interface SpawnedSession {
  client: Client;
  pid: number;
  stderr(): string;
  close(): Promise<void>;
}

/** The environment a spawned CLI gets: PATH and HOME only, plus what the test gives (no stray OGC_* of the host). */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...(process.env.PATH !== undefined ? { PATH: process.env.PATH } : {}),
    ...(process.env.HOME !== undefined ? { HOME: process.env.HOME } : {}),
    ...extra,
  };
}

/** `node dist/cli.js ...args` over stdio, with the SDK Client connected. */
export async function spawnStdio(args: string[], env: Record<string, string> = {}): Promise<SpawnedSession> {
  assertBuilt();
  const transport = new StdioClientTransport({ command: process.execPath, args: [cliPath, ...args], env: cleanEnv(env), stderr: 'pipe' });
  let errText = '';
  (transport.stderr as Readable | null)?.on('data', (chunk: Buffer) => (errText += chunk.toString('utf8')));
  const client = new Client({ name: 'reliability', version: '1.0.0' });
  await client.connect(transport);
  // The SDK keeps the child private; its pid is what /proc needs.
  const pid = (transport as unknown as { _process?: { pid?: number } })._process?.pid;
  if (pid === undefined) throw new Error('no pid for the spawned CLI');
  return { client, pid, stderr: () => errText, close: () => client.close() };
}

/** `node dist/cli.js ...args` over stdio, with an SDK Client of `era` connected (v2 pinned to 2026-07-28 for modern). */
export async function spawnStdioEra(era: Era, args: string[], env: Record<string, string> = {}): Promise<Omit<SpawnedSession, 'client'> & { client: EraClient }> {
  assertBuilt();
  let errText = '';
  const client = await connectEraClient(era, { kind: 'stdio', command: process.execPath, args: [cliPath, ...args], env: cleanEnv(env), onStderr: (chunk) => (errText += chunk) }, 'reliability');
  if (client.pid === undefined) throw new Error('no pid for the spawned CLI');
  return { client, pid: client.pid, stderr: () => errText, close: () => client.close() };
}

export interface SpawnedHttp {
  pid: number;
  /** The MCP endpoint the CLI logged. */
  url: string;
  stderr(): string;
  /** A new SDK Client with its own session. */
  connect(): Promise<Client>;
  /** A new SDK Client of `era` (a session for 2025-11-25; none for 2026-07-28). */
  connectEra(era: Era): Promise<EraClient>;
  /** SIGTERM, then wait for the exit. */
  close(): Promise<number | null>;
}

/** `node dist/cli.js --transport http --port 0 ...args`, waiting for the URL it logs. */
export async function spawnHttp(args: string[], env: Record<string, string> = {}): Promise<SpawnedHttp> {
  assertBuilt();
  const child = spawn(process.execPath, [cliPath, '--transport', 'http', '--port', '0', ...args], {
    env: cleanEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errText = '';
  let outText = '';
  child.stderr.on('data', (chunk: Buffer) => (errText += chunk.toString('utf8')));
  child.stdout.on('data', (chunk: Buffer) => (outText += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no MCP URL logged in 20 s; stderr:\n${errText}\nstdout:\n${outText}`)), 20_000);
    const look = () => {
      const found = /MCP Streamable HTTP on (http:\/\/\S+\/mcp)/.exec(errText);
      if (found) {
        clearTimeout(timer);
        child.stderr.off('data', look);
        resolve(found[1]!);
      }
    };
    child.stderr.on('data', look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the CLI exited with ${code} before listening; stderr:\n${errText}`));
    });
  });
  const clients: { close(): Promise<void> }[] = [];
  return {
    pid: child.pid!,
    url,
    stderr: () => errText,
    async connect() {
      const client = new Client({ name: 'reliability-http', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(url)));
      clients.push(client);
      return client;
    },
    async connectEra(era) {
      const client = await connectEraClient(era, { kind: 'http', url }, 'reliability-http');
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.allSettled(clients.map((c) => c.close()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Resident and peak resident memory of a process, in bytes (Linux /proc). */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Raw JSON-RPC over the CLI's stdio: write any line, read every line it
 * answers. For messages the SDK Client would never send.
 */
export class RawStdio {
  readonly child: ChildProcessWithoutNullStreams;
  readonly lines: string[] = [];
  private stderrText = '';
  private pending = '';
  private waiters = new Map<string, (message: Record<string, unknown>) => void>();
  readonly exited: Promise<number | null>;

  constructor(args: string[], env: Record<string, string> = {}) {
    assertBuilt();
    this.child = spawn(process.execPath, [cliPath, ...args], { env: cleanEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderrText += chunk.toString('utf8')));
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.pending += chunk.toString('utf8');
      let nl: number;
      while ((nl = this.pending.indexOf('\n')) !== -1) {
        const line = this.pending.slice(0, nl);
        this.pending = this.pending.slice(nl + 1);
        this.lines.push(line);
        let message: Record<string, unknown> | undefined;
        try {
          message = JSON.parse(line) as Record<string, unknown>;
        } catch {
          continue;
        }
        const key = JSON.stringify(message.id ?? null);
        const waiter = this.waiters.get(key);
        if (waiter && ('result' in message || 'error' in message)) {
          this.waiters.delete(key);
          waiter(message);
        }
      }
    });
  }

  get stderr(): string {
    return this.stderrText;
  }

  /** Writes one line (a newline is added). */
  write(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  /** Sends a request with this id (any JSON value) and waits for the answer with that id. */
  request(message: Record<string, unknown>, timeoutMs = 30_000): Promise<Record<string, unknown>> {
    return this.requestLine(message.id ?? null, JSON.stringify({ jsonrpc: '2.0', ...message }), timeoutMs);
  }

  /** Sends a prebuilt line (e.g. JSON too deep to stringify here) and waits for the answer with this id (any JSON value). */
  requestLine(id: unknown, line: string, timeoutMs = 30_000): Promise<Record<string, unknown>> {
    const key = JSON.stringify(id);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(key);
        reject(new Error(`no answer to id ${key} in ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(key, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      this.write(line);
    });
  }

  async initialize(): Promise<void> {
    const answer = await this.request({
      id: 'init',
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
    });
    if (!('result' in answer)) throw new Error(`initialize failed: ${JSON.stringify(answer)}`);
    this.write(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }));
  }

  async close(): Promise<number | null> {
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }
}
