// The OGC servers of one bridge: each with its own client (connection pool,
// credentials) and process catalog, all sharing one tool name table. A bridge
// with one server has one handle without a name, and its tool names carry no
// prefix.
import { OgcClient, type OgcAuth } from '../../ogc/index.js';
import type { ToolNames } from '../../bridge/naming/index.js';
import type { Logger } from '../../log.js';
import { ProcessCatalog } from '../catalog.js';
import { MAX_RESOURCE_BYTES } from '../limits.js';
import type { BridgeSettings } from '../settings.js';

export interface ServerHandle {
  /** The server's name; undefined when the bridge has one server. */
  name?: string;
  url: string;
  auth?: OgcAuth;
  client: OgcClient;
  catalog: ProcessCatalog;
}

export function createServerHandles(settings: BridgeSettings, logger: Logger, names: ToolNames): ServerHandle[] {
  const several = (settings.servers?.length ?? 0) > 1;
  const list = several ? settings.servers! : [{ name: settings.servers?.[0]?.name, serverUrl: settings.serverUrl, auth: settings.auth }];
  const timeoutMs = Math.round(settings.timeoutSeconds * 1000);
  return list.map((server) => {
    const client = new OgcClient({
      baseUrl: server.serverUrl,
      ...(server.auth ? { auth: server.auth } : {}),
      // --timeout-seconds bounds each phase, the whole body included (a trickling server must not hold a call).
      timeouts: { connectMs: timeoutMs, headersMs: timeoutMs, bodyMs: timeoutMs, bodyTotalMs: timeoutMs },
      // Nothing larger can be shown or served as a resource: refuse it before it fills memory.
      maxResponseBytes: MAX_RESOURCE_BYTES,
      allowedLinkOrigins: settings.allowedLinkOrigins,
    });
    const serverLogger = several ? namedLogger(logger, `Server ${server.name}: `) : logger;
    const catalog = new ProcessCatalog({
      client,
      config: settings,
      logger: serverLogger,
      names: names.forServer(server.name, several),
      ...(several ? { server: server.name } : {}),
    });
    return {
      ...(server.name !== undefined ? { name: server.name } : {}),
      url: server.serverUrl,
      ...(server.auth ? { auth: server.auth } : {}),
      client,
      catalog,
    };
  });
}

/** The bridge's logger, each line saying which server it is about. */
function namedLogger(logger: Logger, prefix: string): Logger {
  return {
    get level() {
      return logger.level;
    },
    get hasSecrets() {
      return logger.hasSecrets;
    },
    debug: (message) => logger.debug(prefix + message),
    info: (message) => logger.info(prefix + message),
    warning: (message) => logger.warning(prefix + message),
    error: (message) => logger.error(prefix + message),
    addSink: (sink) => logger.addSink(sink),
    redact: (text) => logger.redact(text),
  };
}
