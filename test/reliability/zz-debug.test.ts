import { it } from 'vitest';
import { RawStdio } from './spawned.js';
it('debug', async () => {
  const raw = new RawStdio(['--demo', '--wait-seconds', '1']);
  await raw.initialize();
  for (const depth of [5000, 100000, 1000000]) for (const [open, close] of [['[', ']'], ['{"a":', '}']]) {
    for (const where of ['args', 'inputs']) {
      const deep = open.repeat(depth) + '1' + close.repeat(depth);
      const id = `d${depth}${open.length}${where}`;
      const line = where === 'args'
        ? `{"jsonrpc":"2.0","id":"${id}","method":"tools/call","params":{"name":"primes_between","arguments":{"min_val":${deep}}}}`
        : `{"jsonrpc":"2.0","id":"${id}","method":"tools/call","params":{"name":"execute_process","arguments":{"process_id":"primes_between","inputs":{"min_val":${deep}}}}}`;
      const t = performance.now();
      try { const a = await raw.requestLine(id, line, 10000); console.log(id, '->', JSON.stringify(a).slice(0, 200), Math.round(performance.now()-t)); }
      catch (e) { console.log(id, 'NO ANSWER', String(e)); }
    }
  }
  const a = await raw.request({ id: 'alive', method: 'ping' }, 5000); console.log('alive', JSON.stringify(a));
  console.log(raw.stderr.slice(-3000));
  await raw.close();
}, 300000);
