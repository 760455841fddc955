// On stdio, stdout carries JSON-RPC and nothing else: the CLI is spawned raw,
// driven with JSON-RPC lines, and every byte it writes to stdout is checked.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { assertBuilt, cliPath } from './helpers.js';

describe('stdout of `ogc-processes-mcp --demo` over stdio', () => {
  it('is JSON-RPC 2.0 messages only, even with debug logging on', async () => {
    assertBuilt();
    const child = spawn(process.execPath, [cliPath, '--demo', '--log-level', 'debug'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    const responses = new Map<number, any>();
    const waitFor = async (id: number) => {
      for (let i = 0; i < 300 && !responses.has(id); i++) {
        for (const line of stdout.split('\n')) {
          if (!line.trim()) continue;
          const msg = JSON.parse(line);
          if (msg.id !== undefined && !responses.has(msg.id)) responses.set(msg.id, msg);
        }
        if (!responses.has(id)) await new Promise((r) => setTimeout(r, 50));
      }
      if (!responses.has(id)) throw new Error(`no response to ${id}; stderr:\n${stderr}`);
      return responses.get(id);
    };
    const send = (msg: unknown) => child.stdin.write(`${JSON.stringify(msg)}\n`);

    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } });
    expect((await waitFor(1)).result.serverInfo.name).toBe('ogc-processes-mcp');
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    expect((await waitFor(2)).result.tools.length).toBeGreaterThan(8);
    send({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'primes_between', arguments: { max_val: 10 }, _meta: { progressToken: 'p1' } } });
    expect((await waitFor(3)).result.structuredContent.outputs.return_value).toEqual([2, 3, 5, 7]);
    send({ jsonrpc: '2.0', id: 4, method: 'tools/call', params: { name: 'primes_between', arguments: { max_val: 'ten' } } });
    expect((await waitFor(4)).result.isError).toBe(true);
    send({ jsonrpc: '2.0', id: 5, method: 'no/such/method' });
    expect((await waitFor(5)).error.code).toBe(-32601);

    // The client goes away: the server must notice stdin closing and exit cleanly.
    child.stdin.end();
    expect(await exited).toBe(0);

    const lines = stdout.split('\n').filter((l) => l.length > 0);
    expect(stdout.endsWith('\n')).toBe(true);
    for (const line of lines) {
      const msg = JSON.parse(line);
      expect(msg.jsonrpc, line).toBe('2.0');
      expect('id' in msg || 'method' in msg, line).toBe(true);
    }
    // The log lines went to stderr (and, as notifications/message, to the client).
    expect(stderr).toContain('[ogc-processes-mcp]');
    expect(lines.some((l) => JSON.parse(l).method === 'notifications/progress')).toBe(true);
  });
});
