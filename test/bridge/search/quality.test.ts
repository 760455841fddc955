// Search quality on the 500-process catalogue: for the fifty written queries,
// the process asked for is among the first three hits in at least 45.
import { describe, expect, it } from 'vitest';
import { ProcessSearchIndex } from '../../../src/bridge/search/index.js';
import { catalogueDocuments } from './catalogue-documents.js';
import { CATALOGUE_QUERIES } from './catalogue-queries.js';

describe('search quality on the 500-process catalogue', () => {
  const documents = catalogueDocuments(500);
  const index = new ProcessSearchIndex(documents);

  it('indexes 500 distinct processes, and every expected process is one of them', () => {
    expect(new Set(documents.map((d) => d.processId)).size).toBe(500);
    const ids = new Set(documents.map((d) => d.processId));
    expect(CATALOGUE_QUERIES).toHaveLength(50);
    for (const { expected } of CATALOGUE_QUERIES) expect(ids.has(expected), expected).toBe(true);
  });

  it('finds the right process in the top 3 for at least 45 of the 50 queries', () => {
    const misses: string[] = [];
    for (const { query, expected } of CATALOGUE_QUERIES) {
      const top = index.search(query, { limit: 3 }).map((h) => h.document.processId);
      if (!top.includes(expected)) misses.push(`${query} -> ${expected} (got ${top.join(', ')})`);
    }
    expect(misses.length, misses.join('\n')).toBeLessThanOrEqual(5);
  });
});
