// Shared by the demo-server tests: a server per test file and small HTTP helpers.
import { afterAll, beforeAll } from 'vitest';
import { startDemoServer, type DemoServer, type DemoServerOptions } from '../../src/demo/index.js';

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

/** Starts a demo server for the enclosing describe/file and closes it afterwards. */
export function useDemoServer(options: DemoServerOptions = {}): () => DemoServer {
  let server: DemoServer | undefined;
  beforeAll(async () => {
    server = await startDemoServer(options);
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('demo server not started');
    return server;
  };
}

export async function call(url: string, init?: RequestInit): Promise<Reply> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json') && text.length > 0) body = JSON.parse(text);
  return { status: response.status, headers: response.headers, body, text };
}

export function execute(
  server: DemoServer,
  processId: string,
  request: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return call(`${server.url}processes/${encodeURIComponent(processId)}/execution`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof request === 'string' ? request : JSON.stringify(request),
  });
}

export function executeAsync(server: DemoServer, processId: string, inputs: Record<string, unknown> = {}): Promise<Reply> {
  return execute(server, processId, { inputs }, { Prefer: 'respond-async' });
}

export const FINAL_STATUSES = new Set(['successful', 'failed', 'dismissed']);

/**
 * Polls a job until `done` holds for its status document, handing every
 * observation to `onStatus`. No deadline of its own: the test timeout is the bound.
 */
export async function pollJob(
  server: DemoServer,
  jobId: string,
  done: (status: any) => boolean = (s) => FINAL_STATUSES.has(s.status),
  onStatus?: (status: any) => void,
): Promise<any> {
  for (;;) {
    const reply = await call(`${server.url}jobs/${jobId}`);
    if (reply.status !== 200) throw new Error(`GET job ${jobId}: ${reply.status} ${reply.text}`);
    onStatus?.(reply.body);
    if (done(reply.body)) return reply.body;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
