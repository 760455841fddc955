import { startDemoServer, type DemoServerOptions } from './server.js';

/** The port of the reference test server, so that its clients' defaults work unchanged. */
export const DEFAULT_FOREGROUND_PORT = 8008;

/**
 * Runs the demo server until SIGINT or SIGTERM (the `demo-server` command),
 * logging to stderr. Resolves once the server is closed.
 */
export async function runDemoServerForeground(options: DemoServerOptions = {}): Promise<void> {
  const server = await startDemoServer({ ...options, port: options.port ?? DEFAULT_FOREGROUND_PORT });
  process.stderr.write(`ogc-processes-mcp demo server listening on ${server.url} (Ctrl+C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.stderr.write(`demo server: ${signal} received, stopping\n`);
      void server.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  process.stderr.write('demo server: stopped\n');
}
