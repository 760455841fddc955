// An MCP session with the bridge over in-memory transports, from a client
// that declares the MCP Apps extension (or not).
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { buildConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { closeBridgeContext, createBridgeContext, type BridgeContext } from '../../src/mcp/context.js';
import { createBridgeServer } from '../../src/mcp/server.js';

export const UI_EXTENSION = { 'io.modelcontextprotocol/ui': { mimeTypes: ['text/html;profile=mcp-app'] } };

export interface Session {
  ctx: BridgeContext;
  client: Client;
  close(): Promise<void>;
}

export async function openSession(serverUrl: string, options: { apps: boolean; waitSeconds?: number }): Promise<Session> {
  const flags: Record<string, string> = { 'server-url': serverUrl, 'refresh-seconds': '0' };
  if (options.waitSeconds !== undefined) flags['wait-seconds'] = String(options.waitSeconds);
  const config = buildConfig(flags, {});
  const ctx = createBridgeContext({ ...config, serverUrl }, { logger: createLogger({ level: 'error', write: () => undefined }) });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createBridgeServer(ctx).connect(serverSide);
  const client = new Client({ name: options.apps ? 'apps-host' : 'plain-client', version: '0' }, { capabilities: options.apps ? { extensions: UI_EXTENSION } : {} });
  await client.connect(clientSide);
  return {
    ctx,
    client,
    async close() {
      await client.close();
      await closeBridgeContext(ctx);
    },
  };
}
