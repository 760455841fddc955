// What every MCP session of one bridge shares: the settings, one OGC
// client (one connection pool), the process catalog and the logger. A stdio
// run has one session; the HTTP transport creates a Server per session over
// the same context.
import { OgcClient } from '../ogc/index.js';
import { createLogger, type Logger } from '../log.js';
import { credentialSecrets } from '../util/secrets.js';
import { ProcessCatalog } from './catalog.js';
import { ArgumentValidator } from './validation.js';
import { MAX_RESOURCE_BYTES } from './limits.js';
import type { BridgeSettings } from './settings.js';
import { FIXED_TOOL_NAMES } from '../bridge/describe/index.js';

export interface BridgeContext {
  config: BridgeSettings;
  client: OgcClient;
  catalog: ProcessCatalog;
  logger: Logger;
  /** Argument validators, compiled once per schema and shared by all sessions. */
  validator: ArgumentValidator;
}

export interface BridgeContextOptions {
  logger?: Logger;
  /** Starts the catalog's first load right away (default true). */
  start?: boolean;
}

export function createBridgeContext(config: BridgeSettings, options: BridgeContextOptions = {}): BridgeContext {
  const logger = options.logger ?? createLogger({ level: config.logLevel, secrets: credentialSecrets(config.auth) });
  const timeoutMs = Math.round(config.timeoutSeconds * 1000);
  const client = new OgcClient({
    baseUrl: config.serverUrl,
    ...(config.auth ? { auth: config.auth } : {}),
    // --timeout-seconds bounds each phase, the whole body included (a trickling server must not hold a call).
    timeouts: { connectMs: timeoutMs, headersMs: timeoutMs, bodyMs: timeoutMs, bodyTotalMs: timeoutMs },
    // Nothing larger can be shown or served as a resource: refuse it before it fills memory.
    maxResponseBytes: MAX_RESOURCE_BYTES,
    allowedLinkOrigins: config.allowedLinkOrigins,
  });
  const catalog = new ProcessCatalog({ client, config, logger, reservedNames: FIXED_TOOL_NAMES });
  if (options.start !== false) catalog.start();
  return { config, client, catalog, logger, validator: new ArgumentValidator() };
}

export async function closeBridgeContext(ctx: BridgeContext): Promise<void> {
  ctx.catalog.close();
  await ctx.client.close();
}
