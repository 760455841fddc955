// `npm run bench`: starts its own servers on loopback, runs every benchmark,
// prints one table (stdout) and writes it to BENCHMARKS.md. Progress goes to
// stderr. Flags: --quick (fewer and shorter runs), --only=a,b (sections:
// overhead, cold, throughput, memory, demo, polling), --no-write.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { assertBuilt, cliPath, repoRoot } from './lib/children.js';
import type { BenchContext } from './lib/context.js';
import { describeMachine, machineFacts } from './lib/machine.js';
import { renderTable, type Row } from './lib/table.js';
import { coldStart } from './sections/cold-start.js';
import { demoAlone } from './sections/demo-alone.js';
import { memory } from './sections/memory.js';
import { callOverhead } from './sections/overhead.js';
import { polling } from './sections/polling.js';
import { throughput } from './sections/throughput.js';

const SECTIONS: Record<string, (ctx: BenchContext) => Promise<Row[]>> = {
  overhead: callOverhead,
  cold: coldStart,
  throughput,
  memory,
  demo: demoAlone,
  polling,
};

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, 'no-write': { type: 'boolean', default: false } },
  strict: true,
});
const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
for (const name of only ?? []) if (!SECTIONS[name]) throw new Error(`unknown section ${name}; known: ${Object.keys(SECTIONS).join(', ')}`);

assertBuilt();
const ctx: BenchContext = { quick: values.quick, log: (m) => process.stderr.write(`[bench] ${m}\n`) };
const machine = machineFacts();
const started = new Date();
const startedAt = performance.now();
const rows: Row[] = [];
const failures: string[] = [];
for (const [name, run] of Object.entries(SECTIONS)) {
  if (only && !only.includes(name)) continue;
  const t = performance.now();
  try {
    rows.push(...(await run(ctx)));
  } catch (error) {
    // One broken section must not hide the others' figures.
    failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    ctx.log(`${name} FAILED: ${failures.at(-1)}`);
  }
  ctx.log(`${name} done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

const command = `npm run bench${process.argv.slice(2).length > 0 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
const facts = describeMachine(machine, os.loadavg()[0] ?? Number.NaN);
const header = [
  `Command: \`${command}\` (bridge: ${path.relative(repoRoot, cliPath)}), ${started.toISOString()}, ${((performance.now() - startedAt) / 1000).toFixed(0)} s${values.quick ? ', --quick' : ''}`,
  `Machine: ${facts}`,
  'Processes: the demo OGC server and the bridge each run in a process of their own; clients and load generators run in the bench process.',
];
const failed = failures.length > 0 ? `\n\nFailed sections:\n${failures.map((f) => `- ${f}`).join('\n')}` : '';
const table = renderTable(rows);
process.stdout.write(`${header.join('\n')}\n\n${table}${failed}\n`);

if (!values['no-write'] && !only) {
  const file = path.join(repoRoot, 'BENCHMARKS.md');
  writeFileSync(file, benchmarksMarkdown(header, table + failed));
  ctx.log(`wrote ${path.relative(process.cwd(), file)}`);
}
process.exit(failures.length > 0 ? 1 : 0);

function benchmarksMarkdown(head: string[], body: string): string {
  return `# Benchmarks

The latest table from \`npm run bench\` (bench/run.ts). Each figure is the median
over repeated runs, with [min–max], next to a baseline measured in the same run.
The benchmark never fails a build: it reports, and says which targets are met.

${head.map((l) => `${l}  `).join('\n')}

${body}

## What each row measures

1. Call overhead: one tools/call of a quick process through the bridge (SDK
   Client, over stdio and over Streamable HTTP), interleaved with two floors:
   the same upstream requests sent straight to the demo server with undici,
   and the SDK's own ping on the same transport. Target: (bridge − ping) /
   direct ≤ 1.2 at the median. primes_between offers async execution, so the
   bridge runs it as a job (POST 201, one status poll, GET results); the
   synthetic process is sync-only, so the bridge runs it with one POST.
2. Cold start: from spawning \`node dist/cli.js\` to the first complete
   tools/list (raw JSON-RPC over stdio, parsed), against a demo server with
   1,000 processes; baseline: a fresh node process fetching the same 1,001
   documents with undici (16 connections, every request issued at once).
   Warm: tools/list again on the same session.
3. Throughput: 64 MCP sessions over Streamable HTTP, each calling the
   sync-only process in a closed loop, against 64 undici loops sending the
   execution straight to the demo server.
4. Memory: peak RSS (VmHWM) of a fresh stdio bridge while a 50 MiB output is
   returned (cut to the result budget) and then read whole as a resource, and
   while list_jobs runs against 10,000 jobs that the server sends all at once.
5. The demo server alone, against a bare node:http server on the same machine.
6. Polling: upstream requests spent following a 10 s job, counted at a proxy,
   against a client polling every 50 ms; and how late after the job ends the
   tool call answers.
`;
}
