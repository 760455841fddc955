// A light MCP client for Streamable HTTP: one session, JSON-RPC POSTs sent
// with undici, responses read whole (JSON or a short SSE stream). The
// throughput load generator uses it so that 64 clients in the bench process
// cost about what 64 direct undici loops cost, and the comparison measures
// the bridge rather than the client library.
import { Agent } from 'undici';

export interface RawHttpSession {
  call(method: string, params?: Record<string, unknown>): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

const PROTOCOL_VERSION = '2025-06-18';

/** The JSON-RPC response with `id` in a JSON or text/event-stream body. */
function responseIn(contentType: string, text: string, id: number): Record<string, unknown> | undefined {
  const messages: unknown[] = [];
  if (contentType.includes('text/event-stream')) {
    for (const line of text.split('\n')) if (line.startsWith('data:')) messages.push(JSON.parse(line.slice(5)));
  } else if (text.trim() !== '') {
    const parsed = JSON.parse(text) as unknown;
    messages.push(...(Array.isArray(parsed) ? parsed : [parsed]));
  }
  return messages.find((m) => (m as { id?: unknown }).id === id) as Record<string, unknown> | undefined;
}

export async function openRawHttpSession(mcpUrl: string, agent: Agent): Promise<RawHttpSession> {
  const url = new URL(mcpUrl);
  let sessionId: string | undefined;
  let nextId = 1;

  async function post(body: unknown): Promise<{ status: number; contentType: string; text: string; headers: Record<string, unknown> }> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': PROTOCOL_VERSION,
    };
    if (sessionId) headers['mcp-session-id'] = sessionId;
    const response = await agent.request({ origin: url.origin, path: url.pathname, method: 'POST', headers, body: JSON.stringify(body) });
    const text = await response.body.text();
    const contentType = String(response.headers['content-type'] ?? '');
    return { status: response.statusCode, contentType, text, headers: response.headers };
  }

  async function call(method: string, params?: Record<string, unknown>): Promise<Record<string, unknown>> {
    const id = nextId++;
    const reply = await post({ jsonrpc: '2.0', id, method, ...(params ? { params } : {}) });
    if (reply.status !== 200) throw new Error(`${method}: HTTP ${reply.status}: ${reply.text.slice(0, 200)}`);
    const message = responseIn(reply.contentType, reply.text, id);
    if (!message) throw new Error(`${method}: no response in ${reply.text.slice(0, 200)}`);
    if (message.error) throw new Error(`${method}: ${JSON.stringify(message.error)}`);
    return message.result as Record<string, unknown>;
  }

  const init = await post({
    jsonrpc: '2.0',
    id: nextId++,
    method: 'initialize',
    params: { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'ogc-processes-mcp-bench', version: '1.0.0' } },
  });
  if (init.status !== 200) throw new Error(`initialize: HTTP ${init.status}: ${init.text.slice(0, 200)}`);
  const header = init.headers['mcp-session-id'];
  sessionId = typeof header === 'string' ? header : undefined;
  const initialized = await post({ jsonrpc: '2.0', method: 'notifications/initialized' });
  if (initialized.status >= 300) throw new Error(`notifications/initialized: HTTP ${initialized.status}`);

  return {
    call,
    async close() {
      if (!sessionId) return;
      const headers = { 'mcp-session-id': sessionId, 'mcp-protocol-version': PROTOCOL_VERSION };
      const response = await agent.request({ origin: url.origin, path: url.pathname, method: 'DELETE', headers });
      await response.body.dump();
    },
  };
}

const MODERN_VERSION = '2026-07-28';

/**
 * The same light client for MCP 2026-07-28: no handshake and no session; every
 * request carries the _meta envelope and the standard headers (MCP-Protocol-Version,
 * Mcp-Method, Mcp-Name), as the v2 SDK Client sends them.
 */
export function openRawModernHttp(mcpUrl: string, agent: Agent): RawHttpSession {
  const url = new URL(mcpUrl);
  let nextId = 1;
  const envelope = {
    'io.modelcontextprotocol/protocolVersion': MODERN_VERSION,
    'io.modelcontextprotocol/clientInfo': { name: 'ogc-processes-mcp-bench', version: '1.0.0' },
    'io.modelcontextprotocol/clientCapabilities': {},
  };
  return {
    async call(method, params = {}) {
      const id = nextId++;
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-protocol-version': MODERN_VERSION,
        'mcp-method': method,
      };
      if (typeof params.name === 'string') headers['mcp-name'] = params.name;
      const body = JSON.stringify({ jsonrpc: '2.0', id, method, params: { ...params, _meta: envelope } });
      const response = await agent.request({ origin: url.origin, path: url.pathname, method: 'POST', headers, body });
      const text = await response.body.text();
      if (response.statusCode !== 200) throw new Error(`${method}: HTTP ${response.statusCode}: ${text.slice(0, 200)}`);
      const message = responseIn(String(response.headers['content-type'] ?? ''), text, id);
      if (!message) throw new Error(`${method}: no response in ${text.slice(0, 200)}`);
      if (message.error) throw new Error(`${method}: ${JSON.stringify(message.error)}`);
      return message.result as Record<string, unknown>;
    },
    async close() {},
  };
}
