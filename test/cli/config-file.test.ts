// The settings file: written by configure (flags, or questions on a
// terminal) with mode 0600; read by every command and by the bridge, with
// defaults < file < environment < flags.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { defaultConfigPath } from '../../src/config/file.js';
import { baseEnv, privateHome, runCli, runInPty, until } from './helpers.js';

let demo: DemoServer;
let locked: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
  locked = await startDemoServer({ auth: { token: 'file-token-1234', username: 'ada', password: 'typed-secret-99' } });
});
afterAll(async () => {
  await demo.close();
  await locked.close();
});

const DOWN = 'http://127.0.0.1:9/';

function configFile(home: string, lines: string): string {
  const file = path.join(home, 'settings.yaml');
  writeFileSync(file, lines, { mode: 0o600 });
  return file;
}

describe('precedence: defaults < file < environment < flags', () => {
  it('the file gives the server when nothing else does; the environment beats it; a flag beats both', async () => {
    const home = privateHome();
    const file = configFile(home, `api_url: ${demo.url}\n`);
    const env = baseEnv(home, { OGC_CONFIG: file });
    expect((await runCli(['lp'], { env })).code).toBe(0);
    expect((await runCli(['lp'], { env: { ...env, OGC_SERVER_URL: DOWN } })).code).toBe(3);
    const fileDown = configFile(home, `api_url: ${DOWN}\n`);
    expect((await runCli(['lp', '-c', fileDown], { env: { ...env, OGC_SERVER_URL: demo.url } })).code).toBe(0);
    expect((await runCli(['lp', '-c', fileDown, '--server-url', demo.url], { env: { ...env, OGC_SERVER_URL: DOWN } })).code).toBe(0);
  });

  it('credentials layer the same way', async () => {
    const home = privateHome();
    const file = configFile(home, `api_url: ${locked.url}\nauth_type: token\ntoken: wrong-token-000\n`);
    const env = baseEnv(home);
    expect((await runCli(['lp', '-c', file], { env })).code).toBe(2);
    expect((await runCli(['lp', '-c', file], { env: { ...env, OGC_AUTH_TOKEN: 'file-token-1234' } })).code).toBe(0);
    expect((await runCli(['lp', '-c', file, '--auth-token', 'file-token-1234'], { env: { ...env, OGC_AUTH_TOKEN: 'bad' } })).code).toBe(0);
  });

  it('reads the default path in the user config directory, and --demo wins over a configured server', async () => {
    const home = privateHome();
    const env = baseEnv(home);
    expect(defaultConfigPath(env, 'linux')).toBe(path.join(home, '.config', 'ogc-processes-mcp', 'config.yaml'));
    expect((await runCli(['configure', '--api-url', DOWN], { env })).code).toBe(0);
    expect((await runCli(['lp'], { env })).code).toBe(3);
    expect((await runCli(['lp', '--demo'], { env })).code).toBe(0);
  });

  it('a file others can read is named with the chmod that fixes it', async () => {
    const home = privateHome();
    const file = path.join(home, 'open.yaml');
    writeFileSync(file, `api_url: ${demo.url}\n`, { mode: 0o644 });
    const run = await runCli(['lp', '-c', file], { env: baseEnv(home) });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`others can read it: chmod 600 ${file}`);
  });

  it('a file with an unknown setting, or a named file that is missing, is a usage error', async () => {
    const home = privateHome();
    const file = configFile(home, `api_url: ${demo.url}\napi_kye: x\n`);
    const bad = await runCli(['lp', '-c', file], { env: baseEnv(home) });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("unknown setting 'api_kye' (did you mean api_key?)");
    const missing = await runCli(['lp', '-c', path.join(home, 'nope.yaml')], { env: baseEnv(home) });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('does not exist; write it with `ogc-processes-mcp configure -c');
  });
});

describe('configure', () => {
  it('without a terminal takes flags, writes 0600, and drops the fields of another auth type', async () => {
    const home = privateHome();
    const file = path.join(home, 'conf', 'ogc.yaml');
    const env = baseEnv(home);
    const basic = await runCli(['configure', '-c', file, '--api-url', locked.url, '-a', 'basic', '-u', 'ada', '-p', 'typed-secret-99'], { env });
    expect(basic.code).toBe(0);
    expect(basic.stdout).not.toContain('typed-secret-99');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(parse(readFileSync(file, 'utf8'))).toEqual({ api_url: locked.url, auth_type: 'basic', username: 'ada', password: 'typed-secret-99' });
    expect((await runCli(['lp', '-c', file], { env })).code).toBe(0);

    const token = await runCli(['configure', '-c', file, '-a', 'token', '-t', 'file-token-1234'], { env });
    expect(token.code).toBe(0);
    expect(parse(readFileSync(file, 'utf8'))).toEqual({ api_url: locked.url, auth_type: 'token', token: 'file-token-1234' });
    expect((await runCli(['lj', '-c', file], { env })).code).toBe(0);
  });

  it('without a terminal and without a server URL says what to pass', async () => {
    const run = await runCli(['configure']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--api-url URL');
  });

  it('on a terminal asks for what is missing, without echoing the password', async () => {
    const home = privateHome();
    const file = path.join(home, 'asked.yaml');
    const run = runInPty(['configure', '-c', file], baseEnv(home));
    await until(() => run.output().includes('Server URL'));
    run.write(`${locked.url}\r`);
    await until(() => run.output().includes('Authentication ('));
    run.write('basic\r');
    await until(() => run.output().includes('User name'));
    run.write('ada\r');
    await until(() => run.output().includes('Password'));
    run.write('typed-secret-99\r');
    const { code, output } = await run.done;
    expect(code).toBe(0);
    expect(output).not.toContain('typed-secret-99');
    expect(output).toContain(`Client configuration written to ${file}`);
    expect(parse(readFileSync(file, 'utf8'))).toEqual({ api_url: locked.url, auth_type: 'basic', username: 'ada', password: 'typed-secret-99' });
  });
});
