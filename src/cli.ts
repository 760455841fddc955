#!/usr/bin/env node
// The ogc-processes-mcp command: flags and environment to a Config, then start
// what was asked for. On stdio, stdout belongs to JSON-RPC: every human word
// goes to stderr, except --help, --version and `inspect`, which have no session.
import { ConfigError, helpText, parseCommandLine, secretsOf, type CliCommand, type Config } from './config.js';
import { createLogger, type Logger } from './log.js';
import type { DemoServer } from './demo/index.js';
import { closeBridgeContext, createBridgeContext, type BridgeContext } from './mcp/context.js';
import type { BridgeSettings, HttpSettings } from './mcp/settings.js';
import { createBridgeServer } from './mcp/server.js';
import { serveStdio } from './mcp/transports/stdio.js';
// The HTTP transport, the demo server and inspect are imported when used: a
// stdio bridge, the common case, starts sooner and smaller without them.
import { PACKAGE_VERSION } from './util/version.js';
import { errorMessage } from './util/errors.js';
import { peopleHelpSection } from './cli/command-names.js';

const EXIT_OK = 0;
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

// Masks the configured secrets in what reaches stderr outside the logger (a
// failure's message may echo a credential); the logger's masking once a config is known.
let redact: (text: string) => string = (text) => text;

async function main(argv: string[]): Promise<number> {
  // The web app for people parses its own flags (src/app/command.ts).
  if (argv[0] === 'app') return (await import('./app/command.js')).runAppCommand(argv.slice(1), process.env);
  // ---- commands for people (src/cli/): configure, list-processes, ..., and `help [COMMAND]` ----
  const people = await peopleCommands(argv);
  if (people !== undefined) return people;
  let command: CliCommand;
  try {
    command = parseCommandLine(argv, process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      const first = argv[0];
      const unknownCommand = first !== undefined && !first.startsWith('-') && /Unexpected argument/.test(error.message);
      const message = unknownCommand ? (await import('./cli/index.js')).unknownCommandMessage(first, ['demo-server', 'inspect', 'app', 'help']) : error.message;
      process.stderr.write(`ogc-processes-mcp: ${message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
  switch (command.kind) {
    case 'help':
      process.stdout.write(`${helpText(PACKAGE_VERSION)}\n${peopleHelpSection()}`);
      return EXIT_OK;
    case 'version':
      process.stdout.write(`${PACKAGE_VERSION}\n`);
      return EXIT_OK;
    case 'demo-server':
      await (await import('./demo/index.js')).runDemoServerForeground({ port: command.port, host: command.host, latencyMs: command.latencyMs, apiVersion: command.apiVersion });
      return EXIT_OK;
    case 'inspect':
      return withServer(command.config, async (config, logger) => (await import('./mcp/inspect.js')).runInspect(config, logger));
    case 'serve':
      return withServer(command.config, serve);
  }
}

/** A Config whose server is known (with --demo, once the demo server is up): the bridge's settings and the transport's. */
type ServeConfig = BridgeSettings & { transport: Config['transport']; http: HttpSettings };

/** Runs a command for people, or `help`; undefined when argv is for the bridge. */
async function peopleCommands(argv: string[]): Promise<number | undefined> {
  const first = argv[0];
  if (first === undefined || first.startsWith('-') || first === 'demo-server' || first === 'inspect') return undefined;
  const people = await import('./cli/index.js');
  if (people.isPeopleCommand(first)) return people.runPeopleCommand(argv);
  if (first !== 'help') return undefined;
  process.stdout.write(people.peopleHelp(argv[1]) ?? `${helpText(PACKAGE_VERSION)}\n${peopleHelpSection()}`);
  return EXIT_OK;
}

/** Resolves the OGC server (starting the demo one for --demo), runs `run`, then stops the demo server. */
async function withServer(config: Config, run: (config: ServeConfig, logger: Logger) => Promise<number>): Promise<number> {
  const logger = createLogger({ level: config.logLevel, secrets: secretsOf(config) });
  redact = logger.redact;
  let demo: DemoServer | undefined;
  let serverUrl = config.serverUrl;
  if (config.demo) {
    demo = await (await import('./demo/index.js')).startDemoServer({ port: 0, host: '127.0.0.1' });
    serverUrl = demo.url;
    logger.info(`Embedded demo OGC server on ${demo.url}`);
  }
  // With named servers, the demo server is one more, "demo".
  const servers = demo && config.servers ? [{ name: 'demo', serverUrl: demo.url }, ...config.servers] : config.servers;
  try {
    return await run({ ...config, serverUrl: serverUrl!, ...(servers ? { servers } : {}) }, logger);
  } finally {
    await demo?.close();
  }
}

async function serve(config: ServeConfig, logger: Logger): Promise<number> {
  const ctx = createBridgeContext(config, { logger });
  const stopped = untilSignal(logger);
  try {
    if (config.transport === 'http') return await serveHttp(ctx, config.http, stopped);
    const session = await serveStdio(ctx, createBridgeServer);
    logger.info(`Bridging ${new URL(config.serverUrl).origin} over stdio.`);
    if (process.stdin.isTTY) process.stderr.write(STDIO_AT_TERMINAL);
    await Promise.race([session.closed, stopped]);
    await session.close();
    return EXIT_OK;
  } finally {
    await closeBridgeContext(ctx);
  }
}

// Streamable HTTP until SIGINT/SIGTERM; then a graceful stop: calls in flight
// answer within --shutdown-grace-seconds, and jobs live on upstream.
async function serveHttp(ctx: BridgeContext, settings: HttpSettings, stopped: Promise<void>): Promise<number> {
  // Each session's Server gets a logger whose lines reach that session's client only.
  const { startHttpTransport } = await import('./mcp/transports/http.js');
  const http = await startHttpTransport(settings, (logger, options) => createBridgeServer({ ...ctx, logger }, options), ctx.logger, ctx.catalog);
  ctx.logger.info(`Bridging ${new URL(ctx.config.serverUrl).origin} over Streamable HTTP.`);
  await stopped;
  await http.close();
  return EXIT_OK;
}

// A person who ran the bridge by hand sees it wait in silence: say what it waits for.
const STDIO_AT_TERMINAL = [
  'This is an MCP server: it now waits for an MCP client on stdin (JSON-RPC), and has nothing to show here.',
  'To try it: `npm run demo` runs a guided session; commands for people work directly, e.g.',
  '  ogc-processes-mcp list-processes --demo    (see `ogc-processes-mcp help`)',
  'Press Ctrl+C to stop.',
  '',
].join('\n');

/** Resolves on the first SIGINT or SIGTERM; a second one ends the process at once. */
function untilSignal(logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    let seen = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (seen) process.exit(EXIT_FAILURE);
      seen = true;
      logger.info(`${signal} received; shutting down.`);
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

// A stray rejection must not take down a server that is answering other calls.
process.on('unhandledRejection', (reason) => {
  process.stderr.write(redact(`[ogc-processes-mcp] error: unhandled rejection: ${errorMessage(reason)}`) + '\n');
});

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE') {
      const address = error as NodeJS.ErrnoException & { address?: string; port?: number };
      process.stderr.write(`ogc-processes-mcp: port ${address.port ?? ''} on ${address.address ?? 'that address'} is already in use: choose another with --port.\n`);
      process.exit(EXIT_FAILURE);
    }
    process.stderr.write(redact(`ogc-processes-mcp: ${errorMessage(error)}`) + '\n');
    process.exit(EXIT_FAILURE);
  },
);
