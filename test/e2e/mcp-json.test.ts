// mcp.json at the repository root is a configuration that works from any
// working directory: every entry runs the package's bin through npx, and
// examples/mcp.installed.json says the same for the installed bin. The entries
// are started through npx and the installed bin in pack-install.test.ts; here,
// the demo entry's arguments are started with the built bin from elsewhere.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { repoRoot } from '../support/repo.js';
import { assertBuilt, cliPath } from './helpers.js';

interface Entry {
  command: string;
  args?: string[];
  env?: Record<string, string>;
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8'));
const pkg = readJson('package.json') as { name: string; bin: Record<string, string> };

describe('mcp.json', () => {
  const config = readJson('mcp.json') as { mcpServers: Record<string, Entry> };
  const installed = readJson('examples/mcp.installed.json') as { mcpServers: Record<string, Entry> };

  it('has a demo entry and a real-server entry with short names', () => {
    expect(Object.keys(config.mcpServers)).toEqual(expect.arrayContaining(['ogc-demo', 'ogc']));
    expect(config.mcpServers.ogc!.env?.OGC_SERVER_URL).toMatch(/^https:\/\//);
    for (const name of Object.keys(config.mcpServers)) expect(name.length).toBeLessThanOrEqual(10);
  });

  it("runs the installed bin through npx, never fetching from the registry, in every entry, with no path that depends on the working directory", () => {
    expect(pkg.bin[pkg.name]).toBe('dist/cli.js');
    for (const [name, entry] of Object.entries(config.mcpServers)) {
      expect(entry.command, name).toBe('npx');
      expect(entry.args?.slice(0, 2), name).toEqual(['--yes=false', pkg.name]);
      expect(JSON.stringify(entry), name).not.toMatch(/\.\/|dist\//);
    }
  });

  it('has an installed-bin example with the same servers, arguments and environment', () => {
    expect(Object.keys(installed.mcpServers)).toEqual(Object.keys(config.mcpServers));
    for (const [name, entry] of Object.entries(installed.mcpServers)) {
      expect(entry.command, name).toBe(pkg.name);
      expect(entry.args ?? [], name).toEqual(config.mcpServers[name]!.args!.slice(2));
      expect(entry.env, name).toEqual(config.mcpServers[name]!.env);
    }
  });

  it("starts the demo entry's arguments with the built bin from another working directory", async () => {
    assertBuilt();
    const entry = config.mcpServers['ogc-demo']!;
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [cliPath, ...(entry.args ?? []).slice(2)],
      env: entry.env ?? {},
      cwd: os.tmpdir(),
      stderr: 'ignore',
    });
    const client = new Client({ name: 'mcp-json-test', version: '0' });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toContain('primes_between');
    } finally {
      await client.close();
    }
  });
});
