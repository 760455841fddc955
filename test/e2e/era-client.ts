// One test client for both protocol eras: the v1 SDK Client (2025-11-25,
// initialize) or the v2 SDK Client pinned to 2026-07-28 (server/discover, the
// per-request _meta envelope), behind the few calls the end-to-end tests make.
// Transports are made by the caller (stdio or Streamable HTTP, v1 or v2 kind).
import { Client as V1Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport as V1StdioTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport as V1HttpTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { LoggingMessageNotificationSchema, ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { Client as V2Client, LOG_LEVEL_META_KEY, StreamableHTTPClientTransport as V2HttpTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport as V2StdioTransport } from '@modelcontextprotocol/client/stdio';
import type { CallToolResult, ReadResourceResult, ServerCapabilities, Tool } from '@modelcontextprotocol/server';

export type Era = 'legacy' | 'modern';
/** Both eras, for describe.each: the v1 client (2025-11-25) and the v2 client pinned to 2026-07-28. */
export const ERAS: readonly Era[] = ['legacy', 'modern'];
export const MODERN_VERSION = '2026-07-28';

export interface CallOptions {
  onprogress?: (progress: { progress: number; total?: number; message?: string }) => void;
  signal?: AbortSignal;
  timeout?: number;
  /** Asks for log lines of this call (2026-07-28: per request; 2025-11-25: logging/setLevel for the session). */
  logLevel?: 'debug' | 'info' | 'warning' | 'error';
}

export interface LogLine {
  level: string;
  data: unknown;
}

export interface EraClient {
  readonly era: Era;
  /** The version the connection speaks: 2025-11-25 or 2026-07-28. */
  readonly protocolVersion: string | undefined;
  /** The spawned server's pid (stdio only). */
  readonly pid: number | undefined;
  listTools(): Promise<{ tools: Tool[] }>;
  callTool(name: string, args: Record<string, unknown>, options?: CallOptions): Promise<CallToolResult>;
  listResourceTemplates(): Promise<{ resourceTemplates: { uriTemplate: string }[] }>;
  listResources(): Promise<{ resources: { uri: string; mimeType?: string }[] }>;
  readResource(params: { uri: string }): Promise<ReadResourceResult>;
  getServerCapabilities(): ServerCapabilities | undefined;
  getInstructions(): string | undefined;
  /** Log lines received so far (notifications/message). */
  readonly logs: LogLine[];
  /** Called on every tools/list_changed (2026-07-28: on the subscriptions/listen stream). */
  onToolsChanged(listener: () => void): void;
  close(): Promise<void>;
}

export interface StdioTarget {
  kind: 'stdio';
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** Gets the child's stderr as it comes. */
  onStderr?: (chunk: string) => void;
}

export interface HttpTarget {
  kind: 'http';
  url: string;
  headers?: Record<string, string>;
}

/** Client capabilities to declare (at initialize for 2025-11-25; in every request for 2026-07-28). */
export type DeclaredCapabilities = Record<string, unknown>;

export async function connectEraClient(era: Era, target: StdioTarget | HttpTarget, name = 'e2e-test', capabilities: DeclaredCapabilities = {}): Promise<EraClient> {
  return era === 'legacy' ? connectV1(target, name, capabilities) : connectV2(target, name, capabilities);
}

async function connectV1(target: StdioTarget | HttpTarget, name: string, capabilities: DeclaredCapabilities): Promise<EraClient> {
  const client = new V1Client({ name, version: '1.0.0' }, { capabilities });
  const logs: LogLine[] = [];
  const listeners: (() => void)[] = [];
  client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void logs.push({ level: n.params.level, data: n.params.data }));
  client.setNotificationHandler(ToolListChangedNotificationSchema, () => listeners.forEach((l) => l()));
  let transport: V1StdioTransport | V1HttpTransport;
  if (target.kind === 'stdio') {
    const stdio = new V1StdioTransport({ command: target.command, args: target.args, env: target.env ?? {}, stderr: 'pipe' });
    stdio.stderr?.on('data', (chunk: Buffer) => target.onStderr?.(chunk.toString('utf8')));
    transport = stdio;
  } else {
    transport = new V1HttpTransport(new URL(target.url), target.headers ? { requestInit: { headers: target.headers } } : {});
  }
  await client.connect(transport);
  let level: string | undefined;
  return {
    era: 'legacy',
    get protocolVersion() {
      return transport instanceof V1HttpTransport ? transport.protocolVersion : '2025-11-25';
    },
    get pid() {
      return transport instanceof V1StdioTransport ? (transport.pid ?? undefined) : undefined;
    },
    listTools: () => client.listTools() as Promise<{ tools: Tool[] }>,
    async callTool(toolName, args, options = {}) {
      if (options.logLevel && options.logLevel !== level) {
        await client.setLoggingLevel(options.logLevel);
        level = options.logLevel;
      }
      const { logLevel: _, ...requestOptions } = options;
      return (await client.callTool({ name: toolName, arguments: args }, undefined, requestOptions)) as CallToolResult;
    },
    listResourceTemplates: () => client.listResourceTemplates(),
    listResources: () => client.listResources(),
    readResource: (params) => client.readResource(params) as Promise<ReadResourceResult>,
    getServerCapabilities: () => client.getServerCapabilities() as ServerCapabilities | undefined,
    getInstructions: () => client.getInstructions(),
    logs,
    onToolsChanged: (listener) => void listeners.push(listener),
    async close() {
      if (transport instanceof V1HttpTransport) await transport.terminateSession().catch(() => undefined);
      await client.close();
    },
  };
}

async function connectV2(target: StdioTarget | HttpTarget, name: string, capabilities: DeclaredCapabilities): Promise<EraClient> {
  const logs: LogLine[] = [];
  const listeners: (() => void)[] = [];
  const client = new V2Client(
    { name, version: '1.0.0' },
    {
      capabilities,
      versionNegotiation: { mode: { pin: MODERN_VERSION } },
      // Makes the client open the subscriptions/listen stream that carries list_changed in 2026-07-28.
      listChanged: { tools: { autoRefresh: false, debounceMs: 0, onChanged: () => listeners.forEach((l) => l()) } },
    },
  );
  client.setNotificationHandler('notifications/message', (n) => void logs.push({ level: n.params.level, data: n.params.data }));
  let transport: V2StdioTransport | V2HttpTransport;
  if (target.kind === 'stdio') {
    const stdio = new V2StdioTransport({ command: target.command, args: target.args, env: target.env ?? {}, stderr: 'pipe' });
    stdio.stderr?.on('data', (chunk: Buffer) => target.onStderr?.(chunk.toString('utf8')));
    transport = stdio;
  } else {
    transport = new V2HttpTransport(new URL(target.url), target.headers ? { requestInit: { headers: target.headers } } : {});
  }
  await client.connect(transport);
  return {
    era: 'modern',
    get protocolVersion() {
      return client.getProtocolEra() === 'modern' ? MODERN_VERSION : undefined;
    },
    get pid() {
      return transport instanceof V2StdioTransport ? (transport.pid ?? undefined) : undefined;
    },
    listTools: () => client.listTools(),
    async callTool(toolName, args, options = {}) {
      const { logLevel, ...requestOptions } = options;
      const params = { name: toolName, arguments: args, ...(logLevel ? { _meta: { [LOG_LEVEL_META_KEY]: logLevel } } : {}) };
      return client.callTool(params, requestOptions);
    },
    listResourceTemplates: () => client.listResourceTemplates(),
    listResources: () => client.listResources(),
    readResource: (params) => client.readResource(params),
    getServerCapabilities: () => client.getServerCapabilities(),
    getInstructions: () => client.getInstructions(),
    logs,
    onToolsChanged: (listener) => void listeners.push(listener),
    close: () => client.close(),
  };
}
