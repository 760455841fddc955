import { describe, expect, it } from 'vitest';
import { failure, serve } from '../support/cli-config.js';
import { ConfigError, DEFAULTS, helpText, parseCommandLine, secretsOf } from '../../src/config.js';
import { processFilter } from '../../src/mcp/process-filter.js';
import { displayUrl } from '../../src/util/display-url.js';

describe('command line and environment', () => {
  it('gives defaults for everything but the server', () => {
    const config = serve(['--server-url', 'https://ogc.example.org/api']);
    expect(config).toMatchObject({
      serverUrl: 'https://ogc.example.org/api',
      demo: false,
      waitSeconds: DEFAULTS.waitSeconds,
      maxResultBytes: DEFAULTS.maxResultBytes,
      timeoutSeconds: DEFAULTS.timeoutSeconds,
      refreshSeconds: DEFAULTS.refreshSeconds,
      objectInputs: 'raw',
      transport: 'stdio',
      logLevel: 'info',
      include: [],
      exclude: [],
    });
    expect(config.auth).toBeUndefined();
    expect(DEFAULTS.waitSeconds).toBeLessThan(60);
  });

  it('reads every setting from the environment, and lets flags win', () => {
    const env = {
      OGC_SERVER_URL: 'http://127.0.0.1:8008/',
      OGC_WAIT_SECONDS: '5',
      OGC_MAX_RESULT_BYTES: '20000',
      OGC_TIMEOUT_SECONDS: '7.5',
      OGC_REFRESH_SECONDS: '0',
      OGC_INCLUDE: 'sleep_*, primes_between',
      OGC_EXCLUDE: 'echo_large',
      OGC_OBJECT_INPUTS: 'qualified',
      OGC_AUTH_TOKEN: 'tok-123456',
      MCP_TRANSPORT: 'http',
      MCP_HOST: '0.0.0.0',
      MCP_PORT: '3100',
      LOG_LEVEL: 'debug',
    };
    const config = serve([], env);
    expect(config).toMatchObject({
      serverUrl: 'http://127.0.0.1:8008/',
      waitSeconds: 5,
      maxResultBytes: 20000,
      timeoutSeconds: 7.5,
      refreshSeconds: 0,
      include: ['sleep_*', 'primes_between'],
      exclude: ['echo_large'],
      objectInputs: 'qualified',
      auth: { type: 'bearer', token: 'tok-123456' },
      transport: 'http',
      http: { host: '0.0.0.0', port: 3100 },
      logLevel: 'debug',
    });
    expect(serve(['--wait-seconds', '9'], env).waitSeconds).toBe(9);
    expect(serve(['--demo'], env)).toMatchObject({ demo: true, serverUrl: undefined });
  });

  it('builds each kind of upstream authentication', () => {
    const url = ['--server-url', 'http://h/'];
    expect(serve(url, { OGC_USERNAME: 'ann', OGC_PASSWORD: 'pw-secret' }).auth).toEqual({ type: 'basic', username: 'ann', password: 'pw-secret' });
    expect(serve(url, { OGC_API_KEY: 'k-123456' }).auth).toEqual({ type: 'api-key', key: 'k-123456', header: 'X-API-Key' });
    expect(serve(url, { OGC_API_KEY: 'k-123456', OGC_API_KEY_HEADER: 'apikey' }).auth).toEqual({ type: 'api-key', key: 'k-123456', header: 'apikey' });
    const config = serve(url, { OGC_USERNAME: 'ann', OGC_PASSWORD: 'pw-secret' });
    expect(secretsOf(config)).toContain('pw-secret');
  });

  it('rejects bad input with a message that names the flag and its variable', () => {
    expect(failure([])).toMatch(/--server-url.*--demo/);
    expect(failure(['--server-url', 'ftp://x/'])).toMatch(/--server-url \(OGC_SERVER_URL\) must be an http\(s\) URL/);
    expect(failure(['--server-url', 'https://me:pw@x/'])).toMatch(/must not carry credentials/);
    expect(failure(['--server-url', 'https://me:pw@x/'])).not.toContain('pw');
    expect(failure(['--demo', '--server-url', 'http://x/'])).toMatch(/exclude each other/);
    expect(failure(['--demo', '--wait-seconds', 'soon'])).toMatch(/--wait-seconds \(OGC_WAIT_SECONDS\) must be a number, got "soon"/);
    expect(failure(['--demo'], { OGC_MAX_RESULT_BYTES: '10' })).toMatch(/OGC_MAX_RESULT_BYTES.*between 1024/);
    expect(failure(['--demo', '--port', '3.5'])).toMatch(/--port \(MCP_PORT\) must be a whole number/);
    expect(failure(['--demo', '--object-inputs', 'json'])).toMatch(/raw or qualified/);
    expect(failure(['--demo', '--transport', 'sse'])).toMatch(/stdio or http/);
    expect(failure(['--demo', '--log-level', 'loud'])).toMatch(/debug, info, warning, error/);
    expect(failure(['--demo', '--no-such-flag'])).toMatch(/no-such-flag/);
    expect(failure(['--demo'], { OGC_USERNAME: 'ann' })).toMatch(/needs both/);
    expect(failure(['--demo'], { OGC_AUTH_TOKEN: 'abcd', OGC_API_KEY: 'efgh' })).toMatch(/one kind/);
    expect(failure([], { OGC_DEMO: 'perhaps' })).toMatch(/true or false/);
  });

  it('parses the subcommands', () => {
    expect(parseCommandLine(['demo-server'], {})).toEqual({ kind: 'demo-server', host: '127.0.0.1', port: 8008, latencyMs: 0, apiVersion: '1.0' });
    expect(parseCommandLine(['demo-server', '--port', '9000', '--host', '0.0.0.0'], {})).toEqual({ kind: 'demo-server', host: '0.0.0.0', port: 9000, latencyMs: 0, apiVersion: '1.0' });
    expect(parseCommandLine(['demo-server', '--latency-ms', '5', '--api-version', '2.0'], {})).toMatchObject({ latencyMs: 5, apiVersion: '2.0' });
    expect(() => parseCommandLine(['demo-server', '--api-version', '3'], {})).toThrow(/--api-version must be 1.0 or 2.0/);
    expect(parseCommandLine(['inspect', '--demo'], {}).kind).toBe('inspect');
    expect(parseCommandLine(['--help'], {}).kind).toBe('help');
    expect(parseCommandLine(['--version'], {}).kind).toBe('version');
    expect(() => parseCommandLine(['demo-server', '--port', 'x'], {})).toThrow(ConfigError);
  });

  it('documents every flag with its environment variable in --help', () => {
    const help = helpText('1.2.3');
    for (const env of ['OGC_SERVER_URL', 'OGC_AUTH_TOKEN', 'OGC_USERNAME', 'OGC_PASSWORD', 'OGC_API_KEY', 'OGC_API_KEY_HEADER', 'OGC_WAIT_SECONDS', 'OGC_MAX_RESULT_BYTES', 'OGC_TIMEOUT_SECONDS', 'OGC_REFRESH_SECONDS', 'OGC_INCLUDE', 'OGC_EXCLUDE', 'OGC_OBJECT_INPUTS', 'MCP_TRANSPORT', 'MCP_HOST', 'MCP_PORT', 'LOG_LEVEL']) {
      expect(help).toContain(`[env ${env}]`);
    }
    expect(help).toMatch(/--auth-token TOKEN\s+\[env OGC_AUTH_TOKEN\]\s+Bearer token[^]*prefer OGC_AUTH_TOKEN over\s+the flag/);
    expect(help).toContain('demo-server [--port 8008]');
  });

  it('filters process ids by include and exclude patterns', () => {
    const f = { include: ['sleep_*', 'primes_between'], exclude: ['sleep_forever'] };
    expect(processFilter(f)('sleep_a_while')).toBe(true);
    expect(processFilter(f)('primes_between')).toBe(true);
    expect(processFilter(f)('sleep_forever')).toBe(false);
    expect(processFilter(f)('echo_large')).toBe(false);
    expect(processFilter({ include: [], exclude: ['a.b'] })('axb')).toBe(true);
    expect(processFilter({ include: [], exclude: ['a.b'] })('a.b')).toBe(false);
  });

  it('shows server URLs without credentials or query', () => {
    expect(displayUrl('https://u:p@h.example/ogc/?key=secret')).toBe('https://h.example/ogc/');
  });
});
