// The OGC client's token handling (src/ogc/auth.ts) against the demo server's
// token endpoint, in process: one renewal shared by concurrent requests, a
// fresh login when the refresh token is refused, and a clear error when
// nothing is left to log in with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { OgcClient, OgcError } from '../../src/ogc/index.js';
import type { IssuedTokens } from '../../src/ogc/auth.js';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer({ auth: { username: 'ada', password: 'pw-session-1', clientId: 'c', tokenSeconds: 1 } });
});
afterAll(async () => {
  await demo.close();
});

const tokenUrl = () => `${demo.url}auth/token`;
const grants = (grant: string) => demo.auth!.stats.grants[grant] ?? 0;

describe('TokenSession through OgcClient', () => {
  it('logs in on first use and tells onTokens; concurrent requests after expiry share one renewal', async () => {
    const issued: IssuedTokens[] = [];
    const client = new OgcClient({
      baseUrl: demo.url,
      auth: { type: 'login', tokenUrl: tokenUrl(), clientId: 'c', username: 'ada', password: 'pw-session-1', onTokens: (t) => void issued.push(t) },
    });
    try {
      const logins = grants('password');
      await client.getProcesses();
      expect(grants('password')).toBe(logins + 1);
      expect(issued).toHaveLength(1);
      expect(issued[0]!.refreshToken).toMatch(/^rt-/);
      await new Promise((r) => setTimeout(r, 1100));
      const refreshes = grants('refresh_token');
      await Promise.all(Array.from({ length: 5 }, () => client.getJobs()));
      expect(grants('refresh_token')).toBe(refreshes + 1);
      expect(issued).toHaveLength(2);
    } finally {
      await client.close();
    }
  });

  it('logs in again with the password when the refresh token is refused', async () => {
    const client = new OgcClient({
      baseUrl: demo.url,
      auth: { type: 'login', tokenUrl: tokenUrl(), clientId: 'c', username: 'ada', password: 'pw-session-1', token: 'at-stale', refreshToken: 'rt-used-up' },
    });
    try {
      const logins = grants('password');
      await client.getProcesses();
      expect(grants('password')).toBe(logins + 1);
    } finally {
      await client.close();
    }
  });

  it('without a password and with a refused refresh token, fails with the token endpoint\'s answer and no secret', async () => {
    const client = new OgcClient({ baseUrl: demo.url, auth: { type: 'login', tokenUrl: tokenUrl(), clientId: 'c', token: 'at-stale-token', refreshToken: 'rt-used-up-token' } });
    try {
      const error = await client.getProcesses().then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(OgcError);
      expect(String((error as Error).message)).toContain('invalid_grant');
      expect(String((error as Error).message)).not.toContain('rt-used-up-token');
    } finally {
      await client.close();
    }
  });
});
