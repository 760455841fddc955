// What every MCP session of one bridge shares: the settings, the OGC servers
// (each with its client, one connection pool, and its process catalog), the
// tool directory over them, and the logger. A stdio run has one session; the
// HTTP transport creates a Server per session over the same context. With one
// server, `client` and `catalog` are its own; with several, the tools run on a
// context per server (servers/routing.ts).
import { createLogger, type Logger } from '../log.js';
import { credentialSecrets } from '../util/secrets.js';
import type { OgcClient } from '../ogc/index.js';
import { ToolNames } from '../bridge/naming/index.js';
import type { ProcessCatalog } from './catalog.js';
import { ArgumentValidator } from './validation.js';
import type { BridgeSettings } from './settings.js';
import { createServerHandles, type ServerHandle } from './servers/handles.js';
import { ToolDirectory } from './servers/directory.js';
import { JobOwners } from './servers/job-owners.js';

export interface BridgeContext {
  config: BridgeSettings;
  /** The (first) server's client and catalog. */
  client: OgcClient;
  catalog: ProcessCatalog;
  /** Every server; one without a name when the bridge has one. */
  servers: readonly ServerHandle[];
  directory: ToolDirectory;
  /** Which server owns a job (several servers). */
  jobs: JobOwners;
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
  const secrets = [config.auth, ...(config.servers ?? []).map((s) => s.auth)].flatMap((auth) => credentialSecrets(auth));
  const logger = options.logger ?? createLogger({ level: config.logLevel, secrets });
  const names = new ToolNames();
  const servers = createServerHandles(config, logger, names);
  const directory = new ToolDirectory(servers, names, config);
  if (options.start !== false) for (const server of servers) server.catalog.start();
  const first = servers[0]!;
  return { config, client: first.client, catalog: first.catalog, servers, directory, jobs: new JobOwners(), logger, validator: new ArgumentValidator() };
}

export async function closeBridgeContext(ctx: BridgeContext): Promise<void> {
  ctx.directory.close();
  for (const server of ctx.servers) server.catalog.close();
  await Promise.all(ctx.servers.map((s) => s.client.close()));
}
