import { describe, expect, it } from 'vitest';
import { asClause, sliceWhole, truncate, truncateWords } from '../../src/util/text.js';

describe('sliceWhole', () => {
  it('never splits a surrogate pair', () => {
    const s = 'a😀b';
    expect(sliceWhole(s, 2)).toBe('a');
    expect(sliceWhole(s, 3)).toBe('a😀');
    expect(sliceWhole(s, 0)).toBe('');
    expect(sliceWhole(s, 99)).toBe(s);
  });
});

describe('truncate', () => {
  it('keeps texts that fit and cuts others to the limit, mark included', () => {
    expect(truncate('short', 5)).toBe('short');
    expect(truncate('one two three', 8)).toBe('one two…');
    expect(truncate('one two three', 8)).toHaveLength(8);
  });

  it('cuts prose at a word boundary when one is close', () => {
    expect(truncateWords('the quick brown fox jumps over the lazy dog', 30)).toBe('the quick brown fox jumps…');
    expect(truncate('the quick brown fox jumps over the lazy dog', 30)).toBe('the quick brown fox jumps ove…');
  });
});

describe('asClause', () => {
  it('drops one final period (Weaver ends its messages with one), and keeps an ellipsis and the rest', () => {
    expect(asClause('The job failed: the grid has no cells.')).toBe('The job failed: the grid has no cells');
    expect(asClause('Done. ')).toBe('Done');
    expect(asClause('Still going...')).toBe('Still going...');
    expect(asClause('no data for this area')).toBe('no data for this area');
    expect(asClause('v1.2 ready')).toBe('v1.2 ready');
  });
});
