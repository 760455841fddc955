// The HTTP transport's settings: flags, their environment variables, defaults and bounds.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseCommandLine, type Config } from '../../src/config.js';

function serve(argv: string[], env: Record<string, string> = {}): Config {
  // HTTP-only flags are refused over stdio: these settings are read with the HTTP transport.
  const command = parseCommandLine(['--demo', '--transport', 'http', ...argv], env);
  if (command.kind !== 'serve') throw new Error(command.kind);
  return command.config;
}

describe('HTTP transport settings', () => {
  it('defaults to a safe loopback server with bounded sessions', () => {
    expect(serve(['--transport', 'http']).http).toEqual({
      host: '127.0.0.1',
      port: 3000,
      stateless: false,
      token: undefined,
      allowedHosts: [],
      allowedOrigins: [],
      maxSessions: 100,
      sessionIdleSeconds: 1800,
      maxBodyBytes: 4 * 1024 * 1024,
      shutdownGraceSeconds: 45 + 15,
    });
  });

  it('reads every setting from the environment, and lets flags win', () => {
    const env = {
      MCP_STATELESS: 'yes',
      MCP_HTTP_TOKEN: 'env-token-123',
      MCP_ALLOWED_HOSTS: 'mcp.example.org, gw.example.org:8443',
      MCP_ALLOWED_ORIGINS: 'https://app.example.org',
      MCP_MAX_SESSIONS: '7',
      MCP_SESSION_IDLE_SECONDS: '60',
      MCP_MAX_BODY_BYTES: '2048',
      MCP_SHUTDOWN_GRACE_SECONDS: '5',
    };
    expect(serve([], env).http).toMatchObject({
      stateless: true,
      token: 'env-token-123',
      allowedHosts: ['mcp.example.org', 'gw.example.org:8443'],
      allowedOrigins: ['https://app.example.org'],
      maxSessions: 7,
      sessionIdleSeconds: 60,
      maxBodyBytes: 2048,
      shutdownGraceSeconds: 5,
    });
    expect(serve(['--max-sessions', '3', '--http-token', 'flag-token-456'], env).http).toMatchObject({ maxSessions: 3, token: 'flag-token-456' });
  });

  it('derives the shutdown grace from --wait-seconds unless given', () => {
    expect(serve(['--wait-seconds', '10']).http.shutdownGraceSeconds).toBe(25);
    expect(serve(['--wait-seconds', '10', '--shutdown-grace-seconds', '0']).http.shutdownGraceSeconds).toBe(0);
  });

  it.each([
    [['--max-sessions', '0'], /--max-sessions \(MCP_MAX_SESSIONS\) must be between 1/],
    [['--max-body-bytes', '10'], /--max-body-bytes \(MCP_MAX_BODY_BYTES\) must be between 1024/],
    [['--session-idle-seconds', 'soon'], /--session-idle-seconds \(MCP_SESSION_IDLE_SECONDS\) must be a number/],
    [['--shutdown-grace-seconds=-1'], /--shutdown-grace-seconds \(MCP_SHUTDOWN_GRACE_SECONDS\) must be between 0/],
  ])('refuses %j', (argv, message) => {
    expect(() => serve(argv)).toThrow(ConfigError);
    expect(() => serve(argv)).toThrow(message);
  });
});
