// `npm run bench`: starts its own servers on loopback, runs every benchmark,
// prints one table (stdout) and writes it to BENCHMARKS.md. Progress goes to
// stderr. Flags: --quick (fewer and shorter runs), --only=a,b (sections:
// overhead, cold, throughput, memory, demo, polling, scale, fast-path), --no-write, --profile
// (every bridge writes a V8 CPU profile under results/profiles/<section>/, and
// where its time went is printed after the table).
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { assertBuilt, cliPath, repoRoot } from './lib/children.js';
import type { BenchContext } from './lib/context.js';
import { describeMachine, machineFacts } from './lib/machine.js';
import { renderTable, type Row } from './lib/table.js';
import { summarizeProfile } from './profile-summary.js';
import { coldStart } from './sections/cold-start.js';
import { demoAlone } from './sections/demo-alone.js';
import { fastPath } from './sections/fast-path.js';
import { memory } from './sections/memory.js';
import { callOverhead } from './sections/overhead.js';
import { polling } from './sections/polling.js';
import { scale } from './sections/scale.js';
import { throughput } from './sections/throughput.js';

const SECTIONS: Record<string, (ctx: BenchContext) => Promise<Row[]>> = {
  overhead: callOverhead,
  cold: coldStart,
  throughput,
  memory,
  demo: demoAlone,
  polling,
  scale,
  'fast-path': fastPath,
};

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
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
const profileRoot = path.join(repoRoot, 'results', 'profiles');
if (values.profile) rmSync(profileRoot, { recursive: true, force: true });
for (const [name, run] of Object.entries(SECTIONS)) {
  if (only && !only.includes(name)) continue;
  if (values.profile) {
    process.env.BENCH_PROFILE_DIR = path.join(profileRoot, name);
    mkdirSync(process.env.BENCH_PROFILE_DIR, { recursive: true });
  }
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
if (values.profile) process.stdout.write(profiles());

// A profiled run is slower: its figures do not replace the table.
if (!values['no-write'] && !only && !values.profile) {
  const file = path.join(repoRoot, 'BENCHMARKS.md');
  writeFileSync(file, benchmarksMarkdown(header, table + failed));
  ctx.log(`wrote ${path.relative(process.cwd(), file)}`);
}
process.exit(failures.length > 0 ? 1 : 0);

/** Where the bridge's time went: the largest profile of each section. */
function profiles(): string {
  const out: string[] = [];
  for (const section of readdirSync(profileRoot)) {
    const dir = path.join(profileRoot, section);
    const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
    const largest = files.sort((a, b) => statSync(path.join(dir, b)).size - statSync(path.join(dir, a)).size)[0];
    if (largest) out.push(`\n## ${section} (${files.length} profile(s) in ${path.relative(repoRoot, dir)})\n${summarizeProfile(path.join(dir, largest), 12)}`);
  }
  return `${out.join('\n')}\n`;
}

function benchmarksMarkdown(head: string[], body: string): string {
  return `# Benchmarks

The latest table from \`npm run bench\` (bench/run.ts). Each figure is the median
over repeated runs, with [min–max], next to a baseline measured in the same run.
The benchmark never fails a build: it reports, and says which targets are met.

${head.map((l) => `${l}  `).join('\n')}

${body}

## What each row measures

1. Call overhead: one tools/call of a quick process through the bridge (SDK
   Client, over stdio and over Streamable HTTP), in both protocol eras side by
   side: the v1 Client (2025-11-25: initialize, an HTTP session) and the v2
   Client pinned to 2026-07-28 (server/discover, the _meta envelope on every
   request, no session: over HTTP the bridge builds a Server per request).
   Interleaved with two floors: the same upstream requests sent straight to
   the demo server with undici, and the cheapest protocol round trip on the
   same transport (ping for 2025-11-25; resources/list for 2026-07-28, which
   has no ping). Target: (bridge − round trip) / direct ≤ 1.2 at the median.
   primes_between offers both modes: the bridge runs it as a job the first
   time (a warm-up call) and then, knowing it is short, with one synchronous
   POST (the fast path, row 8); the synthetic process is sync-only, so the
   bridge runs it with one POST.
2. Cold start: from spawning \`node dist/cli.js\` to the first complete
   tools/list (raw JSON-RPC over stdio, parsed), against a demo server with
   1,000 processes; baseline: a fresh node process fetching the same 1,001
   documents with undici (16 connections, every request issued at once).
   Warm: tools/list again on the same session.
3. Throughput: 64 MCP clients over Streamable HTTP, each calling the
   sync-only process in a closed loop, against 64 undici loops sending the
   execution straight to the demo server; once with 2025-11-25 clients (a
   session each) and once with 2026-07-28 clients (no session), runs of the
   three alternating.
4. Memory: peak RSS (VmHWM) of a fresh stdio bridge while a 50 MiB output is
   returned (cut to the result budget) and then read whole as a resource, and
   while list_jobs runs against 10,000 jobs that the server sends all at once.
5. The demo server alone, against a bare node:http server on the same machine.
6. Polling: upstream requests spent following a 10 s job, counted at a proxy,
   against a client polling every 50 ms; and how late after the job ends the
   tool call answers.
7. What a model pays: the bytes of tools/list (compact JSON of the result) and
   the cold start to it, for the demo server (budget 12,000 bytes), 500
   processes (the generated catalogue; automatic listing switches to
   search_processes, budget 25,000 bytes; and every process a tool for
   comparison), and two demo servers behind one bridge.
8. Fast path (issue 11): primes_between through a stdio bridge against the
   same request sent straight (one synchronous POST; on 2.0 with the same
   \`Prefer: respond-async, wait=45\`), interleaved with the stdio ping, on the
   loopback demo server and on one that adds 5 ms to every request, in 1.0
   mode (the bridge runs the process synchronously once it has seen it finish
   quickly) and 2.0 mode (the bridge asks for results within its budget).
   Target: (bridge − ping) / direct ≤ 1.2 at the median. Then sleep_a_while
   (8 s) called with \`--wait-seconds 1\`: the call must come back with the job
   id within the budget (target: ≤ 1.2 × the budget).

\`npm run bench -- --profile\` runs the same with every bridge under
\`node --cpu-prof\` (profiles in results/profiles/) and prints where each
section's time went; \`tsx bench/profile-summary.ts FILE\` reads one profile.

## Findings behind the targets (profiles of 2026-11-26)

- Memory (met). A 50 MiB output used to peak near 500 MB: the body was held
  as chunks and their concatenation, then as text, parsed value, the JSON the
  resource re-serialized, and the SDK's serialized line, flattened and encoded
  for the pipe, with garbage from the previous step still uncollected. Now the
  body goes into one buffer of its Content-Length, bytes are dropped once
  decoded, garbage is collected between the steps of bodies over 8 MB
  (src/util/memory.ts), a text output is served as itself, and large stdio
  messages are written in slices (src/mcp/transports/stdio-large.ts). The
  floor is about two copies (the JSON text and its parsed value at
  JSON.parse) over an idle process of ~90 MB (of which ~45 MB is the node
  binary itself): ~190 MB. The resource limit went from 32 to 64 MiB so that
  a 50 MB output is readable at all.
- Call overhead (not met). On loopback the direct request takes ~0.3 ms, so
  the 20% allowance is ~60 µs; the bridge adds ~0.25 ms. In-process CPU per
  call (client and server in one process): ping 21 µs; tools/call with the
  upstream request stubbed 59 µs (SDK validation of request and result,
  argument validation, result translation); the OgcClient request 130-150 µs
  against 90-110 µs for a bare undici request (abort signal, body deadline,
  zod model check, header and URL handling); the same upstream work costs
  another ~50 µs inside a call (more promises, timers and event-loop turns).
  No single function stands out in the profiles. Against a server whose
  request takes milliseconds the same absolute cost is within the target.
- Cold start (not met). Timeline of a cold bridge: its code runs at ~340 ms
  (node start, then loading the SDK, zod, undici and the bridge; the HTTP
  transport, demo server and ajv now load only when used, -50 ms), the
  catalog of 1,000 processes is read in ~650 ms (deriving tools ~150 ms, the
  rest fetching through OgcClient: zod model checks ~100 ms while the JIT is
  cold, body reads, JSON), tools/list is written in ~20 ms. The baseline is a
  node process loading undici only and parsing JSON, ~0.5-0.7 s in total.
- Throughput (not met). Over Streamable HTTP a tools/call costs the bridge
  ~800-1000 µs of CPU, a ping alone ~250-300 µs: the SDK's transport turns
  each request into a Web Request and its answer into an SSE ReadableStream
  (@hono/node-server, Node 20 web streams), and the per-session log scope
  (AsyncLocalStorage, promise hooks on Node 20) adds ~70 µs per call. With the
  demo server and the load generator on the other core, 50% of the direct
  rate (~6,000/s) would need the whole call within ~330 µs.
- Protocol eras (run of 2026-12-04, on a machine loaded by other work: load
  average ~10, so every figure above is slower than on a quiet machine). A
  2026-07-28 call costs about what a 2025-11-25 one costs at the median (HTTP:
  9.4 vs 8.0 ms sync-only, 12.2 vs 12.0 ms as a job; stdio: 2.7 vs 2.1 ms, 6.7
  vs 5.7 ms). HTTP throughput with 2026-07-28 clients is ~70% of the session
  one (399 vs 578 calls/s): each request builds its own Server (handlers,
  capabilities), is classified twice (isLegacyRequest in front, then the SDK
  entry) and converted to a web Request twice, and the SDK validates the
  envelope and the standard headers; no session state is kept in exchange.
`;
}
