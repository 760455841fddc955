import { spawn } from 'node:child_process';
import { startDemoChild } from './lib/children.js';
const demo = await startDemoChild({ syntheticProcesses: 991 });
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['dist-bench/dist-t/cli.js', '--server-url', demo.url]);
  let err = ''; child.stderr.on('data', (d) => (err += d));
  let out = Buffer.alloc(0); let tInit = 0, tList = 0;
  child.stdout.on('data', (d: Buffer) => { out = Buffer.concat([out, d]); const s = out.toString(); if (!tInit && s.includes('"id":1')) { tInit = performance.now() - t0; child.stdin.write(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) + '\n' + JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }) + '\n'); } if (s.endsWith("\n") && s.split("\n").some((l) => l.startsWith("{\"result\":{\"tools\"") || l.includes("\"id\":2}"))) { tList = performance.now() - t0; child.stdin.end(); } });
  child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } } }) + '\n');
  await new Promise((r) => child.on('exit', r));
  console.log('client: init', tInit.toFixed(0), 'list complete', tList.toFixed(0), '| bridge (ms since its start):', err.split('\n').filter((l) => l.startsWith('T ')).map((l) => l.slice(2)).join(', '));
}
await demo.close();
