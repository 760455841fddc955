import { Agent } from 'undici';
import { OgcClient } from '../src/ogc/index.js';
import { deriveTool } from '../src/bridge/tool.js';
import { ToolNameTable } from '../src/bridge/names.js';
const url = process.argv[2]!;
const what = process.argv[3]!;
const t0 = performance.now(); const c0 = process.cpuUsage();
const client = new OgcClient({ baseUrl: url });
const list = await client.getProcesses();
const ids = list.processes.map((p) => p.id);
async function pool<T>(n: number, fn: (id: string) => Promise<T>) { let i = 0; const out: T[] = []; await Promise.all(Array.from({ length: n }, async () => { while (i < ids.length) { const id = ids[i++]!; out.push(await fn(id)); } })); return out; }
let docs: unknown[] = [];
if (what === 'raw') {
  const agent = new Agent({ connections: 16 });
  docs = await pool(16, async (id) => { const r = await agent.request({ origin: new URL(url).origin, path: `/processes/${id}`, method: 'GET' }); return JSON.parse(await r.body.text()); });
} else {
  docs = await pool(16, (id) => client.getProcess(id));
}
const t1 = performance.now(); const c1 = process.cpuUsage(c0);
let derive = 0;
if (what !== 'raw') {
  const names = new ToolNameTable([]);
  const t = performance.now();
  for (const d of docs) deriveTool(d, names.nameFor((d as any).id), { objectInputEncoding: 'raw', processId: (d as any).id });
  derive = performance.now() - t;
}
console.log(JSON.stringify({ what, fetchWall: Math.round(t1 - t0), fetchCpu: Math.round((c1.user + c1.system) / 1000), derive: Math.round(derive) }));
process.exit(0);
