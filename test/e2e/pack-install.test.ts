// `npm pack`, then a global install into a temporary prefix, gives a working
// `ogc-processes-mcp`: --help, --demo answering an MCP client, and the entries
// of mcp.json (through npx) and examples/mcp.installed.json (the bare bin)
// started from a working directory that is not the repository. It packs what
// `npm test` built (dist/) and installs the dependencies from the npm cache
// when it can: about half a minute, bounded by the hook timeout.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { repoRoot } from '../support/repo.js';
import { assertBuilt } from './helpers.js';

interface Entry {
  command: string;
  args?: string[];
  env?: Record<string, string>;
}

/** npm's own command line: the one running this test when started by `npm test`, else npm from PATH. */
function findNpm(): { node: string; npmCli: string; npxCli: string } | undefined {
  const candidates = [process.env.npm_execpath, spawnSync('npm', ['prefix', '-g'], { encoding: 'utf8' }).stdout?.trim()]
    .filter((p): p is string => typeof p === 'string' && p !== '')
    .map((p) => (p.endsWith('.js') ? path.dirname(p) : path.join(p, 'lib', 'node_modules', 'npm', 'bin')));
  const dir = candidates.find((d) => existsSync(path.join(d, 'npm-cli.js')) && existsSync(path.join(d, 'npx-cli.js')));
  return dir ? { node: process.execPath, npmCli: path.join(dir, 'npm-cli.js'), npxCli: path.join(dir, 'npx-cli.js') } : undefined;
}

const npm = findNpm();
if (!npm) console.log('Skipped: the npm pack and global install test, because npm was not found (neither npm_execpath nor npm on PATH).');

const readConfig = (file: string) => JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')) as { mcpServers: Record<string, Entry> };

async function listToolNames(transport: StdioClientTransport): Promise<string[]> {
  const client = new Client({ name: 'pack-install-test', version: '0' });
  await client.connect(transport);
  try {
    expect(client.getServerVersion()?.name).toBe('ogc-processes-mcp');
    return (await client.listTools()).tools.map((t) => t.name);
  } finally {
    await client.close();
  }
}

describe.skipIf(!npm)('the packed package, installed globally', () => {
  let dir = '';
  let prefix = '';
  let bin = '';
  let cwd = '';
  let packed: string[] = [];

  const runNpm = (args: string[], options: { cwd: string; timeout: number }) => {
    const result = spawnSync(npm!.node, [npm!.npmCli, ...args], { ...options, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr}`);
    return result.stdout;
  };

  beforeAll(() => {
    assertBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'ogc-mcp-pack-'));
    prefix = path.join(dir, 'prefix');
    cwd = path.join(dir, 'elsewhere');
    mkdirSync(cwd);
    // --ignore-scripts: pack the dist/ that `npm test` just built instead of building again.
    const [info] = JSON.parse(runNpm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: repoRoot, timeout: 60_000 })) as Array<{
      filename: string;
      files: Array<{ path: string }>;
    }>;
    packed = info!.files.map((f) => f.path);
    runNpm(
      ['install', '--global', '--prefix', prefix, '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', path.join(dir, info!.filename)],
      { cwd: dir, timeout: 120_000 },
    );
    bin = path.join(prefix, 'bin', 'ogc-processes-mcp');
  }, 200_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ships the built code, the license and the configurations, and no sources or source maps', () => {
    expect(packed).toEqual(expect.arrayContaining(['dist/cli.js', 'dist/index.js', 'dist/index.d.ts', 'LICENSE', 'README.md', 'mcp.json', 'examples/mcp.installed.json']));
    expect(packed.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(packed.filter((f) => !f.startsWith('dist/') && !f.startsWith('examples/') && !['LICENSE', 'README.md', 'mcp.json', 'package.json'].includes(f))).toEqual([]);
  });

  it('installs a bin that answers --help', () => {
    const result = spawnSync(bin, ['--help'], { cwd, encoding: 'utf8', timeout: 20_000 });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('ogc-processes-mcp --demo');
    expect(result.stdout).toContain('OGC_SERVER_URL');
  });

  it('installs a bin whose --demo answers an MCP client', async () => {
    const names = await listToolNames(new StdioClientTransport({ command: bin, args: ['--demo'], cwd, stderr: 'ignore' }));
    expect(names).toEqual(expect.arrayContaining(['list_processes', 'primes_between']));
  });

  it("starts mcp.json's demo entry through npx from another working directory", async () => {
    const entry = readConfig('mcp.json').mcpServers['ogc-demo']!;
    expect(entry.command).toBe('npx');
    // npx finds the global install in this prefix; offline, so nothing is fetched.
    const transport = new StdioClientTransport({
      command: npm!.node,
      args: [npm!.npxCli, ...(entry.args ?? [])],
      env: { ...entry.env, npm_config_prefix: prefix, npm_config_offline: 'true' },
      cwd,
      stderr: 'ignore',
    });
    expect(await listToolNames(transport)).toContain('primes_between');
  });

  it("starts examples/mcp.installed.json's demo entry with the installed bin on PATH", async () => {
    const entry = readConfig('examples/mcp.installed.json').mcpServers['ogc-demo']!;
    expect(entry.command).toBe('ogc-processes-mcp');
    const transport = new StdioClientTransport({
      command: entry.command,
      args: entry.args ?? [],
      env: { ...entry.env, PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH ?? ''}` },
      cwd,
      stderr: 'ignore',
    });
    expect(await listToolNames(transport)).toContain('primes_between');
  });
});
