#!/usr/bin/env node
// npm run conformance: the official MCP conformance suite against the BUILT
// server over Streamable HTTP, backed by the embedded demo OGC server, for
// both protocol eras the server speaks on its one endpoint.
//   1. starts `node dist/cli.js --demo --transport http --port 0`;
//   2. reads the chosen port from its log line on stderr;
//   3. runs `conformance server --url http://localhost:PORT/mcp` twice: the
//      2025-11-25 suite (0.1.16) with conformance/expected-failures.yml, then
//      the 2026-07-28 requirements (0.2.0-alpha.12, `--requirements
//      2026-07-28`) with conformance/expected-failures-2026-07-28.yml (the
//      suite needs Node 22: npx fetches it as a package, whatever Node runs
//      this script);
//   4. stops the server with SIGTERM and exits non-zero if either run failed.
// Extra arguments go to the suite (e.g. `npm run conformance -- --scenario ping`;
// a single scenario is run without the expected-failures files);
// CONFORMANCE_ERA=legacy or modern runs one of the two.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const RUNS = [
  { era: 'legacy', suite: '@modelcontextprotocol/conformance@0.1.16', select: [], expectedFailures: path.join(root, 'conformance', 'expected-failures.yml') },
  {
    era: 'modern',
    suite: '@modelcontextprotocol/conformance@0.2.0-alpha.12',
    select: ['--requirements', '2026-07-28'],
    expectedFailures: path.join(root, 'conformance', 'expected-failures-2026-07-28.yml'),
  },
].filter((run) => !process.env.CONFORMANCE_ERA || run.era === process.env.CONFORMANCE_ERA);
const STARTUP_MS = 30_000;

if (!existsSync(cli)) {
  process.stderr.write(`conformance: ${cli} is missing; run \`npm run build\` first.\n`);
  process.exit(2);
}

const server = spawn(process.execPath, [cli, '--demo', '--transport', 'http', '--host', '127.0.0.1', '--port', '0'], {
  cwd: root,
  env: { ...process.env, MCP_HTTP_TOKEN: '', LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' },
  stdio: ['ignore', 'ignore', 'pipe'],
});
let serverLog = '';
const serverExited = new Promise((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));

const stopServer = async () => {
  if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
  return serverExited;
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    void stopServer().then(() => process.exit(130));
  });
}

const port = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`the server did not report its port within ${STARTUP_MS / 1000} s`)), STARTUP_MS);
  server.stderr.setEncoding('utf8');
  server.stderr.on('data', (chunk) => {
    serverLog += chunk;
    const m = /MCP Streamable HTTP on http:\/\/[^\s/]+:(\d+)\/mcp/.exec(serverLog);
    if (m) {
      clearTimeout(timer);
      resolve(Number(m[1]));
    }
  });
  void serverExited.then(({ code, signal }) => {
    clearTimeout(timer);
    reject(new Error(`the server exited (${signal ?? code}) before listening`));
  });
}).catch(async (error) => {
  process.stderr.write(`conformance: ${error.message}\n${serverLog}`);
  await stopServer();
  process.exit(1);
});

// localhost, not 127.0.0.1: the dns-rebinding-protection scenario needs a localhost URL.
const url = `http://localhost:${port}/mcp`;
const extra = process.argv.slice(2);
const single = extra.includes('--scenario');
let suiteCode = 0;
for (const run of RUNS) {
  const args = ['-y', '-p', 'node@22', '-p', run.suite, '--', 'conformance', 'server', '--url', url];
  // A single scenario is chosen by the caller, for the spec version it names (or the suite's default).
  args.push(...(single ? [] : [...run.select, '--expected-failures', run.expectedFailures]), ...extra);
  process.stderr.write(`conformance: ${run.suite} (${run.era === 'modern' ? 'MCP 2026-07-28' : 'MCP 2025-11-25'}) against ${url}\n`);
  const code = await runSuite(args);
  process.stderr.write(`conformance: ${run.era} run exit code ${code}.\n`);
  suiteCode ||= code;
}

function runSuite(args) {
  const suite = spawn('npx', args, { cwd: root, stdio: 'inherit', env: { ...process.env, npm_config_update_notifier: 'false' } });
  return new Promise((resolve) => {
    suite.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    suite.once('error', (error) => {
      process.stderr.write(`conformance: cannot run npx: ${error.message}\n`);
      resolve(1);
    });
  });
}

const { code: serverCode } = await stopServer();
if (serverCode !== 0) {
  process.stderr.write(`conformance: the server did not stop cleanly (exit ${serverCode}). Its log:\n${serverLog}`);
  process.exit(suiteCode || 1);
}
process.stderr.write(`conformance: suite exit code ${suiteCode}; server stopped cleanly.\n`);
process.exit(suiteCode);
