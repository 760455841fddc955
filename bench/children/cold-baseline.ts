// Cold-start baseline: a fresh node process that fetches the process list and
// then every description at once with undici, parsing each, and exits. It is
// compiled to plain JS (bench/tsconfig.json) so that it starts as fast as the
// bridge's own dist/cli.js.
import { Agent } from 'undici';

const base = process.argv[2];
if (!base) throw new Error('usage: cold-baseline BASE_URL [CONNECTIONS]');
// Every request is issued at once; undici queues them on this many connections.
const connections = Number(process.argv[3] ?? 16);
const agent = new Agent({ keepAliveTimeout: 10_000, connections });

async function getJson(path: string): Promise<unknown> {
  const { statusCode, body } = await agent.request({ origin: new URL(base!).origin, path, method: 'GET', headers: { accept: 'application/json' } });
  const text = await body.text();
  if (statusCode !== 200) throw new Error(`GET ${path}: HTTP ${statusCode}`);
  return JSON.parse(text) as unknown;
}

const prefix = new URL(base).pathname;
const list = (await getJson(`${prefix}processes`)) as { processes: Array<{ id: string }> };
const descriptions = await Promise.all(list.processes.map((p) => getJson(`${prefix}processes/${encodeURIComponent(p.id)}`)));
process.stdout.write(`${JSON.stringify({ documents: descriptions.length + 1 })}\n`);
await agent.close();
