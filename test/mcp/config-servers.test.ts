// Several servers and the tool listing on the command line: --server NAME=URL
// (repeatable, or OGC_SERVERS), --servers-file with secrets from the
// environment, --tools, --max-tools, --pin.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { failure, serve } from '../support/cli-config.js';
import { secretsOf } from '../../src/config.js';

function file(doc: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'servers-'));
  const name = path.join(dir, 'servers.json');
  writeFileSync(name, JSON.stringify(doc));
  return name;
}

describe('several servers', () => {
  it('takes --server NAME=URL repeated, the first one standing for serverUrl', () => {
    const config = serve(['--server', 'a=http://a.example/ogc', '--server', 'b=https://b.example/']);
    expect(config.servers).toEqual([
      { name: 'a', serverUrl: 'http://a.example/ogc' },
      { name: 'b', serverUrl: 'https://b.example/' },
    ]);
    expect(config.serverUrl).toBe('http://a.example/ogc');
  });

  it('reads OGC_SERVERS as a comma-separated list, and --server-url beside them as "main"', () => {
    const config = serve(['--server-url', 'http://m.example/'], { OGC_SERVERS: 'a=http://a.example/, b=http://b.example/' });
    expect(config.servers?.map((s) => s.name)).toEqual(['main', 'a', 'b']);
  });

  it('reads servers from a file, their credentials from the environment variables it names', () => {
    const servers = file({ servers: { eo: { api_url: 'https://eo.example/', token_env: 'EO_TOKEN' }, zoo: { api_url: 'http://zoo.example/', username: 'ann', password_env: 'ZOO_PASS' } } });
    const config = serve(['--servers-file', servers, '--server', 'demo2=http://d.example/'], { EO_TOKEN: 'tok-1', ZOO_PASS: 'pw-2' });
    expect(config.servers).toEqual([
      { name: 'demo2', serverUrl: 'http://d.example/' },
      { name: 'eo', serverUrl: 'https://eo.example/', auth: { type: 'bearer', token: 'tok-1' } },
      { name: 'zoo', serverUrl: 'http://zoo.example/', auth: { type: 'basic', username: 'ann', password: 'pw-2' } },
    ]);
    // Every server's secrets are masked in logs and results.
    expect(secretsOf(config)).toEqual(expect.arrayContaining(['tok-1', 'pw-2']));
  });

  it('explains bad names, bad URLs, missing variables and unreadable files', () => {
    expect(failure(['--server', 'a=http://a.example/', '--server', 'A=http://b.example/'])).toMatch(/"a" and "A" are the same/);
    expect(failure(['--server', '9x=http://a.example/'])).toMatch(/must start with a letter/);
    expect(failure(['--server', 'a=ftp://a.example/'])).toMatch(/--server \(a\) must be an http\(s\) URL/);
    expect(failure(['--server', 'nourl'])).toMatch(/--server takes NAME=URL/);
    expect(failure(['--servers-file', file({ servers: { eo: { api_url: 'https://eo.example/', token_env: 'NOPE' } } })])).toMatch(
      /token_env names the environment variable NOPE, which is not set/,
    );
    expect(failure(['--servers-file', file({ eo: {} })])).toMatch(/must hold servers: \{NAME: \{api_url: URL/);
    expect(failure(['--servers-file', '/nonexistent/servers.json'])).toMatch(/--servers-file \/nonexistent\/servers.json cannot be read/);
  });

  it('asks for a server when none is given', () => {
    expect(failure([])).toMatch(/--server NAME=URL/);
  });
});

describe('tool listing', () => {
  it('defaults to auto with 40 tools, and takes all, search, a threshold and pins', () => {
    expect(serve(['--server-url', 'http://a.example/'])).toMatchObject({ tools: 'auto', maxTools: 40, pin: [] });
    expect(serve(['--server-url', 'http://a.example/', '--tools', 'search', '--max-tools', '12', '--pin', 'ndvi_s2, p_218'])).toMatchObject({
      tools: 'search',
      maxTools: 12,
      pin: ['ndvi_s2', 'p_218'],
    });
    expect(serve(['--server-url', 'http://a.example/'], { OGC_TOOLS: 'all' }).tools).toBe('all');
    expect(failure(['--server-url', 'http://a.example/', '--tools', 'some'])).toMatch(/--tools \(OGC_TOOLS\) must be one of auto, all, search/);
  });
});
