// The MCP bridge authenticates as the CLI does: each mode through the built
// bin (`node dist/cli.js --server-url ...`) spoken to by the SDK's Client,
// settings from the environment or from the file `configure` writes; a login
// token that expires during a long tool call is renewed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { callTool, startCli, structured, type CliSession } from '../e2e/helpers.js';
import { baseEnv, privateHome, runCli } from './helpers.js';

const SECRETS = { password: 'pw-bridge-4711', token: 'bridge-token-0815', apiKey: 'bridge-key-12345', clientSecret: 'bridge-secret-777' };
const AUTH = { username: 'ada', password: SECRETS.password, token: SECRETS.token, apiKey: SECRETS.apiKey, clientId: 'mcp', clientSecret: SECRETS.clientSecret };

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer({ auth: AUTH });
});
afterAll(async () => {
  await demo.close();
});

async function primesThroughBridge(args: string[], env: Record<string, string>): Promise<{ outputs: unknown; stderr: string }> {
  let session: CliSession | undefined;
  try {
    session = await startCli(args, env);
    const tools = await session.client.listTools();
    expect(tools.tools.map((t) => t.name)).toContain('primes_between');
    const result = await callTool(session.client, 'primes_between', { max_val: 10 });
    expect(result.isError).toBeFalsy();
    return { outputs: structured<{ outputs: unknown }>(result).outputs, stderr: session.stderr() };
  } finally {
    await session?.close();
  }
}

function expectNoSecret(text: string, extra: string[] = []): void {
  for (const secret of [...Object.values(SECRETS), ...extra]) expect(text).not.toContain(secret);
}

describe('the bridge against a server that wants credentials', () => {
  const modes: Array<[string, string[], Record<string, string>]> = [
    ['basic', [], { OGC_USERNAME: 'ada', OGC_PASSWORD: SECRETS.password }],
    ['bearer token', [], { OGC_AUTH_TOKEN: SECRETS.token }],
    ['token in X-Auth-Token', ['--token-header', 'X-Auth-Token'], { OGC_AUTH_TOKEN: SECRETS.token }],
    ['API key', [], { OGC_API_KEY: SECRETS.apiKey }],
    ['client credentials', ['--auth-type', 'client-credentials', '--client-id', 'mcp'], { OGC_CLIENT_SECRET: SECRETS.clientSecret }],
  ];
  for (const [mode, flags, vars] of modes) {
    it(`${mode}`, async () => {
      const extra = mode === 'client credentials' ? ['--auth-url', `${demo.url}auth/token`] : [];
      const { outputs, stderr } = await primesThroughBridge(['--server-url', demo.url, ...flags, ...extra], { ...baseEnv(privateHome()), ...vars });
      expect(outputs).toEqual({ return_value: [2, 3, 5, 7] });
      expectNoSecret(stderr);
    });
  }

  it('login from the config file, with no secret in the MCP client\'s settings, renewing a token that expires mid-call', async () => {
    const shortLived = await startDemoServer({ auth: { ...AUTH, tokenSeconds: 1 } });
    let session: CliSession | undefined;
    try {
      const home = privateHome();
      const env = baseEnv(home);
      const configured = await runCli(['configure', '--api-url', shortLived.url, '-a', 'login', '--auth-url', `${shortLived.url}auth/token`, '--client-id', 'mcp', '-u', 'ada', '-p', SECRETS.password], { env });
      expect(configured.code).toBe(0);
      // Only where the file is: the bridge takes the server and the login from it.
      session = await startCli([], env);
      const tools = await session.client.listTools();
      expect(tools.tools.map((t) => t.name)).toContain('sleep_a_while');
      const before = shortLived.auth!.stats.grants.refresh_token ?? 0;
      const result = await callTool(session.client, 'sleep_a_while', { duration: 3 });
      expect(result.isError).toBeFalsy();
      expect(structured<{ status: string }>(result).status).toBe('successful');
      expect(shortLived.auth!.stats.grants.refresh_token).toBeGreaterThanOrEqual(before + 2);
      const kept = parse(readFileSync(path.join(home, '.config', 'ogc-processes-mcp', 'config.yaml'), 'utf8')) as Record<string, string>;
      expect(kept.password).toBeUndefined();
      expectNoSecret(session.stderr(), [kept.token!, kept.refresh_token!]);
    } finally {
      await session?.close();
      await shortLived.close();
    }
  });

  it('without credentials the bridge says how to give them', async () => {
    const session = await startCli(['--server-url', demo.url], baseEnv(privateHome()));
    try {
      const result = await callTool(session.client, 'list_processes', {});
      const text = JSON.stringify(result);
      expect(text).toMatch(/401/);
    } finally {
      await session.close();
    }
  });
});
