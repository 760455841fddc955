// createBridgeServer: one SDK Server (the low-level one, since tool schemas are
// only known at run time) over a shared BridgeContext. Many may exist at once
// (one per HTTP session); each hears of catalog changes and log lines while it
// is connected and lets go of them when it closes.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { BridgeContext } from './context.js';
import { serverInstructions } from './instructions.js';
import { registerResourceHandlers } from './resources.js';
import { registerToolHandlers } from './tools/index.js';
import { PACKAGE_VERSION } from '../ogc/version.js';

export const SERVER_NAME = 'ogc-processes-mcp';

export function createBridgeServer(ctx: BridgeContext): Server {
  const server = new Server(
    { name: SERVER_NAME, title: 'OGC API - Processes', version: PACKAGE_VERSION },
    {
      capabilities: { tools: { listChanged: true }, resources: {}, logging: {} },
      instructions: serverInstructions(ctx.config.serverUrl),
      // A burst of catalog changes reaches the client as one notification.
      debouncedNotificationMethods: ['notifications/tools/list_changed'],
    },
  );
  registerToolHandlers(server, ctx);
  registerResourceHandlers(server, ctx);

  // Notifications before initialization would confuse clients; after close they would throw.
  let live = false;
  const previousOnInitialized = server.oninitialized;
  server.oninitialized = () => {
    live = true;
    previousOnInitialized?.();
  };
  const stopListening = ctx.catalog.onChange(() => {
    if (live) server.sendToolListChanged().catch(() => undefined);
  });
  const stopLogging = ctx.logger.addSink((level, message) => {
    if (live) server.sendLoggingMessage({ level, logger: SERVER_NAME, data: message }).catch(() => undefined);
  });
  const previousOnClose = server.onclose;
  server.onclose = () => {
    live = false;
    stopListening();
    stopLogging();
    previousOnClose?.();
  };
  return server;
}
