import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, mkdirSync } from 'node:fs';
import { startDemoChild } from './lib/children.js';
const demo = await startDemoChild({ syntheticProcesses: 991 });
execFileSync(process.execPath, ['--import', 'tsx', 'bench/scratch-catalog.ts', demo.url]);
rmSync('/tmp/prof-cat', { recursive: true, force: true }); mkdirSync('/tmp/prof-cat');
console.log(execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir=/tmp/prof-cat', '--cpu-prof-interval', '200', '--import', 'tsx', 'bench/scratch-catalog.ts', demo.url]).toString());
await demo.close();
