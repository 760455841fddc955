import { readFileSync } from 'node:fs';
import { connectHttpClient, startDemoChild, startHttpBridge } from './lib/children.js';
const cpu = (pid: number) => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
const demo = await startDemoChild({ syntheticProcesses: 1, syntheticJobControl: ['sync-execute'] });
const prof = process.argv[2];
const b = await startHttpBridge(demo.url, [], prof ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof-http', '--cpu-prof-interval', '100'] : []);
const client = await connectHttpClient(b.url);
const N = 2000;
const kinds: Record<string, () => Promise<unknown>> = {
  ping: () => client.ping(),
  sync: () => client.callTool({ name: 'synthetic_0001', arguments: { count: 3 } }),
};
for (const [k, fn] of Object.entries(kinds).filter(([k]) => !prof || k === prof)) {
  for (let i = 0; i < 300; i++) await fn();
  const c0 = [cpu(b.pid), cpu(process.pid)]; const t = performance.now();
  for (let i = 0; i < N; i++) await fn();
  const wall = (performance.now() - t) / N * 1000;
  const c1 = [cpu(b.pid), cpu(process.pid)];
  console.log(k.padEnd(8), 'wall µs', wall.toFixed(0), ' cpu µs/call bridge', ((c1[0]! - c0[0]!) * 1000 / N).toFixed(0), 'bench', ((c1[1]! - c0[1]!) * 1000 / N).toFixed(0));
}
await client.close(); await b.close(); await demo.close();
