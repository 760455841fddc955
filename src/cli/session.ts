// The server a command talks to: --server-url, --demo (an embedded demo
// server for the length of the command) or the configured one; settings
// layered by config.ts (flags > environment > config file > defaults).
import { buildConfig, ConfigError, secretsOf, type Config } from '../config.js';
import type { DemoServer } from '../demo/index.js';
import { OgcClient } from '../ogc/index.js';
import { isReadableByOthers } from '../config/file.js';
import { UsageError } from './exit.js';
import { serverFlags, type ParsedCommand } from './options.js';

export interface Session {
  client: OgcClient;
  serverUrl: string;
  /** True when the server is an embedded demo server that ends with this command. */
  demo: boolean;
  config: Config;
  /** The configured secrets, to mask in anything printed. */
  secrets: string[];
  close(): Promise<void>;
}

/** The Config of a command's server options; usage errors for bad ones. */
export function configOf(values: ParsedCommand['values'], env: NodeJS.ProcessEnv): Config {
  try {
    return buildConfig(serverFlags(values), env);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

export async function openSession(values: ParsedCommand['values'], env: NodeJS.ProcessEnv, note: (line: string) => void = () => {}): Promise<Session> {
  const config = configOf(values, env);
  if (config.configFile && isReadableByOthers(config.configFile)) {
    note(`Warning: ${config.configFile} may hold secrets and others can read it: chmod 600 ${config.configFile}`);
  }
  let demo: DemoServer | undefined;
  let serverUrl = config.serverUrl;
  if (config.demo) {
    demo = await (await import('../demo/index.js')).startDemoServer({ port: 0, host: '127.0.0.1' });
    serverUrl = demo.url;
  }
  const timeoutMs = Math.round(config.timeoutSeconds * 1000);
  const client = new OgcClient({
    baseUrl: serverUrl!,
    ...(config.auth ? { auth: config.auth } : {}),
    timeouts: { connectMs: timeoutMs, headersMs: timeoutMs, bodyMs: timeoutMs },
    allowedLinkOrigins: config.allowedLinkOrigins,
  });
  return {
    client,
    serverUrl: serverUrl!,
    demo: demo !== undefined,
    config,
    secrets: secretsOf(config),
    async close() {
      await client.close();
      await demo?.close();
    },
  };
}
