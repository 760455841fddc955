// Messages a person understands, found by trying the bin as a new user would.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { closestMatches } from '../../src/util/near-miss.js';
import { callTool, startCli, textOf } from '../e2e/helpers.js';
import { baseEnv, privateHome, runCli, runInPty, until } from './helpers.js';

let demo: DemoServer;
let notOgc: http.Server;
let notOgcUrl: string;
beforeAll(async () => {
  demo = await startDemoServer();
  notOgc = http.createServer((_req, res) => {
    res.writeHead(404, { 'Content-Type': 'text/html' });
    res.end('<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>');
  });
  await new Promise<void>((r) => notOgc.listen(0, '127.0.0.1', r));
  notOgcUrl = `http://127.0.0.1:${(notOgc.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await demo.close();
  await new Promise((r) => notOgc.close(r));
});

describe('server URLs and servers', () => {
  it('a URL without a scheme suggests http://, one ending in /processes the landing page', async () => {
    const bare = await runCli(['--server-url', 'localhost:8008']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('Did you mean http://localhost:8008 ?');
    const list = await runCli(['lp', '--server-url', `${demo.url}processes`]);
    expect(list.code).toBe(1);
    expect(list.stderr).toContain(`not its process list: try ${demo.url}`);
  });

  it('a server that is not OGC API - Processes is named so in one line, by inspect and the commands', async () => {
    const inspect = await runCli(['inspect', '--server-url', notOgcUrl]);
    expect(inspect.code).toBe(1);
    expect(inspect.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^${notOgcUrl} does not look like an OGC API - Processes server \\(GET /processes failed: HTTP 404`))]);
    const lp = await runCli(['lp', '--server-url', notOgcUrl]);
    expect(lp.code).toBe(2);
    expect(lp.stderr).toMatch(/^Error: .* does not look like an OGC API - Processes server/);
    expect(lp.stderr).not.toMatch(/get_job|list_jobs|describe_process/);
  });

  it('inspect against a server that is down does not talk of retrying in the background', async () => {
    const run = await runCli(['inspect', '--server-url', 'http://127.0.0.1:9/']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Could not reach the OGC server at http://127.0.0.1:9/');
    expect(run.stderr).not.toMatch(/background|Retrying/);
  });

  it('--include and --exclude that match no process name the near misses', async () => {
    const run = await runCli(['inspect', '--demo', '--include', 'primes_betwen,sleep*', '--exclude', 'redner_thumbnail']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('--include "primes_betwen" matches no process; did you mean "primes_between"?');
    expect(run.stderr).toContain('--exclude "redner_thumbnail" matches no process; did you mean "render_thumbnail"?');
    expect(run.stderr).not.toContain('"sleep*"');
  });
});

describe('flags, commands and help', () => {
  it('rejects HTTP-only flags over stdio, and OGC_DEMO with OGC_SERVER_URL, like their flag forms', async () => {
    const port = await runCli(['--demo', '--port', '4000', '--stateless']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port, --stateless apply to the HTTP transport only: add --transport http');
    const both = await runCli([], { env: baseEnv(privateHome(), { OGC_DEMO: '1', OGC_SERVER_URL: demo.url }) });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('OGC_DEMO and OGC_SERVER_URL exclude each other');
  });

  it('suggests the closest flag and command; help works', async () => {
    const flag = await runCli(['--demo', '--transprot', 'http']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('Did you mean --transport?');
    const command = await runCli(['lsit-processes']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("Unknown command 'lsit-processes'. Did you mean 'list-processes'?");
    const demoTypo = await runCli(['demo-sever']);
    expect(demoTypo.stderr).toContain("Did you mean 'demo-server'?");
    const help = await runCli(['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage:');
    expect(closestMatches('gjr', ['get-job-results', 'gjr', 'gj'])[0]).toBe('gjr');
  });

  it('a busy port suggests --port', async () => {
    const blocker = http.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = String((blocker.address() as AddressInfo).port);
    try {
      const bridge = await runCli(['--demo', '--transport', 'http', '--port', port]);
      expect(bridge.code).toBe(1);
      expect(bridge.stderr).toContain(`Cannot listen on 127.0.0.1:${port}: EADDRINUSE. The port is already in use: choose another with --port (MCP_PORT).`);
      const server = await runCli(['demo-server', '--port', port]);
      expect(server.code).toBe(1);
      expect(server.stderr).toContain(`port ${port} on 127.0.0.1 is already in use: choose another with --port.`);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });
});

describe('the demo', () => {
  it('demo-server --host 0.0.0.0 logs the address it binds and the URL to use', async () => {
    const run = runInPty(['demo-server', '--host', '0.0.0.0', '--port', '0'], baseEnv(privateHome()));
    await until(() => run.output().includes('Ctrl+C to stop'));
    run.write('\x03');
    const { output } = await run.done;
    expect(output).toMatch(/listening on 0\.0\.0\.0:\d+ \(all IPv4 interfaces\); from this machine: http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('--demo over stdio at a terminal says it waits for an MCP client and points to npm run demo and the commands', async () => {
    const run = runInPty(['--demo'], baseEnv(privateHome()));
    await until(() => run.output().includes('Press Ctrl+C'));
    run.write('\x03');
    const { output } = await run.done;
    expect(output).toContain('waits for an MCP client');
    expect(output).toContain('npm run demo');
    expect(output).toContain('ogc-processes-mcp list-processes --demo');
  });

  it('a job id unknown to the embedded demo explains that demo jobs live as long as the process', async () => {
    const cli = await runCli(['gj', 'job_1', '--demo']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('its jobs live only as long as that command');
    const session = await startCli(['--demo'], baseEnv(privateHome()));
    try {
      const result = await callTool(session.client, 'get_job', { job_id: 'job_1' });
      expect(textOf(result)).toContain('live only as long as its process');
    } finally {
      await session.close();
    }
  });
});
