import { spawnSync } from 'node:child_process';
import { startDemoChild, coldBaselinePath } from './lib/children.js';
const demo = await startDemoChild({ syntheticProcesses: 991 });
for (const c of ['1','4','8','16','32','64','1000','1000','64','32','16','8','4']) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [coldBaselinePath, demo.url, c]);
  console.log(c, (performance.now() - t).toFixed(0), r.stdout.toString().trim());
}
const t = performance.now(); spawnSync(process.execPath, ['-e', '0']); console.log('node -e 0', (performance.now() - t).toFixed(0));
const t2 = performance.now(); spawnSync(process.execPath, ['-e', 'import("undici")']); console.log('node import undici', (performance.now() - t2).toFixed(0));
await demo.close();
