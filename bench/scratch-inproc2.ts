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
const canned = await ctx.client.executeProcess('synthetic_0001', { inputs: { count: 3 } } as any, { mode: 'sync', jobControlOptions: ['sync-execute'] });
const realExec = ctx.client.executeProcess.bind(ctx.client);
const call = () => client.callTool({ name: 'synthetic_0001', arguments: { count: 3 } });
const kinds: Record<string, () => Promise<unknown>> = {
  ping: () => client.ping(),
  call: call,
  callStubbedUpstream: async () => { (ctx.client as any).executeProcess = async () => canned; try { await call(); } finally { (ctx.client as any).executeProcess = realExec; } },
  callStubWithIo: async () => { (ctx.client as any).executeProcess = async () => { await direct.executeSync('synthetic_0001', { count: 3 }); return canned; }; try { await call(); } finally { (ctx.client as any).executeProcess = realExec; } },
  ogcClientOnly: () => realExec('synthetic_0001', { inputs: { count: 3 } } as any, { mode: 'sync', jobControlOptions: ['sync-execute'] }),
  ogcClientSignal: () => realExec('synthetic_0001', { inputs: { count: 3 } } as any, { mode: 'sync', jobControlOptions: ['sync-execute'], signal: new AbortController().signal }),
  direct: () => direct.executeSync('synthetic_0001', { count: 3 }),
};
const N = 4000;
for (let round = 0; round < 3; round++) {
  const line: string[] = [];
  for (const [k, fn] of Object.entries(kinds)) {
    for (let i = 0; i < 300; i++) await fn();
    const c = process.cpuUsage();
    for (let i = 0; i < N; i++) await fn();
    const u = process.cpuUsage(c);
    line.push(`${k} ${((u.user + u.system) / N).toFixed(0)}`);
  }
  console.log('cpu µs/call:', line.join(' | '));
}
process.exit(0);
