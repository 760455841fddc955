import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { ListToolsResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { startDemoChild, startStdioBridge } from './lib/children.js';
import { summarizeProfile } from './profile-summary.js';
const dir = '/tmp/prof-cold';
rmSync(dir, { recursive: true, force: true }); mkdirSync(dir);
const demo = await startDemoChild({ syntheticProcesses: 991 });
{ const b = await startStdioBridge(demo.url); await b.client.request({ method: 'tools/list' }, ListToolsResultSchema); await b.close(); }
const prof = process.argv.includes('--prof');
const t = performance.now();
const b = await startStdioBridge(demo.url, [], prof ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []);
const t1 = performance.now();
const r = await b.client.request({ method: 'tools/list' }, ListToolsResultSchema);
const t2 = performance.now();
console.log('connect', (t1 - t).toFixed(0), 'list', (t2 - t1).toFixed(0), 'tools', r.tools.length, 'json bytes', JSON.stringify(r).length);
await b.close(); await demo.close();
if (prof) { await new Promise((r) => setTimeout(r, 300)); console.log(summarizeProfile(`${dir}/${readdirSync(dir)[0]}`, 45)); }
import { startRawStdioBridge } from './lib/raw-stdio.js';
const demo2 = await startDemoChild({ syntheticProcesses: 991 });
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const raw = await startRawStdioBridge(demo2.url);
  const t1 = performance.now();
  const res = await raw.request('tools/list');
  const t2 = performance.now();
  const w = performance.now(); await raw.request('tools/list'); const w2 = performance.now();
  console.log('raw connect', (t1 - t0).toFixed(0), 'list', (t2 - t1).toFixed(0), (res.result as any).tools.length, 'warm', (w2 - w).toFixed(0));
  await raw.close();
}
await demo2.close();
