import { Agent } from 'undici';
import { startBareChild } from './lib/children.js';
const bare = await startBareChild();
const agent = new Agent({ connections: 1 });
const origin = new URL(bare.url).origin;
async function forAwait(body: any) { const chunks: Buffer[] = []; for await (const c of body) chunks.push(c); return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks); }
async function viaArrayBuffer(body: any) { return Buffer.from(await body.arrayBuffer()); }
async function viaEvents(body: any): Promise<Buffer> { return new Promise((resolve, reject) => { const chunks: Buffer[] = []; body.on('data', (c: Buffer) => chunks.push(c)); body.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks))); body.on('error', reject); }); }
const kinds: Record<string, (b: any) => Promise<Buffer>> = { forAwait, viaArrayBuffer, viaEvents };
for (let round = 0; round < 3; round++) for (const [k, fn] of Object.entries(kinds)) {
  for (let i = 0; i < 500; i++) { const r = await agent.request({ origin, path: '/', method: 'GET' }); await fn(r.body); }
  const c = process.cpuUsage(); const N = 4000;
  for (let i = 0; i < N; i++) { const r = await agent.request({ origin, path: '/', method: 'GET' }); await fn(r.body); }
  const u = process.cpuUsage(c); console.log(k.padEnd(16), 'cpu µs/req', ((u.user + u.system) / N).toFixed(1));
}
await agent.close(); await bare.close();
