// mcp.json at the repository root is a configuration that works as written:
// its demo entry is started exactly as a client would start it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { repoRoot } from '../support/repo.js';
import { assertBuilt } from './helpers.js';

interface Entry {
  command: string;
  args?: string[];
  env?: Record<string, string>;
}

describe('mcp.json', () => {
  const config = JSON.parse(readFileSync(path.join(repoRoot, 'mcp.json'), 'utf8')) as { mcpServers: Record<string, Entry> };

  it('has a demo entry and a real-server entry with short names', () => {
    expect(Object.keys(config.mcpServers)).toEqual(expect.arrayContaining(['ogc-demo', 'ogc']));
    expect(config.mcpServers.ogc!.env?.OGC_SERVER_URL).toMatch(/^https:\/\//);
    for (const name of Object.keys(config.mcpServers)) expect(name.length).toBeLessThanOrEqual(10);
  });

  it('starts the demo entry as a client would, from the repository root', async () => {
    assertBuilt();
    const entry = config.mcpServers['ogc-demo']!;
    const transport = new StdioClientTransport({ command: entry.command, args: entry.args ?? [], env: entry.env ?? {}, cwd: repoRoot, stderr: 'ignore' });
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
