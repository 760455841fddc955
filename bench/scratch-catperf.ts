import { execFileSync } from 'node:child_process';
import { startDemoChild } from './lib/children.js';
const demo = await startDemoChild({ syntheticProcesses: 991 });
execFileSync(process.execPath, ['--import', 'tsx', 'bench/scratch-catalog.ts', demo.url]);
console.log(execFileSync('perf', ['record', '-F', '4000', '-g', '-o', '/tmp/perf-cat.data', '--', process.execPath, '--perf-basic-prof', '--import', 'tsx', 'bench/scratch-catalog.ts', demo.url], { stdio: ['ignore', 'pipe', 'ignore'] }).toString());
await demo.close();
