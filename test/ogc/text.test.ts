import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/ogc/text.js';
import { truncateWords } from '../../src/util/text.js';

describe('plainText', () => {
  it('keeps a plain string, trimmed', () => {
    expect(plainText('  Echo value  ')).toBe('Echo value');
  });

  it('picks English from an i18n map, else the first language', () => {
    expect(plainText({ en: 'Hello World', fr: 'Bonjour le Monde' })).toBe('Hello World');
    expect(plainText({ fr: 'Bonjour', es: 'Hola' })).toBe('Bonjour');
    expect(plainText({ 'en-US': 'Color', de: 'Farbe' })).toBe('Color');
    expect(plainText({ en: '', fr: 'Bonjour' })).toBe('Bonjour');
  });

  it('reads WPS-style lists of localized strings', () => {
    expect(plainText([{ lang: 'fr', value: 'Bonjour' }, { lang: 'en', value: 'Hello' }])).toBe('Hello');
    expect(plainText(['one', 'two'])).toBe('one two');
  });

  it('gives undefined for empty or non-text values', () => {
    for (const value of ['', '   ', null, undefined, {}, [], true, { en: 3 }]) expect(plainText(value)).toBeUndefined();
  });

  it('drops control characters and collapses blank lines', () => {
    expect(plainText('a\u0000b\r\nc\n\n\n\nd')).toBe('ab\nc\n\nd');
  });

  it('reads only the start of an enormous text', () => {
    const text = plainText('x'.repeat(10_000_000));
    expect(text?.length).toBe(20_000);
  });

  it('never reads an inherited property of an i18n map', () => {
    expect(plainText(Object.create({ en: 'inherited' }))).toBeUndefined();
  });
});

describe('truncateWords', () => {
  it('leaves short texts alone', () => {
    expect(truncateWords('short', 10)).toBe('short');
  });

  it('cuts at a word boundary near the limit and marks the cut', () => {
    const text = 'The quick brown fox jumps over the lazy dog';
    const cut = truncateWords(text, 20);
    expect(cut.length).toBeLessThanOrEqual(20);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).toBe('The quick brown fox…');
  });

  it('never splits an emoji', () => {
    const cut = truncateWords(`${'x'.repeat(8)}😀😀😀`, 10);
    expect(cut).toBe(`${'x'.repeat(8)}…`);
    expect(plainText('😀'.repeat(20_000))?.length).toBe(20_000);
  });

  it('cuts inside a word when there is no boundary near', () => {
    expect(truncateWords('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
