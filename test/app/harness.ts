// The web app against the embedded demo server, both real and on loopback.
import { startAppServer, type AppServer } from '../../src/app/server.js';
import { parseCommandLine } from '../../src/config.js';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { createLogger } from '../../src/log.js';
import { closeBridgeContext, createBridgeContext, type BridgeContext } from '../../src/mcp/context.js';

export interface AppHarness {
  demo: DemoServer;
  ctx: BridgeContext;
  app: AppServer;
  close(): Promise<void>;
}

export async function startAppHarness(): Promise<AppHarness> {
  const demo = await startDemoServer({ port: 0, host: '127.0.0.1' });
  const command = parseCommandLine(['--server-url', demo.url, '--log-level', 'error'], {});
  if (command.kind !== 'serve') throw new Error('unexpected command');
  const ctx = createBridgeContext({ ...command.config, serverUrl: demo.url }, { logger: createLogger({ level: 'error' }) });
  const app = await startAppServer(ctx, { port: 0, jobPollMs: 200 });
  return {
    demo,
    ctx,
    app,
    async close() {
      await app.close();
      await closeBridgeContext(ctx);
      await demo.close();
    },
  };
}
