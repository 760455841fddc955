// execute-process --wait as a person sees it: a live progress bar with the
// server's message in a terminal (a pseudo-terminal from `script`), plain
// lines without one, colour only on a terminal without NO_COLOR, and Ctrl+C
// asking whether to dismiss the job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { baseEnv, privateHome, runCli, runInPty, until } from './helpers.js';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(async () => {
  await demo.close();
});

const L3B = ['218', '-i', 'start_date=2024-01-01', '-i', 'end_date=2024-02-01', '-i', 'geometry=POINT(1 2)'];

describe('execute-process --wait', () => {
  it('draws a progress bar with the message in a terminal, in colour, and keeps stdout the JSON document', async () => {
    const run = runInPty(['ep', ...L3B, '--server-url', demo.url, '--wait', '-f', 'json'], baseEnv(privateHome()));
    const { code, output } = await run.done;
    expect(code).toBe(0);
    // Redrawn in place: carriage return, erase line, the bar, the percentage, the server's message.
    expect(output).toMatch(/\r\x1b\[2K\[█+░*\] +\d+% \x1b\[33mrunning\x1b\[39m \S+: Started processing/);
    expect(output).toMatch(/\x1b\[32msuccessful\x1b\[39m after \d+\.\d s - Ended processing/);
    expect(output).toContain('"return_value"');
  });

  it('has no colour in a terminal when NO_COLOR is set', async () => {
    const run = runInPty(['ep', 'primes_between', '--server-url', demo.url, '--wait'], baseEnv(privateHome(), { NO_COLOR: '1' }));
    const { code, output } = await run.done;
    expect(code).toBe(0);
    expect(output).toContain('█');
    expect(output).not.toContain('\x1b[3');
  });

  it('writes plain progress lines when stderr is no terminal', async () => {
    const run = await runCli(['ep', ...L3B, '--server-url', demo.url, '--wait', '-f', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/\r|\x1b/);
    const lines = run.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    expect(lines[0]).toMatch(/^\S+: (accepted|running)/);
    expect(run.stderr).toMatch(/^\S+: running \d+% - Started processing$/m);
    expect(lines.at(-1)).toMatch(/^\S+: successful after \d+\.\d s - Ended processing$/);
    expect(JSON.parse(run.stdout).return_value).toBeDefined();
  });

  it('Ctrl+C asks whether to dismiss the job, and dismisses it on yes', async () => {
    const run = runInPty(['ep', 'sleep_a_while', '-i', 'duration=30', '--server-url', demo.url, '--wait'], baseEnv(privateHome()));
    await until(() => /\d+% /.test(run.output()));
    run.write('\x03');
    await until(() => run.output().includes('Dismiss job'));
    run.write('y\r');
    const { code, output } = await run.done;
    expect(code).toBe(130);
    const jobId = /Job (\S+) dismissed/.exec(output)?.[1];
    expect(jobId).toBeDefined();
    const job = await runCli(['gj', jobId!, '--server-url', demo.url, '-f', 'json']);
    expect(JSON.parse(job.stdout).status).toBe('dismissed');
  });

  it('Ctrl+C answered with no goes on waiting', async () => {
    const run = runInPty(['ep', 'sleep_a_while', '-i', 'duration=5', '--server-url', demo.url, '--wait', '-f', 'json'], baseEnv(privateHome()));
    await until(() => /\d+% /.test(run.output()));
    run.write('\x03');
    await until(() => run.output().includes('Dismiss job'));
    run.write('n\r');
    const { code, output } = await run.done;
    expect(code).toBe(0);
    expect(output).toContain('"return_value"');
  });
});
