// An MCP session with the bridge over in-memory transports, from a client
// that declares the MCP Apps extension (or not).
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { closeBridgeContext, type BridgeContext } from '../../src/mcp/context.js';
import { createBridgeServer } from '../../src/mcp/server.js';
import { contextFor } from '../mcp/harness.js';

export const UI_EXTENSION = { 'io.modelcontextprotocol/ui': { mimeTypes: ['text/html;profile=mcp-app'] } };

export interface Session {
  ctx: BridgeContext;
  client: Client;
  close(): Promise<void>;
}

export async function openSession(serverUrl: string, options: { apps: boolean; waitSeconds?: number }): Promise<Session> {
  const env = options.waitSeconds === undefined ? {} : { OGC_WAIT_SECONDS: String(options.waitSeconds) };
  const ctx = contextFor(serverUrl, { env, level: 'error' });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createBridgeServer(ctx).connect(serverSide);
  const capabilities = options.apps ? { extensions: UI_EXTENSION } : {};
  const client = new Client({ name: options.apps ? 'apps-host' : 'plain-client', version: '0' }, { capabilities });
  await client.connect(clientSide);
  const close = async () => {
    await client.close();
    await closeBridgeContext(ctx);
  };
  return { ctx, client, close };
}
