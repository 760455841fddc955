// An in-process bridge (createBridgeContext + createBridgeServer) spoken to by
// the SDK's Client over an in-memory transport, with every log line captured.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { LoggingMessageNotificationSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { buildConfig, secretsOf } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { closeBridgeContext, createBridgeContext, type BridgeContext } from '../../src/mcp/context.js';
import { createBridgeServer } from '../../src/mcp/server.js';

export interface InProcessBridge {
  ctx: BridgeContext;
  client: Client;
  /** Every line the logger wrote (what stderr would carry). */
  logLines: string[];
  /** Every notifications/message the client received. */
  clientLogs: string[];
  call(name: string, args?: unknown): Promise<CallToolResult>;
  close(): Promise<void>;
}

/** Flags as the CLI takes them (without the leading --), e.g. {'timeout-seconds': '0.5'}. */
export async function startBridge(
  serverUrl: string,
  flags: Record<string, string> = {},
  env: NodeJS.ProcessEnv = {},
): Promise<InProcessBridge> {
  const config = buildConfig({ 'server-url': serverUrl, 'refresh-seconds': '0', ...flags }, env);
  const logLines: string[] = [];
  const logger = createLogger({ level: 'debug', secrets: secretsOf(config), write: (line) => void logLines.push(line) });
  const ctx = createBridgeContext({ ...config, serverUrl }, { logger });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const server = createBridgeServer(ctx);
  await server.connect(serverSide);
  const client = new Client({ name: 'reliability', version: '0' });
  const clientLogs: string[] = [];
  client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
    clientLogs.push(typeof n.params.data === 'string' ? n.params.data : JSON.stringify(n.params.data));
  });
  await client.connect(clientSide);
  await client.setLoggingLevel('debug');
  return {
    ctx,
    client,
    logLines,
    clientLogs,
    call: async (name, args = {}) =>
      (await client.callTool({ name, arguments: args as Record<string, unknown> }, undefined, { timeout: 120_000 })) as CallToolResult,
    async close() {
      await client.close();
      await closeBridgeContext(ctx);
    },
  };
}

export function textOf(result: CallToolResult): string {
  return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}

/** The start of a result's text, for assertion messages (a failing result may be megabytes). */
export function brief(result: CallToolResult): string {
  const text = textOf(result);
  return text.length > 600 ? `${text.slice(0, 600)}… (${text.length} characters)` : text;
}

/** Runs `fn` and returns its value with the time it took (measured, never asserted tightly). */
export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}
