// Every way to authenticate, through the built bin, against the demo server's
// auth mode: none (refused), basic, a token (Bearer or its own header), an API
// key, client credentials, and login (OAuth2 password grant) kept by
// `configure`, whose token expires during a long --wait. No secret is printed.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { baseEnv, privateHome, runCli, type CliRun } from './helpers.js';

const SECRETS = { password: 'pw-basic-4711', token: 'static-token-0815', apiKey: 'key-abc-12345', clientSecret: 'client-secret-777' };
const AUTH = { username: 'ada', password: SECRETS.password, token: SECRETS.token, apiKey: SECRETS.apiKey, apiKeyHeader: 'X-Demo-Key', clientId: 'cli', clientSecret: SECRETS.clientSecret };

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer({ auth: AUTH });
});
afterAll(async () => {
  await demo.close();
});

const tokenUrl = () => `${demo.url}auth/token`;

function expectNoSecret(run: CliRun, extra: string[] = []): void {
  for (const secret of [...Object.values(SECRETS), ...extra]) {
    expect(run.stdout).not.toContain(secret);
    expect(run.stderr).not.toContain(secret);
  }
}

function env(extra: Record<string, string> = {}) {
  return baseEnv(privateHome(), extra);
}

describe('the CLI against a server that wants credentials', () => {
  it('without credentials: exit 2, the 401, and how to configure', async () => {
    const run = await runCli(['lp', '--server-url', demo.url]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/HTTP 401 Unauthorized/);
    expect(run.stderr).toContain('ogc-processes-mcp configure');
  });

  it('basic: from flags (inferred), and a wrong password is refused without being shown', async () => {
    const ok = await runCli(['lp', '--server-url', demo.url, '--username', 'ada', '--password', SECRETS.password, '-f', 'simple']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('primes_between');
    const wrong = await runCli(['lp', '--server-url', demo.url, '--auth-type', 'basic', '--username', 'ada', '--password', 'not-the-password'], { env: env() });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).not.toContain('not-the-password');
    expectNoSecret(ok);
  });

  it('token: as Authorization: Bearer from OGC_AUTH_TOKEN, and in its own header', async () => {
    const bearer = await runCli(['lp', '--server-url', demo.url, '-f', 'json'], { env: env({ OGC_AUTH_TOKEN: SECRETS.token }) });
    expect(bearer.code).toBe(0);
    const header = await runCli(['lj', '--server-url', demo.url, '--auth-type', 'token', '--token-header', 'X-Auth-Token'], { env: env({ OGC_AUTH_TOKEN: SECRETS.token }) });
    expect(header.code).toBe(0);
    expectNoSecret(bearer);
    expectNoSecret(header);
  });

  it('API key in a named header, from the environment', async () => {
    const run = await runCli(['gp', 'primes_between', '--server-url', demo.url], { env: env({ OGC_API_KEY: SECRETS.apiKey, OGC_API_KEY_HEADER: 'X-Demo-Key' }) });
    expect(run.code).toBe(0);
    const wrongHeader = await runCli(['gp', 'primes_between', '--server-url', demo.url], { env: env({ OGC_API_KEY: SECRETS.apiKey }) });
    expect(wrongHeader.code).toBe(2);
    expectNoSecret(run);
    expectNoSecret(wrongHeader);
  });

  it('client credentials: a token from the token URL, the secret sent in the form body', async () => {
    const before = demo.auth!.stats.grants.client_credentials ?? 0;
    const run = await runCli(['ep', 'primes_between', '-i', 'max_val=10', '--server-url', demo.url, '--auth-type', 'client-credentials', '--auth-url', tokenUrl(), '--client-id', 'cli', '--wait', '-f', 'json'], {
      env: env({ OGC_CLIENT_SECRET: SECRETS.clientSecret }),
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ return_value: [2, 3, 5, 7] });
    expect(demo.auth!.stats.grants.client_credentials).toBe(before + 1);
    expectNoSecret(run);
    const wrong = await runCli(['lp', '--server-url', demo.url, '--auth-type', 'client-credentials', '--auth-url', tokenUrl(), '--client-id', 'cli', '--client-secret', 'wrong-secret-1'], { env: env() });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('invalid_client');
    expect(wrong.stderr).not.toContain('wrong-secret-1');
  });

  it('an auth type that needs more says what to give, with exit 1', async () => {
    const run = await runCli(['lp', '--server-url', demo.url, '--auth-type', 'client-credentials'], { env: env() });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Client credentials need the token URL: give --auth-url (OGC_AUTH_URL)');
    const typo = await runCli(['lp', '--server-url', demo.url, '--auth-type', 'bsaic'], { env: env() });
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('did you mean basic?');
  });
});

describe('login (OAuth2 password grant) kept by configure', () => {
  it('configure logs in, keeps the tokens (not the password) in a 0600 file, and later commands use them', async () => {
    const home = privateHome();
    const e = baseEnv(home);
    const configured = await runCli(['configure', '--api-url', demo.url, '-a', 'login', '--auth-url', tokenUrl(), '--client-id', 'cli', '-u', 'ada', '-p', SECRETS.password], { env: e });
    expect(configured.code).toBe(0);
    const file = path.join(home, '.config', 'ogc-processes-mcp', 'config.yaml');
    expect(configured.stdout).toBe(`Client configuration written to ${file}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const settings = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(settings).toMatchObject({ api_url: demo.url, auth_type: 'login', auth_url: tokenUrl(), client_id: 'cli', username: 'ada' });
    expect(settings.token).toMatch(/^at-/);
    expect(settings.refresh_token).toMatch(/^rt-/);
    expect(settings.password).toBeUndefined();
    expectNoSecret(configured, [String(settings.token), String(settings.refresh_token)]);

    const listed = await runCli(['lp', '-f', 'simple'], { env: e });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('sleep_a_while');
    expectNoSecret(listed, [String(settings.token), String(settings.refresh_token)]);
  });

  it('a token that expires during a long --wait is renewed (after a 401 and before expiry), and the new refresh token is kept', async () => {
    const shortLived = await startDemoServer({ auth: { ...AUTH, tokenSeconds: 1 } });
    try {
      const home = privateHome();
      const e = baseEnv(home);
      const file = path.join(home, 'ogc.yaml');
      const configured = await runCli(['configure', '-c', file, '--api-url', shortLived.url, '-a', 'login', '--auth-url', `${shortLived.url}auth/token`, '--client-id', 'cli', '-u', 'ada', '-p', SECRETS.password], { env: e });
      expect(configured.code).toBe(0);
      const first = parse(readFileSync(file, 'utf8')) as Record<string, string>;
      // The stored token has expired by now: the first request gets a 401 and the refresh token renews it.
      await new Promise((r) => setTimeout(r, 1200));
      const refusedBefore = shortLived.auth!.stats.refused;
      const run = await runCli(['ep', 'sleep_a_while', '-i', 'duration=3.5', '--wait', '-c', file, '-f', 'json'], { env: e });
      expect(run.stderr).not.toContain('Error');
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).return_value).toBeGreaterThan(3);
      expect(shortLived.auth!.stats.refused).toBeGreaterThan(refusedBefore);
      // One renewal after the 401, and more while the job ran (each token lives 1 s).
      expect(shortLived.auth!.stats.grants.refresh_token).toBeGreaterThanOrEqual(3);
      const kept = parse(readFileSync(file, 'utf8')) as Record<string, string>;
      expect(kept.refresh_token).not.toBe(first.refresh_token);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      // Refresh tokens work once: only the newest one, kept in the file, lets the next command in.
      await new Promise((r) => setTimeout(r, 1200));
      const again = await runCli(['lj', '-c', file], { env: e });
      expect(again.code).toBe(0);
      expectNoSecret(run, [first.token!, first.refresh_token!, kept.token!, kept.refresh_token!]);
    } finally {
      await shortLived.close();
    }
  });

  it('a wrong password fails configure with 2, and nothing is written', async () => {
    const home = privateHome();
    const file = path.join(home, 'ogc.yaml');
    const run = await runCli(['configure', '-c', file, '--api-url', demo.url, '-a', 'login', '--auth-url', tokenUrl(), '--client-id', 'cli', '-u', 'ada', '-p', 'bad-password-9'], { env: baseEnv(home) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('invalid_grant');
    expect(run.stderr).not.toContain('bad-password-9');
    expect(() => statSync(file)).toThrow();
  });
});
