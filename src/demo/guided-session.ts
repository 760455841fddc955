// `npm run demo`: a short guided session through a real MCP client. The SDK's
// (v2) Client, pinned to MCP 2026-07-28, spawns the built CLI with --demo over
// stdio (as Claude Desktop would),
// then walks through discovery, a quick run, a long run with live progress, a
// failed job, and job management. Exits non-zero if any step misbehaves.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, type CallToolResult } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';

const PROTOCOL_VERSION = '2026-07-28';
import { errorMessage } from '../util/errors.js';

const cliPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'cli.js');
const failures: string[] = [];

function step(title: string): void {
  console.log(`\n== ${title}`);
}

function check(ok: boolean, what: string): void {
  console.log(`   ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

function textOf(result: CallToolResult): string {
  return result.content.map((c) => (c.type === 'text' ? c.text : `[${c.type}]`)).join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `   | ${l}`)
    .join('\n');
}

async function call(client: Client, name: string, args: Record<string, unknown>, onProgress?: (p: { progress: number; total?: number; message?: string }) => void): Promise<CallToolResult> {
  console.log(`-> ${name} ${JSON.stringify(args)}`);
  const result = await client.callTool({ name, arguments: args }, onProgress ? { onprogress: onProgress, resetTimeoutOnProgress: true } : {});
  console.log(indent(textOf(result)));
  return result;
}

async function main(): Promise<number> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [cliPath, '--demo', '--log-level', 'warning'], stderr: 'inherit' });
  // Pinned: no fallback to the 2025-11-25 handshake; connect() fails if the server does not offer 2026-07-28.
  const client = new Client({ name: 'ogc-processes-mcp-guided-demo', version: '1.0.0' }, { versionNegotiation: { mode: { pin: PROTOCOL_VERSION } } });
  await client.connect(transport);
  try {
    step('1. Connected to the MCP server (it started its embedded demo OGC server)');
    const info = client.getServerVersion();
    console.log(`   server: ${info?.name} ${info?.version}, MCP ${client.getProtocolEra() === 'modern' ? PROTOCOL_VERSION : 'unexpected era'}`);
    check(client.getProtocolEra() === 'modern', `the session speaks MCP ${PROTOCOL_VERSION}`);
    const server = await call(client, 'get_server_info', {});
    check(!server.isError, 'get_server_info answers');

    step('2. The tools: the fixed ones, then one per OGC process');
    const { tools } = await client.listTools();
    for (const t of tools) console.log(`   - ${t.name}: ${t.title ?? ''}`);
    check(tools.some((t) => t.name === 'primes_between') && tools.some((t) => t.name === 'sleep_a_while'), 'process tools are listed');

    step('3. A quick process: primes between 0 and 20');
    const primes = await call(client, 'primes_between', { min_val: 0, max_val: 20 });
    const outputs = (primes.structuredContent as { outputs?: Record<string, unknown> } | undefined)?.outputs;
    check(JSON.stringify(outputs?.return_value) === JSON.stringify([2, 3, 5, 7, 11, 13, 17, 19]), 'return_value is [2,3,5,7,11,13,17,19]');

    step('4. A slow process with live progress: sleep_a_while for 3 seconds');
    let updates = 0;
    const slept = await call(client, 'sleep_a_while', { duration: 3 }, (p) => {
      updates += 1;
      console.log(`   progress ${p.progress.toFixed(1).padStart(5)}/${p.total ?? '?'}  ${p.message ?? ''}`);
    });
    check(!slept.isError && updates >= 3, `succeeded after ${updates} progress notifications`);

    step('5. A job that fails: sleep_a_while with fail=true');
    const failed = await call(client, 'sleep_a_while', { duration: 1, fail: true });
    check(failed.isError === true && textOf(failed).includes('Woke up too early'), "an error result with the job's own message");

    step('6. Jobs: start one without waiting, list it, dismiss it');
    const started = await call(client, 'execute_process', { process_id: 'sleep_a_while', inputs: { duration: 60 }, wait_seconds: 0 });
    const jobId = (started.structuredContent as { jobId?: string } | undefined)?.jobId;
    check(typeof jobId === 'string', 'the unfinished job comes back with its id');
    const listed = await call(client, 'list_jobs', { limit: 5 });
    const jobs = (listed.structuredContent as { jobs?: { jobId: string }[] } | undefined)?.jobs ?? [];
    check(jobs.some((j) => j.jobId === jobId), 'list_jobs shows it');
    if (jobId) {
      const dismissed = await call(client, 'dismiss_job', { job_id: jobId });
      check(!dismissed.isError, 'dismiss_job stops it');
      const after = await call(client, 'get_job', { job_id: jobId });
      check((after.structuredContent as { status?: string } | undefined)?.status === 'dismissed', 'get_job reports it dismissed');
    }
  } finally {
    await client.close();
  }
  console.log(failures.length === 0 ? '\nAll steps behaved as expected.' : `\n${failures.length} step(s) misbehaved:\n- ${failures.join('\n- ')}`);
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`guided session failed: ${errorMessage(error)}`);
    process.exit(1);
  },
);
