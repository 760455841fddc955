// The least an MCP bridge can cost: an SDK Server over stdio with one tool,
// primes_between, whose call sends the request straight (undici, as
// lib/direct.ts does) and answers with the parsed JSON. No validation, no
// planning, no results translation: what is left is the MCP round trip and
// one HTTP request from inside a tool handler. Options as JSON in argv[2].
import { Server } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { directClient } from '../lib/direct.js';

const { serverUrl, prefer } = JSON.parse(process.argv[2] ?? '{}') as { serverUrl: string; prefer?: string };
const direct = directClient(serverUrl);

const handle = serveStdio(() => {
  const server = new Server({ name: 'floor-bridge', version: '1.0.0' }, { capabilities: { tools: {} } });
  server.setRequestHandler('tools/list', () => ({
    tools: [{ name: 'primes_between', inputSchema: { type: 'object', properties: { min_val: { type: 'integer' }, max_val: { type: 'integer' } } } }],
  }));
  server.setRequestHandler('tools/call', async (request) => {
    const doc = await direct.executeSync(request.params.name, request.params.arguments ?? {}, prefer);
    return { content: [{ type: 'text', text: JSON.stringify(doc) }], structuredContent: doc as Record<string, unknown> };
  });
  return server;
});
process.stdin.once('end', () => void handle.close().finally(() => void direct.close()));
