import { describe, expect, it } from 'vitest';
import { parseServerFlag, serversFromSection } from '../../src/config/servers.js';

describe('--server NAME=URL', () => {
  it('splits at the first = (a URL may hold more)', () => {
    expect(parseServerFlag('eo=https://example.org/ogc?a=b')).toEqual({ name: 'eo', url: 'https://example.org/ogc?a=b', settings: {}, origin: '--server' });
  });

  it('explains the form when the name or the URL is missing', () => {
    expect(() => parseServerFlag('https://example.org')).toThrow(/--server takes NAME=URL/);
    expect(() => parseServerFlag('=https://example.org')).toThrow(/NAME=URL/);
    expect(() => parseServerFlag('eo=')).toThrow(/NAME=URL/);
  });
});

describe('servers section of a config file', () => {
  const env = { EO_TOKEN: 'tok-123', EO_USER: 'ann' };

  it('reads each server with its settings, secrets from the environment', () => {
    const servers = serversFromSection(
      { demo: { api_url: 'http://127.0.0.1:8008/' }, eo: { api_url: 'https://eo.example/ogc', auth_type: 'bearer', token_env: 'EO_TOKEN', token_header: 'X-Auth' } },
      env,
      'cfg.yaml',
    );
    expect(servers).toEqual([
      { name: 'demo', url: 'http://127.0.0.1:8008/', settings: {}, origin: 'servers.demo in cfg.yaml' },
      { name: 'eo', url: 'https://eo.example/ogc', settings: { auth_type: 'bearer', token: 'tok-123', token_header: 'X-Auth' }, origin: 'servers.eo in cfg.yaml' },
    ]);
  });

  it('refuses a secret written in the file, and names a missing variable without any value', () => {
    expect(() => serversFromSection({ eo: { api_url: 'u', token: 'tok-123' } }, env, 'f')).toThrow(/give "token" as token_env: VARIABLE/);
    const error = (() => {
      try {
        serversFromSection({ eo: { api_url: 'u', password_env: 'EO_PASS', username_env: 'EO_USER' } }, env, 'f');
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(error).toBe('servers.eo in f: password_env names the environment variable EO_PASS, which is not set.');
  });

  it('explains unknown settings, missing URLs and a section of the wrong shape', () => {
    expect(() => serversFromSection({ eo: { url: 'u' } }, env, 'f')).toThrow(/unknown setting "url"; known: api_url/);
    expect(() => serversFromSection({ eo: { auth_type: 'bearer' } }, env, 'f')).toThrow(/servers.eo in f has no api_url/);
    expect(() => serversFromSection(['eo'], env, 'f')).toThrow(/"servers" must map server names/);
    expect(() => serversFromSection({ eo: 'https://x' }, env, 'f')).toThrow(/must hold settings/);
  });
});
