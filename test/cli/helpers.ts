// Runs the BUILT bin (dist/cli.js) as a person would: as a child process,
// asynchronously (the demo server it talks to runs in the test process), with
// a private home and config directory so that no real settings are read.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assertBuilt, cliPath } from '../e2e/helpers.js';

export { cliPath };

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  /** Written to stdin, which is then closed. */
  input?: string;
  timeoutMs?: number;
}

/** A fresh directory that stands for the user's home and config directory. */
export function privateHome(): string {
  return mkdtempSync(path.join(tmpdir(), 'ogc-cli-home-'));
}

export function baseEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), ...extra };
}

export function runCli(args: string[], options: RunOptions = {}): Promise<CliRun> {
  assertBuilt();
  const env = options.env ?? baseEnv(privateHome());
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 25_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export interface PtyRun {
  /** Everything the terminal showed so far. */
  output(): string;
  write(text: string): void;
  done: Promise<{ code: number | null; output: string }>;
}

/** Runs the bin in a pseudo-terminal (util-linux `script`), so that it sees a TTY on stdin, stdout and stderr. */
export function runInPty(args: string[], env: Record<string, string>): PtyRun {
  assertBuilt();
  // exec: the shell must not outlive node, or it answers a Ctrl+C node handled with its own exit code.
  const command = `exec ${[process.execPath, cliPath, ...args].map(shellQuote).join(' ')}`;
  const child = spawn('script', ['-qec', command, '/dev/null'], { env: { ...env, SHELL: '/bin/sh', TERM: 'xterm', COLUMNS: '100' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
  const done = new Promise<{ code: number | null; output: string }>((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output: out });
    });
  });
  return { output: () => out, write: (text) => child.stdin.write(text), done };
}

/** Waits until `probe` holds, polling every 50 ms, at most `ms`. */
export async function until(probe: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > end) throw new Error('condition never held');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A demo server for the tests of one file (the demo tests' helper). */
export { useDemoServer as demoForFile } from '../demo/helpers.js';
