// createBridgeServer: one SDK Server (the low-level one, since tool schemas are
// only known at run time) over a shared BridgeContext. Many may exist at once:
// one per stdio connection or HTTP session (2025-11-25 clients), and one per
// HTTP request for 2026-07-28 clients, where the SDK's serving entry builds an
// instance for each request. An instance that serves a connection hears of
// catalog changes (and, for 2025-11-25 clients, of log lines) while it is
// connected, and lets go of them when it closes; a per-request instance hears
// of nothing: its transport tells its clients of changes (handler.notify).
import { Server } from '@modelcontextprotocol/server';
import { APPS_EXTENSION_CAPABILITY } from './app-resource.js';
import type { BridgeContext } from './context.js';
import type { ProtocolEra } from './protocol-era.js';
import { serverInstructions } from './instructions.js';
import { registerResourceHandlers } from './resources.js';
import { registerToolHandlers } from './tools/index.js';
import { PACKAGE_VERSION } from '../util/version.js';

export const SERVER_NAME = 'ogc-processes-mcp';

export type { ProtocolEra } from './protocol-era.js';

export interface BridgeServerOptions {
  /** Told by the serving entry (serveStdio, createMcpHandler); legacy for a plain connect(). */
  era?: ProtocolEra;
  /** Made for one HTTP request: tells its client of no catalog change or log line outside that request. */
  perRequest?: boolean;
  /**
   * For calls whose client cancels by closing the request's stream (2026-07-28
   * over HTTP): whether such an abort is a cancellation now (false while the
   * transport shuts down, so that calls cut then leave their jobs running).
   * Without it, an abort after the connection closed is no cancellation.
   */
  disconnectCancels?: () => boolean;
}

export function createBridgeServer(ctx: BridgeContext, options: BridgeServerOptions = {}): Server {
  const era = options.era ?? 'legacy';
  const server = new Server(
    { name: SERVER_NAME, title: 'OGC API - Processes', version: PACKAGE_VERSION },
    {
      capabilities: { tools: { listChanged: true }, resources: {}, logging: {}, extensions: APPS_EXTENSION_CAPABILITY },
      instructions: serverInstructions(ctx.servers),
      // A burst of catalog changes reaches the client as one notification.
      debouncedNotificationMethods: ['notifications/tools/list_changed'],
    },
  );
  const { disconnectCancels } = options;
  registerToolHandlers(server, ctx, {
    era,
    perRequest: options.perRequest === true,
    // A closed connection is no cancellation: the job goes on, findable by list_jobs.
    cancelled: disconnectCancels ?? (() => server.transport !== undefined),
  });
  registerResourceHandlers(server, ctx);

  // Every message to the client passes here: results, errors, resources, tool
  // lists, progress and log notifications. An OGC server may echo the
  // credentials it was sent into any of them; none may reach the client.
  const connect = server.connect.bind(server);
  server.connect = (transport) => {
    const send = transport.send.bind(transport);
    // The one place secrets are masked on the way out (logger lines are masked when logged).
    const { logger } = ctx;
    transport.send = (message, sendOptions) => send(logger.hasSecrets === false ? message : redactStrings(logger.redact, message), sendOptions);
    return connect(transport);
  };
  if (options.perRequest) return server;

  // Notifications before initialization would confuse 2025-11-25 clients; after close they would throw.
  // A 2026-07-28 instance has no handshake: the serving entry routes its list_changed to the
  // client's subscriptions/listen stream, and its log lines go out per call (tools/index.ts).
  let live = era === 'modern';
  const previousOnInitialized = server.oninitialized;
  server.oninitialized = () => {
    live = true;
    previousOnInitialized?.();
  };
  const stopListening = ctx.directory.onChange(() => {
    if (live) server.sendToolListChanged().catch(() => undefined);
  });
  const stopLogging =
    era === 'legacy'
      ? ctx.logger.addSink((level, message) => {
          // The session id selects the level this session set with logging/setLevel (HTTP); undefined on stdio.
          if (live) server.sendLoggingMessage({ level, logger: SERVER_NAME, data: message }, server.transport?.sessionId).catch(() => undefined);
        })
      : () => undefined;
  const previousOnClose = server.onclose;
  server.onclose = () => {
    live = false;
    stopListening();
    stopLogging();
    previousOnClose?.();
  };
  return server;
}

/** The value with every string in it (keys too) masked; the same object when nothing changed. */
function redactStrings<T>(redact: (text: string) => string, value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  let changed = false;
  if (Array.isArray(value)) {
    const items = value.map((item) => {
      const clean = redactStrings(redact, item);
      if (clean !== item) changed = true;
      return clean;
    });
    return (changed ? items : value) as T;
  }
  const entries = Object.entries(value).map(([key, item]) => {
    const cleanKey = redact(key);
    const clean = redactStrings(redact, item);
    if (clean !== item || cleanKey !== key) changed = true;
    return [cleanKey, clean] as const;
  });
  if (!changed) return value;
  // defineProperty: a key such as __proto__ stays an own key of the copy.
  const copy: Record<string, unknown> = {};
  for (const [key, item] of entries) Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
  return copy as T;
}
