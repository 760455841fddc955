import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { parseCommandLine } from '../src/config.js';
import { createBridgeContext } from '../src/mcp/context.js';
import { createBridgeServer } from '../src/mcp/server.js';
import { createLogger } from '../src/log.js';
import { startDemoChild } from './lib/children.js';
import { directClient } from './lib/direct.js';
const demo = await startDemoChild({ syntheticProcesses: 1, syntheticJobControl: ['sync-execute'] });
const cmd = parseCommandLine(['--server-url', demo.url], {}) as any;
const ctx = createBridgeContext(cmd.config, { logger: createLogger({ level: 'warning' }) });
await ctx.catalog.ready();
const server = createBridgeServer(ctx);
const [a, b] = InMemoryTransport.createLinkedPair();
await server.connect(b);
const client = new Client({ name: 'x', version: '1' });
await client.connect(a);
const direct = directClient(demo.url);
const kinds: Record<string, () => Promise<unknown>> = {
  ping: () => client.ping(),
  sync: () => client.callTool({ name: 'synthetic_0001', arguments: { count: 3 } }),
  direct: () => direct.executeSync('synthetic_0001', { count: 3 }),
  clientOnly: () => ctx.client.executeProcess('synthetic_0001', { inputs: { count: 3 } } as any, { mode: 'sync', jobControlOptions: ['sync-execute'] }),
};
const N = Number(process.argv[2] ?? 5000);
const only = process.argv[3]; for (let round = 0; round < 2; round++)
for (const [k, fn] of Object.entries(kinds).filter(([k]) => !only || k === only)) {
  for (let i = 0; i < 500; i++) await fn();
  const c = process.cpuUsage(); const t = performance.now();
  for (let i = 0; i < N; i++) await fn();
  const u = process.cpuUsage(c);
  console.log(k.padEnd(10), 'wall µs', ((performance.now() - t) / N * 1000).toFixed(0), 'cpu µs', ((u.user + u.system) / N).toFixed(0));
}
process.exit(0);
