import { readFileSync } from 'node:fs';
import { startDemoChild, startStdioBridge } from './lib/children.js';
import { directClient } from './lib/direct.js';
const cpu = (pid: number) => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return process.env.SPLIT === "u" ? Number(f[11]) * 10 : process.env.SPLIT === "s" ? Number(f[12]) * 10 : (Number(f[11]) + Number(f[12])) * 10; };
const demo = await startDemoChild({ syntheticProcesses: 1, syntheticJobControl: ['sync-execute'] });
const b = await startStdioBridge(demo.url);
const direct = directClient(demo.url);
const N = 3000;
const kinds: Record<string, () => Promise<unknown>> = {
  ping: () => b.client.ping(),
  sync: () => b.client.callTool({ name: 'synthetic_0001', arguments: { count: 3 } }),
  async: () => b.client.callTool({ name: 'primes_between', arguments: { min_val: 0, max_val: 100 } }),
  directSync: () => direct.executeSync('synthetic_0001', { count: 3 }),
  directAsync: () => direct.executeAsync('primes_between', { min_val: 0, max_val: 100 }),
};
for (const [k, fn] of Object.entries(kinds)) for (let i = 0; i < 300; i++) await fn();
for (const [k, fn] of Object.entries(kinds)) {
  const c0 = [cpu(b.pid), cpu(demo.pid), cpu(process.pid)]; const t = performance.now();
  for (let i = 0; i < N; i++) await fn();
  const wall = (performance.now() - t) / N * 1000;
  const c1 = [cpu(b.pid), cpu(demo.pid), cpu(process.pid)];
  console.log(k.padEnd(12), 'wall µs', wall.toFixed(0), ' cpu µs/call bridge', ((c1[0]! - c0[0]!) * 1000 / N).toFixed(0), 'demo', ((c1[1]! - c0[1]!) * 1000 / N).toFixed(0), 'bench', ((c1[2]! - c0[2]!) * 1000 / N).toFixed(0));
}
await b.close(); await direct.close(); await demo.close();
