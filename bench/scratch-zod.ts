import { documentSchemas } from '../src/ogc/models.js';
import { startDemoChild } from './lib/children.js';
const demo = await startDemoChild({ syntheticProcesses: 3 });
const doc = await (await fetch(new URL('processes/synthetic_0002', demo.url))).json();
const text = JSON.stringify(doc);
console.log('bytes', text.length);
function bench(name: string, fn: () => unknown, n = 5000) { for (let i = 0; i < 500; i++) fn(); const t = performance.now(); for (let i = 0; i < n; i++) fn(); console.log(name.padEnd(30), ((performance.now() - t) / n * 1000).toFixed(1), 'µs'); }
bench('JSON.parse', () => JSON.parse(text));
bench('zod process', () => documentSchemas.process.safeParse(JSON.parse(text)));
const cold = documentSchemas.statusInfo;
bench('zod statusInfo', () => cold.safeParse({ jobID: 'a', status: 'running', type: 'process', processID: 'x', links: [{ href: 'http://x/jobs/a', rel: 'self' }] }));
await demo.close();
