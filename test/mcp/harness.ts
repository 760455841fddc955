// The usual setup of the bridge tests: a BridgeContext on an OGC server's URL
// (catalog refresh off, log lines dropped unless a test wants them) and SDK
// Clients connected to createBridgeServer through in-memory transports.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { buildConfig } from '../../src/config.js';
import { createLogger, type LogLevel } from '../../src/log.js';
import { closeBridgeContext, createBridgeContext, type BridgeContext } from '../../src/mcp/context.js';
import { createBridgeServer } from '../../src/mcp/server.js';

export interface ContextOptions {
  /** Environment as the CLI reads it, e.g. { OGC_INCLUDE: 'primes_*' }. */
  env?: NodeJS.ProcessEnv;
  /** Logger level (default warning). */
  level?: LogLevel;
  /** Where log lines go (default: nowhere). */
  write?: (line: string) => void;
}

export function contextFor(serverUrl: string, options: ContextOptions = {}): BridgeContext {
  const config = buildConfig({ 'server-url': serverUrl, 'refresh-seconds': '0' }, options.env ?? {});
  const logger = createLogger({ level: options.level ?? 'warning', write: options.write ?? (() => undefined) });
  return createBridgeContext({ ...config, serverUrl }, { logger });
}

/** A new session on `ctx`: its own Server, and a Client connected to it. */
export async function connect(ctx: BridgeContext): Promise<Client> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createBridgeServer(ctx).connect(serverSide);
  const client = new Client({ name: 'unit', version: '0' });
  await client.connect(clientSide);
  return client;
}

export interface ConnectedBridge {
  ctx: BridgeContext;
  client: Client;
  /** Closes the client, then the context. */
  close(): Promise<void>;
}

/** contextFor + connect, for a test file with one session. */
export async function bridgeOn(serverUrl: string, options: ContextOptions = {}): Promise<ConnectedBridge> {
  const ctx = contextFor(serverUrl, options);
  const client = await connect(ctx);
  return {
    ctx,
    client,
    async close() {
      await client.close();
      await closeBridgeContext(ctx);
    },
  };
}

/** The text blocks of a result, one per line. */
export function textOf(result: CallToolResult): string {
  return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}
