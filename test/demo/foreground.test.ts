// runDemoServerForeground in a real child process: logs its URL on stderr,
// serves, and exits 0 on SIGINT/SIGTERM with nothing left holding it open.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/repo.js';

const entry = path.join(repoRoot, 'test', 'demo', 'fixtures', 'run-foreground.ts');

function startChild() {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  const url = new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (d) => {
      stderr += d;
      const match = /listening on (http:\/\/\S+\/)/.exec(stderr);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${stderr}`)));
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url, exit, output: () => ({ stderr, stdout }) };
}

describe('runDemoServerForeground', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`serves until ${signal}, then exits 0`, async () => {
      const run = startChild();
      const url = await run.url;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const reply = await fetch(`${url}processes/sleep_a_while`);
      expect(reply.status).toBe(200);
      expect(((await reply.json()) as { title: string }).title).toBe('Sleep Processor');
      // A running job must not keep the process alive either.
      const job = await fetch(`${url}processes/sleep_a_while/execution`, { method: 'POST', body: '{"inputs":{"duration":600}}' });
      expect(job.status).toBe(201);
      run.child.kill(signal);
      expect(await run.exit).toBe(0);
      expect(run.output().stderr).toContain('stopped');
      expect(run.output().stdout).toBe('');
    });
  }
});
