import { execFileSync } from 'node:child_process';
import { startDemoChild } from './lib/children.js';
const demo = await startDemoChild({ syntheticProcesses: 991 });
for (let i = 0; i < 3; i++) for (const w of ['raw', 'client']) console.log(execFileSync(process.execPath, ['--import', 'tsx', 'bench/scratch-catparts.ts', demo.url, w]).toString().trim());
await demo.close();
