// Library entry: the OGC API - Processes client and its models, the embedded
// demo server, and the MCP bridge for embedding in another program.
export * from './ogc/index.js';
export {
  startDemoServer,
  runDemoServerForeground,
  DEMO_SERVER_DEFAULTS,
  DEFAULT_FOREGROUND_PORT,
  BUILTIN_PROCESSES,
  demoProcesses,
  type DemoServer,
  type DemoServerOptions,
  type DemoProcess,
  type InputDescription as DemoInputDescription,
  type OutputDescription as DemoOutputDescription,
  type RunContext as DemoRunContext,
  type Schema as DemoSchema,
  type JobStatus as DemoJobStatus,
} from './demo/index.js';
export { createBridgeServer, SERVER_NAME, type BridgeServerOptions, type ProtocolEra } from './mcp/server.js';
export { createBridgeContext, closeBridgeContext, type BridgeContext } from './mcp/context.js';
export type { BridgeSettings, HttpSettings } from './mcp/settings.js';
export { ProcessCatalog, type CatalogEntry } from './mcp/catalog.js';
export { serveStdio, type StdioSession } from './mcp/transports/stdio.js';
export { buildConfig, parseCommandLine, ConfigError, type Config, type CliCommand } from './config.js';
export { createLogger, type Logger, type LogLevel } from './log.js';
