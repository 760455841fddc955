import { execFileSync } from 'node:child_process';
import { startDemoChild } from './lib/children.js';
import { summarize } from './lib/stats.js';
const demo = await startDemoChild({ syntheticProcesses: 991 });
const walls: number[] = [], cpus: number[] = [];
const extra = process.argv.slice(2);
for (let i = 0; i < 7; i++) {
  const out = JSON.parse(execFileSync(process.execPath, [...extra, '--import', 'tsx', 'bench/scratch-catalog.ts', demo.url]).toString());
  walls.push(out.wall); cpus.push(out.cpu);
}
console.log('wall', summarize(walls), 'cpu', summarize(cpus));
await demo.close();
