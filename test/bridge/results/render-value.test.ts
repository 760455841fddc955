// Previews of values too big to show: cut on character boundaries, sized in
// serialized bytes, arrays cut between items.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrayPrefixWithin, prefixWithin } from '../../../src/bridge/results/render-value.js';
import { sliceWhole } from '../../../src/util/text.js';
import { formatCount, jsonStringBytes } from '../../../src/bridge/results/common.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('sliceWhole', () => {
  it('never ends between the two halves of a surrogate pair', () => {
    const s = 'a😀b';
    expect(sliceWhole(s, 1)).toBe('a');
    expect(sliceWhole(s, 2)).toBe('a');
    expect(sliceWhole(s, 3)).toBe('a😀');
    expect(sliceWhole(s, 99)).toBe(s);
    expect(sliceWhole(s, 0)).toBe('');
  });
});

describe('prefixWithin', () => {
  it('stays within the byte limit for every kind of character and never splits one', () => {
    for (const unit of ['a', '😀', '"', '\\', '\n', '\u0001', 'é', '東', 'a😀']) {
      const s = unit.repeat(500);
      for (let max = 0; max < 60; max++) {
        const prefix = prefixWithin(s, max);
        expect(jsonStringBytes(prefix) - 2).toBeLessThanOrEqual(max);
        expect(s.startsWith(prefix)).toBe(true);
        expect(prefix).not.toMatch(LONE_SURROGATE);
      }
    }
  });

  it('uses most of the room it is given', () => {
    expect(prefixWithin('x'.repeat(10_000), 1_000)).toHaveLength(1_000);
    // Each emoji is 4 bytes: 250 of them, 500 code units.
    expect(prefixWithin('😀'.repeat(10_000), 1_000).length).toBeGreaterThanOrEqual(490);
  });

  it('holds over random strings and limits', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.integer({ min: 0, max: 500 }), (s, max) => {
        const prefix = prefixWithin(s, max);
        expect(jsonStringBytes(prefix) - 2).toBeLessThanOrEqual(max);
        expect(s.startsWith(prefix)).toBe(true);
        expect(prefix).not.toMatch(LONE_SURROGATE);
      }),
      { numRuns: 300 },
    );
  });
});

describe('arrayPrefixWithin', () => {
  it('cuts between top-level items, not at commas or brackets inside strings and nested values', () => {
    const value = ['a,b', [1, [2, 3]], { k: ']', l: [4] }, 'q"]', 5, 6];
    const json = JSON.stringify(value);
    for (let max = 0; max < jsonStringBytes(json); max++) {
      const prefix = arrayPrefixWithin(json, max);
      if (prefix === undefined) continue;
      expect(jsonStringBytes(prefix.text) - 2).toBeLessThanOrEqual(max);
      expect(JSON.parse(prefix.text)).toEqual(value.slice(0, prefix.items));
    }
    expect(arrayPrefixWithin(json, 1_000)?.items).toBe(value.length);
  });

  it('gives up when not even the first item fits, and on an empty array', () => {
    expect(arrayPrefixWithin(JSON.stringify(['x'.repeat(100), 1]), 50)).toBeUndefined();
    expect(arrayPrefixWithin('[]', 50)).toBeUndefined();
  });

  it('cuts a long array to its first items', () => {
    const json = JSON.stringify(Array.from({ length: 100_000 }, (_, i) => i));
    const prefix = arrayPrefixWithin(json, 100);
    if (prefix === undefined) throw new Error('no prefix');
    expect(prefix.text).toBe(json.slice(0, prefix.text.length - 1) + ']');
    expect(prefix.items).toBeGreaterThan(20);
  });

  it('holds over random arrays and limits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue({ maxDepth: 2, stringUnit: 'grapheme' }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 2_000 }),
        (value, max) => {
          const json = JSON.stringify(value);
          const prefix = arrayPrefixWithin(json, max);
          if (prefix === undefined) return;
          expect(jsonStringBytes(prefix.text) - 2).toBeLessThanOrEqual(max);
          expect(JSON.parse(prefix.text)).toEqual(JSON.parse(JSON.stringify(value.slice(0, prefix.items))));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('formatCount', () => {
  it('groups thousands whatever the locale', () => {
    expect(formatCount(52_428_800)).toBe('52,428,800');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1_000)).toBe('1,000');
    expect(formatCount(0)).toBe('0');
  });
});
