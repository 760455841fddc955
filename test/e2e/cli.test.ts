// The CLI's own behaviour: help, version, bad flags, an unreachable or
// unauthorised server at start-up, inspect, and shutdown on a signal.
import { spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../src/demo/index.js';
import { freePort } from '../support/free-port.js';
import { assertBuilt, callTool, cliPath, ERAS, eventually, startCli, textOf } from './helpers.js';

const FIXED_COUNT = 8;

function run(args: string[], env: Record<string, string> = {}) {
  assertBuilt();
  return spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20_000 });
}

describe('ogc-processes-mcp command line', () => {
  it('prints help with every environment variable, and the version', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    for (const env of ['OGC_SERVER_URL', 'OGC_AUTH_TOKEN', 'OGC_WAIT_SECONDS', 'OGC_MAX_RESULT_BYTES', 'OGC_TIMEOUT_SECONDS', 'LOG_LEVEL']) {
      expect(help.stdout).toContain(env);
    }
    const version = run(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('exits with 2 and a message on stderr for bad flags, writing nothing to stdout', () => {
    const bad = run(['--server-url', 'http://127.0.0.1:1/', '--wait-seconds', 'forever']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--wait-seconds (OGC_WAIT_SECONDS) must be a number');
    expect(bad.stdout).toBe('');
    const none = run([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('--server-url');
    const unknown = run(['--demo', '--frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('frobnicate');
  });

  it('inspect --demo prints each process with its derived tool', () => {
    const out = run(['inspect', '--demo']);
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/primes_between -> tool primes_between/);
    expect(out.stdout).toContain('inputSchema');
    expect(out.stdout).toMatch(/\b218\b/);
  });

  it('exits cleanly on SIGTERM', async () => {
    assertBuilt();
    const child = spawn(process.execPath, [cliPath, '--demo'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await eventually(async () => (stderr.includes('over stdio') ? true : undefined));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe.each(ERAS)('an OGC server that is down at start-up (%s client)', (era) => {
  it('does not stop the bridge; the tools say why; process tools appear once it is up', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const cli = await startCli(['--server-url', url, '--refresh-seconds', '0'], {}, era);
    try {
      const { tools } = await cli.client.listTools();
      expect(tools).toHaveLength(FIXED_COUNT);
      const info = await callTool(cli.client, 'get_server_info', {});
      expect(info.isError).toBe(true);
      expect(textOf(info)).toContain(`http://127.0.0.1:${port}/`);
      expect(textOf(info)).toMatch(/refused/);
      const listed = await callTool(cli.client, 'list_processes', {});
      expect(listed.isError).toBe(true);

      let changed = false;
      cli.client.onToolsChanged(() => {
        changed = true;
      });
      const demo = await startDemoServer({ port });
      try {
        // Any call that needs the list re-reads it (once past the 1 s minimum between
        // on-demand refreshes, which holds after a failure too); the bridge then announces the new tools.
        await new Promise((resolve) => setTimeout(resolve, 1100));
        const again = await callTool(cli.client, 'list_processes', {});
        expect(again.isError, textOf(again)).toBeFalsy();
        await eventually(async () => (changed ? true : undefined));
        const after = await cli.client.listTools();
        expect(after.tools.map((t) => t.name)).toContain('primes_between');
      } finally {
        await demo.close();
      }
    } finally {
      await cli.close();
    }
  });
});

describe('an OGC server that refuses the credentials', () => {
  let server: http.Server;
  let url: string;
  const seenAuth: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seenAuth.push(req.headers.authorization ?? '');
      res.writeHead(401, { 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'token expired' }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('answers the fixed tools with a clear error, and never shows the token', async () => {
    const token = 'sekrit-token-0123456789';
    const cli = await startCli(['--server-url', url], { OGC_AUTH_TOKEN: token });
    try {
      const { tools } = await cli.client.listTools();
      expect(tools).toHaveLength(FIXED_COUNT);
      const info = await callTool(cli.client, 'list_processes', {});
      expect(info.isError).toBe(true);
      const text = textOf(info);
      expect(text).toMatch(/401/);
      expect(text).toContain(url);
      expect(text).toContain('OGC_AUTH_TOKEN');
      expect(text).not.toContain(token);
      expect(cli.stderr()).not.toContain(token);
      expect(seenAuth).toContain(`Bearer ${token}`);
    } finally {
      await cli.close();
    }
  });
});
