// Media types and base64 as servers send them.
import { describe, expect, it } from 'vitest';
import {
  base64DecodedBytes,
  estimateBase64Bytes,
  isBinaryEncoding,
  isInlineImageType,
  isTextualMediaType,
  normalizeBase64,
  normalizeMediaType,
} from '../../src/ogc/media.js';

describe('normalizeMediaType', () => {
  it('drops parameters and case, and knows image/jpg means image/jpeg', () => {
    expect(normalizeMediaType('Image/PNG')).toBe('image/png');
    expect(normalizeMediaType('application/gml+xml; version=3.2')).toBe('application/gml+xml');
    expect(normalizeMediaType('image/jpg')).toBe('image/jpeg');
  });

  it('refuses what is not a media type', () => {
    expect(normalizeMediaType('png')).toBeUndefined();
    expect(normalizeMediaType('')).toBeUndefined();
    expect(normalizeMediaType(42)).toBeUndefined();
    expect(normalizeMediaType(undefined)).toBeUndefined();
  });
});

describe('media type families', () => {
  it('inlines only the image types clients render', () => {
    for (const t of ['image/png', 'image/jpeg', 'image/gif', 'image/webp']) expect(isInlineImageType(t)).toBe(true);
    for (const t of ['image/tiff', 'image/svg+xml', 'application/png', undefined]) expect(isInlineImageType(t)).toBe(false);
  });

  it('reads text, JSON, XML, YAML and CSV types as text, and not binary ones', () => {
    for (const t of [
      'text/plain',
      'text/html',
      'application/json',
      'application/geo+json',
      'application/vnd.geo+json',
      'application/x-ndjson',
      'application/gml+xml',
      'application/xml',
      'application/x-yaml',
      'application/csv',
      'image/svg+xml',
    ]) {
      expect(isTextualMediaType(t), t).toBe(true);
    }
    for (const t of ['application/octet-stream', 'application/x-netcdf', 'image/tiff', 'application/zip', 'application/pdf']) {
      expect(isTextualMediaType(t), t).toBe(false);
    }
  });

  it('recognises binary encodings', () => {
    expect(isBinaryEncoding('base64')).toBe(true);
    expect(isBinaryEncoding('BASE64 ')).toBe(true);
    expect(isBinaryEncoding('binary')).toBe(true);
    expect(isBinaryEncoding('utf-8')).toBe(false);
    expect(isBinaryEncoding(undefined)).toBe(false);
  });
});

describe('base64', () => {
  const bytes = Buffer.from(Array.from({ length: 257 }, (_, i) => (i * 31) % 256));
  const standard = bytes.toString('base64');

  it('normalizes line breaks, data: URIs, the URL-safe alphabet and missing padding', () => {
    expect(normalizeBase64(standard)).toBe(standard);
    expect(normalizeBase64(standard.replace(/(.{76})/g, '$1\r\n'))).toBe(standard);
    expect(normalizeBase64(`data:image/png;base64,${standard}`)).toBe(standard);
    expect(normalizeBase64(bytes.toString('base64url'))).toBe(standard);
    expect(normalizeBase64(standard.replace(/=+$/, ''))).toBe(standard);
  });

  it('refuses what is not base64', () => {
    expect(normalizeBase64('not base64!')).toBeUndefined();
    expect(normalizeBase64('abcde')).toBeUndefined();
    expect(normalizeBase64('ab=c')).toBeUndefined();
  });

  it('counts decoded bytes exactly, and estimates them from the length alone', () => {
    for (let n = 0; n < 10; n++) {
      const b64 = bytes.subarray(0, n).toString('base64');
      expect(base64DecodedBytes(b64)).toBe(n);
      expect(estimateBase64Bytes(b64)).toBe(n);
    }
    expect(base64DecodedBytes(standard)).toBe(257);
  });
});
