// How a request is put together: -r file (JSON or YAML, or stdin) < the
// PROCESS_ID argument < -i inputs; --dotpath nesting; -s callbacks; and what
// execute-process sends (seen in the results of return_base_model).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { nestDotted, parseInputArgument } from '../../src/cli/request.js';
import { runCli } from './helpers.js';

let demo: DemoServer;
let dir: string;
beforeAll(async () => {
  demo = await startDemoServer();
  dir = mkdtempSync(path.join(tmpdir(), 'ogc-cli-req-'));
});
afterAll(async () => {
  await demo.close();
});

const at = () => ['--server-url', demo.url];

describe('-i values', () => {
  it('reads JSON, falls back to a string, and takes a bare name as true', () => {
    expect(parseInputArgument('n=3')).toEqual(['n', 3]);
    expect(parseInputArgument('list=[1,2]')).toEqual(['list', [1, 2]]);
    expect(parseInputArgument('s=hello world')).toEqual(['s', 'hello world']);
    expect(parseInputArgument('s="3"')).toEqual(['s', '3']);
    expect(parseInputArgument('flag')).toEqual(['flag', true]);
    expect(() => parseInputArgument('n=')).toThrow(/missing input value/);
    expect(() => parseInputArgument('1n=2')).toThrow(/must start with a letter/);
  });

  it('nests dotted names, numeric segments as list indexes', () => {
    expect(nestDotted({ 'a.b': 1, 'a.c.0': 'x', 'a.c.1': 'y', d: 2 })).toEqual({ a: { b: 1, c: ['x', 'y'] }, d: 2 });
  });
});

describe('precedence: file < argument < -i', () => {
  it('takes the file, lets PROCESS_ID and -i win over it (YAML file)', async () => {
    const file = path.join(dir, 'request.yaml');
    writeFileSync(file, 'process_id: sleep_a_while\ninputs:\n  min_val: 5\n  max_val: 30\n');
    const run = await runCli(['vr', 'primes_between', '-r', file, '-i', 'max_val=12', ...at(), '-f', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ process_id: 'primes_between', inputs: { min_val: 5, max_val: 12 } });
  });

  it('reads JSON from stdin with -r -, and -s callbacks join the request', async () => {
    const run = await runCli(['vr', '-r', '-', '-s', 'success=https://example.org/done', '-s', 'progress=http://example.org/p', ...at(), '-f', 'json'], {
      input: JSON.stringify({ process_id: 'primes_between', inputs: { max_val: 10 }, subscriber: { failedUri: 'https://example.org/failed' } }),
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      process_id: 'primes_between',
      inputs: { max_val: 10 },
      subscriber: { failedUri: 'https://example.org/failed', successUri: 'https://example.org/done', inProgressUri: 'http://example.org/p' },
    });
  });

  it('--dotpath nests -i names into objects, over a dotted request file; execute sends the nested object', async () => {
    const file = path.join(dir, 'nested.json');
    writeFileSync(file, JSON.stringify({ process_id: 'return_base_model', dotpath: true, inputs: { 'scene_spec.threshold': 1, 'scene_spec.factor': 2 } }));
    const run = await runCli(['ep', '-r', file, '-d', '-i', 'scene_spec.factor=7.5', ...at(), '--wait', '-f', 'json']);
    expect(run.code).toBe(0);
    // The demo returns an object output as a qualified value.
    expect(JSON.parse(run.stdout).return_value.value).toEqual({ threshold: 1, factor: 7.5 });
  });

  it('rejects bad requests with 1 and says why', async () => {
    const noId = await runCli(['vr', '-i', 'x=1', ...at()]);
    expect(noId.code).toBe(1);
    expect(noId.stderr).toContain('Missing process id');
    const badFile = path.join(dir, 'bad.json');
    writeFileSync(badFile, '{"inputs": [1, 2]}');
    const notObject = await runCli(['vr', 'primes_between', '-r', badFile, ...at()]);
    expect(notObject.code).toBe(1);
    expect(notObject.stderr).toContain("The request's inputs must be an object");
    const callback = await runCli(['vr', 'primes_between', '-s', 'done=https://x.org/', ...at()]);
    expect(callback.code).toBe(1);
    expect(callback.stderr).toContain('success, failed or progress');
    const missingFile = await runCli(['ep', 'primes_between', '-r', path.join(dir, 'nope.yaml'), ...at()]);
    expect(missingFile.code).toBe(1);
    expect(missingFile.stderr).toContain('ENOENT');
  });
});
