import { startDemoServer, type DemoServerOptions } from './server.js';

/** The port of the reference test server, so that its clients' defaults work unchanged. */
export const DEFAULT_FOREGROUND_PORT = 8008;

/** Where the server listens, as bound: a wildcard address is named as such, with the URL to use here. */
function boundAt(host: string | undefined, server: { url: string; port: number }): string {
  if (host === '0.0.0.0' || host === '::' || host === '') {
    const all = host === '::' ? 'all interfaces' : 'all IPv4 interfaces';
    return `listening on ${host === '::' ? '[::]' : '0.0.0.0'}:${server.port} (${all}); from this machine: ${server.url}`;
  }
  return `listening on ${server.url}`;
}

/**
 * Runs the demo server until SIGINT or SIGTERM (the `demo-server` command),
 * logging to stderr. Resolves once the server is closed.
 */
export async function runDemoServerForeground(options: DemoServerOptions = {}): Promise<void> {
  const server = await startDemoServer({ ...options, port: options.port ?? DEFAULT_FOREGROUND_PORT });
  process.stderr.write(`ogc-processes-mcp demo server ${boundAt(options.host, server)} (Ctrl+C to stop)\n`);
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
