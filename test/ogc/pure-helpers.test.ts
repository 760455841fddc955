// The client's pure rules, on plain data: error classification and
// description, secret scrubbing, URL helpers, and execution choices.
import { describe, expect, it } from 'vitest';
import {
  OgcApiError,
  OgcTransportError,
  apiErrorFromResponse,
  describeTextBody,
  redactError,
  transportErrorFrom,
} from '../../src/ogc/errors.js';
import { rawOutputValue, singleOutputId, wantsAsync } from '../../src/ogc/execution.js';
import { buildQuery, credentialsAllowed, encodeSegment, lastPathSegment, parseBaseUrl } from '../../src/ogc/urls.js';

const site = { method: 'GET', path: '/x' };

describe('transportErrorFrom', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, 'refused'],
    [{ code: 'ECONNRESET' }, 'reset'],
    [{ code: 'UND_ERR_SOCKET', message: 'other side closed' }, 'reset'],
    [{ code: 'UND_ERR_CONNECT_TIMEOUT' }, 'timeout'],
    [{ code: 'UND_ERR_HEADERS_TIMEOUT' }, 'timeout'],
    [{ code: 'UND_ERR_BODY_TIMEOUT' }, 'timeout'],
    [{ code: 'ENOTFOUND' }, 'dns'],
    [{ code: 'EAI_AGAIN' }, 'dns'],
    [{ code: 'UND_ERR_ABORTED' }, 'aborted'],
    [{ name: 'AbortError', message: 'This operation was aborted' }, 'aborted'],
    [{ message: 'fetch failed', cause: { code: 'ENOTFOUND' } }, 'dns'],
    [{ message: 'something odd' }, 'other'],
  ])('classifies %j as %s', (error, kind) => {
    expect(transportErrorFrom(error, site, false).kind).toBe(kind);
  });

  it('says aborted when the caller’s signal fired, whatever undici reported', () => {
    expect(transportErrorFrom({ code: 'UND_ERR_SOCKET' }, site, true).kind).toBe('aborted');
  });

  it('writes short messages with the phase of a timeout', () => {
    expect(transportErrorFrom({ code: 'UND_ERR_CONNECT_TIMEOUT' }, site, false).message).toBe(
      'GET /x timed out connecting (UND_ERR_CONNECT_TIMEOUT)',
    );
    expect(transportErrorFrom({ code: 'ENOTFOUND' }, site, false).message).toBe('GET /x host name could not be resolved (ENOTFOUND)');
    expect(transportErrorFrom({ message: 'boom' }, site, false).message).toBe('GET /x failed: boom');
  });
});

describe('apiErrorFromResponse', () => {
  it('reads a Weaver exception list', () => {
    const body = JSON.stringify([{ Code: 'NoApplicableCode', Locator: 'None', Text: 'Process failed, please check server error log' }]);
    const error = apiErrorFromResponse(site, 500, body, 'application/json');
    expect(error).toBeInstanceOf(OgcApiError);
    expect(error.message).toBe('GET /x failed: HTTP 500 Internal Server Error: Process failed, please check server error log');
  });

  it('reads nested error objects and unknown statuses', () => {
    const error = apiErrorFromResponse(site, 499, JSON.stringify({ error: { message: 'client went away' } }), 'application/json');
    expect(error.message).toBe('GET /x failed: HTTP 499: client went away');
  });

  it('leaves about:blank out of the message', () => {
    const error = apiErrorFromResponse(site, 404, JSON.stringify({ type: 'about:blank', title: 'Not Found' }), 'application/problem+json');
    expect(error.message).toBe('GET /x failed: HTTP 404 Not Found: Not Found');
    expect(error.type).toBe('about:blank');
  });
});

describe('describeTextBody', () => {
  it('summarizes HTML without scripts and styles', () => {
    const html = '<html><head><title> Oops </title><script>var secret = 1</script></head><body><p>Broken</p></body></html>';
    expect(describeTextBody(html, 'text/html')).toBe('HTML page: Oops: Broken');
  });

  it('recognizes HTML without a content type, and says when a body is empty', () => {
    expect(describeTextBody('<!DOCTYPE html><body>Hi</body>', undefined)).toBe('HTML page: Hi');
    expect(describeTextBody('  \n ', 'text/plain')).toBe('(empty body)');
  });
});

describe('redactError', () => {
  it('scrubs message, stack and fields of an error', () => {
    const error = new OgcApiError('failed: Bearer s3cret-value', {
      status: 401,
      site,
      problem: { detail: 'saw s3cret-value' },
      body: { nested: ['s3cret-value'] },
    });
    redactError(error, ['s3cret-value']);
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain('s3cret-value');
    expect(error.detail).toBe('saw ***');
    expect(error).toBeInstanceOf(OgcApiError);
    expect(new OgcTransportError('x', { kind: 'other' })).toBeInstanceOf(Error);
  });
});

describe('URL helpers', () => {
  it('parses a base URL into origin, prefix, query and userinfo', () => {
    expect(parseBaseUrl('https://u:p%40ss@example.org/ogc?f=json')).toEqual({
      origin: 'https://example.org',
      pathPrefix: '/ogc/',
      query: [['f', 'json']],
      userinfo: { username: 'u', password: 'p@ss' },
    });
  });

  it('encodes segments, including dot segments', () => {
    expect(encodeSegment('a/b c')).toBe('a%2Fb%20c');
    expect(encodeSegment('.')).toBe('%2E');
    expect(encodeSegment('...')).toBe('...');
  });

  it('takes the job id from a Location header', () => {
    expect(lastPathSegment('http://x/jobs/abc')).toBe('abc');
    expect(lastPathSegment('/processes/p/jobs/a%2Fb/')).toBe('a/b');
    expect(lastPathSegment('jobs/j1?f=json#top')).toBe('j1');
    expect(lastPathSegment('/')).toBeUndefined();
  });

  it('builds queries with repeated names and the base query first', () => {
    expect(buildQuery([['f', 'json']], { limit: 2, status: ['a', 'b'], none: undefined })).toBe('?f=json&limit=2&status=a&status=b');
    expect(buildQuery([], {})).toBe('');
  });

  it('allows credentials on the same origin and an https upgrade of the same host only', () => {
    const base = parseBaseUrl('http://example.org:8080/');
    expect(credentialsAllowed(base, new URL('http://example.org:8080/x'))).toBe(true);
    expect(credentialsAllowed(base, new URL('https://example.org/x'))).toBe(true);
    expect(credentialsAllowed(base, new URL('http://example.org:9090/x'))).toBe(false);
    expect(credentialsAllowed(base, new URL('https://evil.example.org/x'))).toBe(false);
  });
});

describe('execution choices', () => {
  it.each([
    ['auto', ['sync-execute', 'async-execute'], true],
    ['auto', ['sync-execute'], false],
    ['auto', undefined, true],
    ['async', ['sync-execute'], false],
    ['async', ['async-execute'], true],
    ['sync', ['async-execute'], false],
    ['sync', undefined, false],
  ] as const)('mode %s with %j asks for async: %s', (mode, options, expected) => {
    expect(wantsAsync(mode, options as string[] | undefined)).toBe(expected);
  });

  it('names a raw output: requested one, else the only described one, else return_value', () => {
    expect(singleOutputId({ a: {} }, ['x'])).toBe('a');
    expect(singleOutputId({ a: {}, b: {} }, ['x'])).toBe('x');
    expect(singleOutputId(undefined, ['x', 'y'])).toBe('return_value');
  });

  it('keeps text as text and encodes the rest as base64', () => {
    expect(rawOutputValue(Buffer.from('<a/>'), 'application/gml+xml; version=3.2')).toEqual({
      value: '<a/>',
      mediaType: 'application/gml+xml',
    });
    expect(rawOutputValue(Buffer.from([0, 1]), undefined)).toEqual({
      value: 'AAE=',
      encoding: 'base64',
      mediaType: 'application/octet-stream',
    });
  });
});
