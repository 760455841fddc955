// `ogc-processes-mcp app`: the local web app for people. The OGC server flags
// are the bridge's own (--server-url or --demo, authentication, timeouts,
// --include/--exclude); --port, --open and --tile-url are the app's.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { ConfigError, parseCommandLine, secretsOf, type Config } from '../config.js';
import { createLogger } from '../log.js';
import { closeBridgeContext, createBridgeContext } from '../mcp/context.js';
import { startAppServer } from './server.js';

export const APP_USAGE = `Usage: ogc-processes-mcp app [--server-url URL | --demo] [--port N] [--open] [--tile-url URL] [server options]

The local web app on 127.0.0.1: the processes with a form each, live jobs,
results with maps. OGC requests (and any credentials) stay in this process.

  --port N          Port on 127.0.0.1 (default: a free one; the URL is printed).
  --open            Open the page in the default browser.
  --tile-url URL    XYZ basemap tiles, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png
                    (default: none; maps draw on a plain background with a graticule).
Server options are those of the MCP server (see --help): --auth-token, --username,
--password, --api-key, --timeout-seconds, --include, --exclude, ... and their variables.
`;

export interface AppCommand {
  config: Config;
  port: number;
  open: boolean;
  tileUrl?: string;
}

/** Splits the app's own flags from the server flags and builds the Config from the latter. */
export function parseAppCommand(argv: readonly string[], env: NodeJS.ProcessEnv): AppCommand | 'help' {
  const own = { port: { type: 'string' }, open: { type: 'boolean' }, 'tile-url': { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;
  const rest: string[] = [];
  const mine: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = /^--?([a-z-]+)/.exec(arg)?.[1];
    if (name !== undefined && name in own) {
      mine.push(arg);
      const takesValue = own[name as keyof typeof own].type === 'string' && !arg.includes('=');
      if (takesValue && i + 1 < argv.length) mine.push(argv[++i]!);
    } else rest.push(arg);
  }
  let values: { port?: string; open?: boolean; 'tile-url'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: mine, options: own, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new ConfigError(`app: ${(error as Error).message}`);
  }
  if (values.help) return 'help';
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new ConfigError(`app: --port must be a whole number from 0 to 65535, got "${values.port}".`);
  const tileUrl = values['tile-url'];
  if (tileUrl !== undefined && !/^https?:\/\/[^\s]+\{z\}[^\s]*\{x\}[^\s]*\{y\}/.test(tileUrl)) {
    throw new ConfigError('app: --tile-url must be an http(s) URL template with {z}, {x} and {y}.');
  }
  const command = parseCommandLine(rest, env);
  if (command.kind === 'help' || command.kind === 'version') return 'help';
  if (command.kind !== 'serve') throw new ConfigError('app: unexpected arguments; see app --help.');
  return { config: command.config, port, open: values.open === true, ...(tileUrl ? { tileUrl } : {}) };
}

/** Runs the web app until SIGINT/SIGTERM; returns the exit code. */
export async function runAppCommand(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  let command: AppCommand | 'help';
  try {
    command = parseAppCommand(argv, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`ogc-processes-mcp: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (command === 'help') {
    process.stdout.write(APP_USAGE);
    return 0;
  }
  const { config } = command;
  const logger = createLogger({ level: config.logLevel, secrets: secretsOf(config) });
  let demo: { url: string; close(): Promise<void> } | undefined;
  let serverUrl = config.serverUrl;
  if (config.demo) {
    demo = await (await import('../demo/index.js')).startDemoServer({ port: 0, host: '127.0.0.1' });
    serverUrl = demo.url;
    logger.info(`Embedded demo OGC server on ${demo.url}`);
  }
  const ctx = createBridgeContext({ ...config, serverUrl: serverUrl! }, { logger });
  try {
    let app;
    try {
      app = await startAppServer(ctx, { port: command.port, ...(command.tileUrl ? { tileUrl: command.tileUrl } : {}) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      process.stderr.write(`ogc-processes-mcp: port ${command.port} on 127.0.0.1 is in use; pick another --port (0 takes a free one).\n`);
      return 1;
    }
    process.stdout.write(`ogc-processes-mcp web app: ${app.url} (Ctrl+C to stop)\n`);
    if (command.open) openInBrowser(app.url, (message) => logger.warning(message));
    await untilSignal();
    await app.close();
    return 0;
  } finally {
    await closeBridgeContext(ctx);
    await demo?.close();
  }
}

function openInBrowser(url: string, warn: (message: string) => void): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => warn(`Could not open a browser; open ${url} yourself.`));
    child.unref();
  } catch {
    warn(`Could not open a browser; open ${url} yourself.`);
  }
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
