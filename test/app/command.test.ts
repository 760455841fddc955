// `ogc-processes-mcp app`: the flags, and the built CLI serving the app.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAppCommand } from '../../src/app/command.js';
import { ConfigError } from '../../src/config.js';
import { repoRoot } from '../support/repo.js';

describe('app command', () => {
  it('splits its own flags from the server flags', () => {
    const c = parseAppCommand(['--demo', '--port', '8123', '--open', '--timeout-seconds', '5'], {});
    expect(c).toMatchObject({ port: 8123, open: true, config: { demo: true, timeoutSeconds: 5 } });
    const d = parseAppCommand(['--server-url', 'http://example.org/ogc', '--tile-url=https://tile.example.org/{z}/{x}/{y}.png'], {});
    expect(d).toMatchObject({ port: 0, open: false, tileUrl: 'https://tile.example.org/{z}/{x}/{y}.png', config: { serverUrl: 'http://example.org/ogc' } });
    expect(parseAppCommand(['--help'], {})).toBe('help');
  });

  it('says what is wrong with bad flags', () => {
    expect(() => parseAppCommand(['--demo', '--port', 'x'], {})).toThrow(ConfigError);
    expect(() => parseAppCommand(['--demo', '--tile-url', 'https://tiles.example.org/'], {})).toThrow(/\{z\}/);
    expect(() => parseAppCommand([], {})).toThrow(/No OGC server given/);
    expect(() => parseAppCommand(['--demo', '--bogus'], {})).toThrow(ConfigError);
  });

  it('the built CLI serves the app on 127.0.0.1, keeps credentials out of the page, and stops on SIGTERM', async () => {
    const token = 'app-test-secret-token-1234';
    const child = spawn(process.execPath, [join(repoRoot, 'dist/cli.js'), 'app', '--demo', '--log-level', 'error'], {
      env: { ...process.env, OGC_AUTH_TOKEN: token },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const appUrl = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /web app: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
      });
      const texts = await Promise.all(['/', '/app.js', '/api/info', '/api/processes', '/api/processes/bbox_area', '/api/jobs'].map(async (p) => (await fetch(new URL(p, appUrl))).text()));
      expect(texts[2]).toContain('"server"');
      for (const text of texts) expect(text).not.toContain(token);
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
