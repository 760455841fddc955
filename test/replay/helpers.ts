// What the replay tests share: one request to a replay server, the error a
// read is refused with, and a bridge on a replay server (in process, or the
// built CLI over HTTP for the 2026-07-28 era), closed after each test.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach } from 'vitest';
import { connectEraClient, type EraClient } from '../e2e/era-client.js';
import { startHttpCli, type HttpCli } from '../http/helpers.js';
import { bridgeOn, type ConnectedBridge } from '../mcp/harness.js';
import { startReplayServer, type Dialect, type ReplayServer } from '../support/dialects/replay-server.js';

export interface ReplayInit {
  prefer?: string;
  body?: unknown;
}

/** One request to a replay server, its body read as JSON when there is one. */
export async function fetchReplay(server: ReplayServer, method: string, path: string, init: ReplayInit = {}) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.prefer) headers.prefer = init.prefer;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(new URL(path, server.url), { method, headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: text ? (JSON.parse(text) as any) : undefined };
}

/** The error `read` is refused with; fails the test when it is not refused. */
export async function refusal<E>(read: () => Promise<unknown>, what: string): Promise<E> {
  try {
    await read();
  } catch (error) {
    return error as E;
  }
  throw new Error(`${what} was read`);
}

export interface ReplaySessions {
  readonly replay: ReplayServer;
  readonly bridge: ConnectedBridge;
  /** The bridge in process (2025-11-25, v1 client) on the dialect's discovery and these scenarios. */
  start(scenarios: string[]): Promise<ConnectedBridge>;
  /** The built CLI over HTTP with a v2 client (2026-07-28) on the dialect's discovery and these scenarios. */
  startModern(scenarios: string[]): Promise<EraClient>;
  call(name: string, args: Record<string, unknown>): Promise<CallToolResult>;
}

/** Sessions on one dialect's replay server; whatever a test started is closed after it. */
export function replaySessions(dialect: Dialect): ReplaySessions {
  let replay: ReplayServer | undefined;
  let bridge: ConnectedBridge | undefined;
  let cli: HttpCli | undefined;
  let client: EraClient | undefined;
  afterEach(async () => {
    await client?.close();
    await cli?.stop();
    await bridge?.close();
    await replay?.close();
    [replay, bridge, cli, client] = [undefined, undefined, undefined, undefined];
  });
  const serve = async (scenarios: string[]) => (replay = await startReplayServer({ dialect, scenarios: ['discovery', ...scenarios] }));
  return {
    get replay() {
      return replay!;
    },
    get bridge() {
      return bridge!;
    },
    async start(scenarios) {
      bridge = await bridgeOn((await serve(scenarios)).url);
      await bridge.ctx.catalog.ready();
      return bridge;
    },
    async startModern(scenarios) {
      cli = await startHttpCli(['--server-url', (await serve(scenarios)).url, '--refresh-seconds', '0']);
      client = await connectEraClient('modern', { kind: 'http', url: cli.url }, `${dialect}-modern`);
      return client;
    },
    async call(name, args) {
      return (await bridge!.client.callTool({ name, arguments: args })) as CallToolResult;
    },
  };
}
