// Every command for people through the built bin against a demo server:
// the simple, json and yaml outputs, and the exit codes 0, 1, 2 and 3.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { demoForFile, runCli } from './helpers.js';

const demo = demoForFile();
const at = () => ['--server-url', demo().url];

describe('list-processes and get-process', () => {
  it('prints the reference client\'s numbered lines with -f simple', async () => {
    const run = await runCli(['list-processes', ...at(), '-f', 'simple']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^1: sleep_a_while - Sleep Processor$/m);
    expect(run.stdout).toMatch(/^2: primes_between - Prime Processor$/m);
    expect(run.stderr).toBe('');
  });

  it('prints one JSON document with -f json, and YAML by default; aliases work', async () => {
    const json = await runCli(['lp', ...at(), '-f', 'json']);
    expect(json.code).toBe(0);
    const list = JSON.parse(json.stdout) as { processes: Array<{ id: string }> };
    expect(list.processes.map((p) => p.id)).toContain('primes_between');
    const yaml = await runCli(['lp', ...at()]);
    expect((parse(yaml.stdout) as typeof list).processes.map((p) => p.id)).toEqual(list.processes.map((p) => p.id));
  });

  it('get-process prints the description; an unknown process is a server error (2) with the RFC 7807 fields', async () => {
    const ok = await runCli(['gp', 'primes_between', ...at(), '-f', 'json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).inputs.max_val.schema.maximum).toBe(100);
    const missing = await runCli(['get-process', 'primos_batman', ...at()]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^Error: GET \/processes\/primos_batman failed: HTTP 404 Not Found/m);
    expect(missing.stderr).toMatch(/title:\s+No such process/);
    expect(missing.stderr).toMatch(/status:\s+404/);
    expect(missing.stderr).toMatch(/type:\s+http:\/\/www.opengis.net\/def\/exceptions\/ogcapi-processes-1\/1.0\/no-such-process/);
    expect(missing.stderr).toMatch(/detail:\s+Process 'primos_batman' does not exist/);
    expect(missing.stderr).toContain('list-processes');
  });
});

describe('create-request and validate-request', () => {
  it('create-request makes a template from the schema defaults', async () => {
    const run = await runCli(['cr', 'sleep_a_while', ...at(), '-f', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ process_id: 'sleep_a_while', inputs: { duration: 10, fail: false } });
    const nested = await runCli(['cr', 'return_base_model', ...at(), '--dotpath', '-f', 'json']);
    expect(JSON.parse(nested.stdout)).toEqual({ process_id: 'return_base_model', dotpath: true, inputs: { 'scene_spec.threshold': 0, 'scene_spec.factor': 0 } });
  });

  it('validate-request accepts a valid request (simple: the reference text) and rejects an invalid one with 1', async () => {
    const ok = await runCli(['vr', 'primes_between', '-i', 'max_val=50', ...at(), '-f', 'simple']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^Execution request is valid:\nprocess_id: primes_between\ninputs:\n {2}max_val: 50\n/);
    const bad = await runCli(['vr', 'primes_between', '-i', 'max_val=200', '-i', 'colour=red', ...at()]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain("Execution request is invalid for process 'primes_between'");
    expect(bad.stderr).toContain('"max_val" must be <= 100');
    expect(bad.stderr).toContain('unknown input "colour"');
  });
});

describe('execute-process and the job commands', () => {
  it('runs a job, lists it, shows it, fetches its results and dismisses it', async () => {
    const started = await runCli(['ep', 'primes_between', '-i', 'max_val=20', ...at(), '-f', 'json']);
    expect(started.code).toBe(0);
    const job = JSON.parse(started.stdout) as { jobID: string; status: string };
    expect(job.jobID).toBeTruthy();

    const shown = await runCli(['gj', job.jobID, ...at(), '-f', 'simple']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(new RegExp(`^Job ID: +${job.jobID}$`, 'm'));
    expect(shown.stdout).toMatch(/^Process ID: +primes_between$/m);
    expect(shown.stdout).toMatch(/^Status: +(accepted|running|successful)$/m);
    for (const label of ['Progress:', 'Message:', 'Created at:', 'Started at:', 'Updated at:', 'Ended at:']) expect(shown.stdout).toContain(label);

    const listed = await runCli(['lj', ...at(), '-f', 'simple']);
    expect(listed.stdout).toMatch(new RegExp(`^\\d+: ${job.jobID} - (accepted|running|successful) - `, 'm'));

    const results = await runCli(['gjr', job.jobID, ...at(), '-f', 'json']);
    expect(results.code).toBe(0);
    expect(JSON.parse(results.stdout)).toEqual({ return_value: [2, 3, 5, 7, 11, 13, 17, 19] });
    const yaml = await runCli(['get-job-results', job.jobID, ...at()]);
    expect(parse(yaml.stdout)).toEqual({ return_value: [2, 3, 5, 7, 11, 13, 17, 19] });

    const dismissed = await runCli(['dj', job.jobID, ...at(), '-f', 'json']);
    expect(dismissed.code).toBe(0);
    expect(JSON.parse(dismissed.stdout).jobID).toBe(job.jobID);
    const gone = await runCli(['get-job', job.jobID, ...at()]);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain('list-jobs');
  });

  it('execute-process --wait prints the results on success, and a failed job exits 2 with its message', async () => {
    const ok = await runCli(['ep', 'sleep_a_while', '-i', 'duration=0.3', ...at(), '--wait', '-f', 'json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).return_value).toBeGreaterThan(0.25);
    const failed = await runCli(['ep', 'sleep_a_while', '-i', 'duration=0.3', '-i', 'fail', ...at(), '--wait', '-f', 'json']);
    expect(failed.code).toBe(2);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toMatch(/Error: Job \S+ failed: Woke up too early/);
  });

  it('--wait SECONDS stops waiting with 2 when the job is still running, naming get-job', async () => {
    const run = await runCli(['ep', 'sleep_a_while', '-i', 'duration=5', '--wait', '0.5', ...at()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is still running after 0.5 s; follow it with `ogc-processes-mcp get-job /);
  });

  it('an empty job list reads "No jobs available." in simple form', async () => {
    const run = await runCli(['lj', '--demo', '-f', 'simple']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('No jobs available.\n');
  });
});

describe('exit codes and usage', () => {
  it('1 for wrong usage, with the closest option named', async () => {
    const unknown = await runCli(['lp', ...at(), '--formt', 'json']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Did you mean --format?');
    const missing = await runCli(['get-job', ...at()]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('get-job needs a JOB_ID');
    const format = await runCli(['lp', ...at(), '-f', 'xml']);
    expect(format.code).toBe(1);
    expect(format.stderr).toContain('must be one of simple, json, yaml');
  });

  it('1 without any server, pointing to configure', async () => {
    const run = await runCli(['lp']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ogc-processes-mcp configure');
  });

  it('3 when the server cannot be reached', async () => {
    const run = await runCli(['lp', '--server-url', 'http://127.0.0.1:9/']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^Error: Could not reach the OGC server at http:\/\/127.0.0.1:9\/: .*connection refused/m);
  });

  it('help for one command, and --help after a command', async () => {
    const help = await runCli(['help', 'execute-process']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: ogc-processes-mcp execute-process [PROCESS_ID] [options]   (alias: ep)');
    expect(help.stdout).toContain('--wait [SECONDS]');
    const alias = await runCli(['gjr', '--help']);
    expect(alias.stdout).toContain('--output DIR');
    const all = await runCli(['help']);
    expect(all.stdout).toContain('list-processes (lp)');
    expect(all.stdout).toContain('OGC_CONFIG');
  });
});
