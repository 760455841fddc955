// A minimal MCP client over stdio, without the SDK: JSON-RPC lines in and
// out. Used where the SDK Client's own work (zod-parsing a 1,000-tool list,
// compiling output validators) would be counted against the bridge.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cliPath, profileArgs, repoRoot } from './children.js';

export interface RawSession {
  pid: number;
  /** Sends a request and resolves with the parsed response line. */
  request(method: string, params?: Record<string, unknown>): Promise<{ result?: unknown; error?: unknown }>;
  close(): Promise<void>;
}

export function startRawStdioBridge(serverUrl: string, extraArgs: string[] = []): Promise<RawSession> {
  return startRawStdioBridgeWith(['--server-url', serverUrl, ...extraArgs]);
}

/** The bridge with these arguments exactly (several --server flags, --demo, ...). */
export async function startRawStdioBridgeWith(args: string[]): Promise<RawSession> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [...profileArgs(), cliPath, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '' },
  });
  child.stderr.resume();
  const waiting = new Map<number, (message: { result?: unknown; error?: unknown }) => void>();
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    let at = chunk.indexOf(10);
    if (at < 0) {
      chunks.push(chunk);
      return;
    }
    let rest = chunk;
    while (at >= 0) {
      chunks.push(rest.subarray(0, at));
      const line = Buffer.concat(chunks).toString('utf8');
      chunks.length = 0;
      const message = JSON.parse(line) as { id?: number; result?: unknown; error?: unknown };
      if (typeof message.id === 'number') waiting.get(message.id)?.(message);
      rest = rest.subarray(at + 1);
      at = rest.indexOf(10);
    }
    if (rest.length > 0) chunks.push(rest);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let nextId = 1;
  const request: RawSession['request'] = (method, params) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, (message) => {
        waiting.delete(id);
        resolve(message);
      });
      child.once('exit', (code) => reject(new Error(`the bridge exited (${code}) before answering ${method}`)));
      child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, ...(params ? { params } : {}) })}\n`);
    });
  const init = await request('initialize', {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'ogc-processes-mcp-bench', version: '1.0.0' },
  });
  if (init.error) throw new Error(`initialize failed: ${JSON.stringify(init.error)}`);
  child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
  return {
    pid: child.pid!,
    request,
    async close() {
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
