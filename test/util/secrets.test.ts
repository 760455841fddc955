import { describe, expect, it } from 'vitest';
import { basicCredentials, credentialSecrets, redact, secretForms } from '../../src/util/secrets.js';

describe('redact', () => {
  it('replaces every occurrence of every secret, ignoring very short ones', () => {
    expect(redact('token abcd1234 and abcd1234 again, key xyz', ['abcd1234', 'xyz'])).toBe('token *** and *** again, key xyz');
  });
});

describe('secretForms', () => {
  it('adds the percent-encoded form, drops short values and puts the longest first', () => {
    expect(secretForms(['abc', undefined, 'p@ss word', 'p@ss'])).toEqual(['p%40ss%20word', 'p@ss word', 'p%40ss', 'p@ss']);
  });

  it('masks a secret that contains another as a whole', () => {
    const forms = secretForms(['abcd', 'abcd-efgh']);
    expect(redact('key abcd-efgh', forms)).toBe('key ***');
  });
});

describe('credentialSecrets', () => {
  it('derives the same strings for every user of a credential', () => {
    expect(credentialSecrets({ type: 'bearer', token: 'tok-123456' })).toEqual(['tok-123456']);
    expect(credentialSecrets({ type: 'api-key', key: 'key-123456', header: 'X-Key' })).toEqual(['key-123456']);
    expect(credentialSecrets(undefined)).toEqual([]);
  });

  it('masks the basic credentials as sent, padded or not', () => {
    const [password, encoded] = credentialSecrets({ type: 'basic', username: 'ann', password: 'pw-1234' });
    expect(password).toBe('pw-1234');
    const header = `Basic ${basicCredentials('ann', 'pw-1234')}`;
    expect(header.endsWith('=')).toBe(true);
    expect(redact(header, secretForms([encoded]))).toMatch(/^Basic \*\*\*=*$/);
    expect(Buffer.from(basicCredentials('ann', 'pw-1234'), 'base64').toString()).toBe('ann:pw-1234');
  });
});
