import { it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startDemoServer } from '../../src/demo/index.js';
import { mb, memoryOf, spawnHttp } from '../reliability/spawned.js';
it('probe', async () => {
  const demo = await startDemoServer({ port: 0, maxWorkers: 32 });
  for (const extra of [[] as string[]]) {
    const http = await spawnHttp(['--server-url', demo.url, '--wait-seconds', '30', ...extra], { NODE_OPTIONS: '--max-old-space-size=48' });
    const clients = await Promise.all(Array.from({ length: 8 }, () => http.connect()));
    for (let round = 0; round < 12; round++) {
      let next = 0;
      await Promise.all(Array.from({ length: 32 }, async (_, w) => {
        while (next < 1000) { next++; await clients[w % 8]!.callTool({ name: 'primes_between', arguments: { min_val: 0, max_val: 50 } }) as CallToolResult; }
      }));
      await new Promise((r) => setTimeout(r, 2000));
      console.log(extra.join(' ') || 'sessions', 'round', round, mb(memoryOf(http.pid).rss));
    }
    await http.close();
  }
  await demo.close();
}, 600000);
