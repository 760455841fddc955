import { describe, expect, it } from 'vitest';
import { ProcessSearchIndex, chooseListing, renderSearch, DEFAULT_LISTING_POLICY, type ListingCandidate, type SearchDocument } from '../../../src/bridge/search/index.js';

const DOCS: SearchDocument[] = Array.from({ length: 30 }, (_, i) => ({
  key: `p${i}`,
  processId: i === 0 ? '218' : `ndvi_${i}`,
  ...(i % 2 === 0 ? { server: 'eo' } : {}),
  title: `NDVI product ${i}`,
  description: `Computes NDVI number ${i}. Then more text that is not shown.`,
  ...(i === 0 ? { toolName: 'p_218' } : {}),
  inputs: [
    { name: 'bbox', types: ['object', 'bbox'], required: true },
    { name: 'when', types: ['string', 'date'], required: false },
  ],
}));

describe('renderSearch', () => {
  const index = new ProcessSearchIndex(DOCS);

  it('gives each hit once in text and once structured, with the same facts', () => {
    const hits = index.search('ndvi 218', { limit: 2 });
    const { text, structured } = renderSearch('ndvi 218', hits, 30, 10_000);
    expect(structured.total).toBe(30);
    expect(structured.hits[0]).toEqual({ processId: '218', server: 'eo', title: 'NDVI product 0', summary: 'Computes NDVI number 0.', tool: 'p_218', inputs: 'bbox*: bbox, when: date' });
    expect(text).toContain('1. 218 [server eo] - NDVI product 0 (tool p_218)\n   Computes NDVI number 0.\n   inputs: bbox*: bbox, when: date');
    for (const hit of structured.hits) {
      for (const value of Object.values(hit)) expect(text).toContain(value);
    }
    expect(text).toContain('28 more match');
  });

  it('cuts at a whole hit to stay within the budget, in both forms', () => {
    const hits = index.search('ndvi', { limit: 30 });
    const { text, structured } = renderSearch('ndvi', hits, 30, 2_000);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(2_000);
    expect(Buffer.byteLength(JSON.stringify(structured))).toBeLessThanOrEqual(2_000);
    expect(structured.hits.length).toBeGreaterThan(2);
    expect(structured.hits.length).toBeLessThan(30);
    expect(text).toContain(`${30 - structured.hits.length} more match`);
  });

  it('says what to try when nothing matches', () => {
    expect(renderSearch('bathymetry', [], 0, 1000).text).toBe('Processes matching "bathymetry": none. Try other words, fewer filters, or list_processes.');
  });
});

describe('chooseListing', () => {
  const candidates = (n: number, bytes = 700): ListingCandidate[] => Array.from({ length: n }, (_, i) => ({ name: `t${i}`, bytes, pinned: false, uses: 0 }));
  const fixed = { count: 8, bytes: 5000 };

  it('lists every process tool while they fit (auto)', () => {
    expect(chooseListing(candidates(9), fixed, 600, DEFAULT_LISTING_POLICY)).toEqual({ search: false, listed: candidates(9).map((c) => c.name) });
  });

  it('switches to search above 40 tools or 25,000 bytes (auto)', () => {
    expect(chooseListing(candidates(33), fixed, 600, DEFAULT_LISTING_POLICY).search).toBe(true);
    expect(chooseListing(candidates(20, 1200), fixed, 600, DEFAULT_LISTING_POLICY).search).toBe(true);
    expect(chooseListing(candidates(32, 600), fixed, 600, DEFAULT_LISTING_POLICY).search).toBe(false);
  });

  it('keeps pinned, then most used, process tools in search mode, within the caps, in catalogue order', () => {
    const list = candidates(500);
    list[7]!.pinned = true;
    list[300]!.uses = 5;
    list[2]!.uses = 1;
    list[400]!.uses = 9;
    const chosen = chooseListing(list, fixed, 600, { ...DEFAULT_LISTING_POLICY, maxProcessTools: 3 });
    expect(chosen).toEqual({ search: true, listed: ['t7', 't300', 't400'] });
  });

  it('obeys all and search whatever the sizes', () => {
    expect(chooseListing(candidates(500), fixed, 600, { ...DEFAULT_LISTING_POLICY, listing: 'all' }).listed).toHaveLength(500);
    expect(chooseListing(candidates(2), fixed, 600, { ...DEFAULT_LISTING_POLICY, listing: 'search' })).toEqual({ search: true, listed: [] });
  });
});
