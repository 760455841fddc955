// Ranked search over processes: BM25F over the id, title, keywords,
// description and input names, with partial matches (prefixes, shared stems)
// counted at a discount and a bonus for matching every term of the query.
// Built once per catalogue; a search reads it and never changes it.
import type { SearchDocument, SearchFilters } from './documents.js';
import { partialMatch, termsOf } from './terms.js';

export interface SearchHit {
  document: SearchDocument;
  /** Higher is better; only comparable within one search. */
  score: number;
}

export interface SearchOptions extends SearchFilters {
  /** Most hits returned (default 10). */
  limit?: number;
}

type Field = 'id' | 'title' | 'keywords' | 'description' | 'inputs';

// How much a term counts where it is found, and how much a long field dilutes it.
const FIELDS: Record<Field, { weight: number; b: number }> = {
  id: { weight: 2.5, b: 0.3 },
  title: { weight: 3, b: 0.5 },
  keywords: { weight: 2, b: 0.3 },
  description: { weight: 1, b: 0.75 },
  inputs: { weight: 0.4, b: 0.5 },
};
const FIELD_NAMES = Object.keys(FIELDS) as Field[];
const K1 = 1.2;
const DEFAULT_LIMIT = 10;

interface Posting {
  doc: number;
  tf: Record<Field, number>;
}

export class ProcessSearchIndex {
  private readonly docs: SearchDocument[];
  private readonly lengths: Array<Record<Field, number>> = [];
  private readonly averages = {} as Record<Field, number>;
  private readonly postings = new Map<string, Posting[]>();
  /** Lower-case process ids and tool names -> documents, for a query that names one. */
  private readonly byName = new Map<string, number[]>();

  constructor(documents: readonly SearchDocument[]) {
    this.docs = [...documents];
    const totals = Object.fromEntries(FIELD_NAMES.map((f) => [f, 0])) as Record<Field, number>;
    this.docs.forEach((doc, index) => {
      const fields = fieldTerms(doc);
      const lengths = {} as Record<Field, number>;
      for (const field of FIELD_NAMES) {
        lengths[field] = fields[field].length;
        totals[field] += fields[field].length;
        for (const term of fields[field]) this.count(term, index, field);
      }
      this.lengths.push(lengths);
      for (const name of [doc.processId, doc.toolName]) {
        if (name === undefined) continue;
        const key = name.toLowerCase();
        this.byName.set(key, [...(this.byName.get(key) ?? []), index]);
      }
    });
    for (const field of FIELD_NAMES) this.averages[field] = this.docs.length > 0 ? Math.max(1, totals[field] / this.docs.length) : 1;
  }

  get size(): number {
    return this.docs.length;
  }

  /**
   * The documents that pass the filters, best first. An empty query lists
   * them in catalogue order; a query that is exactly a process id or tool
   * name puts that process first.
   */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT));
    const allowed = (index: number) => passes(this.docs[index]!, options);
    const queryTerms = [...new Set(termsOf(query))];
    if (queryTerms.length === 0) {
      const hits: SearchHit[] = [];
      for (let i = 0; i < this.docs.length && hits.length < limit; i++) if (allowed(i)) hits.push({ document: this.docs[i]!, score: 0 });
      return hits;
    }
    const scores = new Map<number, { score: number; matched: number }>();
    for (const term of queryTerms) {
      const best = new Map<number, number>();
      for (const [variant, weight] of this.variants(term)) {
        const postings = this.postings.get(variant)!;
        const idf = Math.log(1 + (this.docs.length - postings.length + 0.5) / (postings.length + 0.5));
        for (const posting of postings) {
          const value = weight * idf * this.saturated(posting);
          if (value > (best.get(posting.doc) ?? 0)) best.set(posting.doc, value);
        }
      }
      for (const [doc, value] of best) {
        const entry = scores.get(doc) ?? { score: 0, matched: 0 };
        entry.score += value;
        entry.matched += 1;
        scores.set(doc, entry);
      }
    }
    const exact = new Set(this.byName.get(query.trim().toLowerCase()) ?? []);
    const hits: SearchHit[] = [];
    for (const [doc, { score, matched }] of scores) {
      if (!allowed(doc)) continue;
      const coverage = matched / queryTerms.length;
      hits.push({ document: this.docs[doc]!, score: score * (0.4 + 0.6 * coverage) + (exact.has(doc) ? 1000 : 0) });
    }
    for (const doc of exact) if (!scores.has(doc) && allowed(doc)) hits.push({ document: this.docs[doc]!, score: 1000 });
    // Ties keep catalogue order (sort is stable; scores.keys() is in first-match order, so sort by index too).
    const order = new Map(this.docs.map((d, i) => [d, i]));
    hits.sort((a, b) => b.score - a.score || order.get(a.document)! - order.get(b.document)!);
    return hits.slice(0, limit);
  }

  private count(term: string, doc: number, field: Field): void {
    let list = this.postings.get(term);
    if (!list) this.postings.set(term, (list = []));
    let posting = list[list.length - 1];
    if (posting?.doc !== doc) {
      posting = { doc, tf: { id: 0, title: 0, keywords: 0, description: 0, inputs: 0 } };
      list.push(posting);
    }
    posting.tf[field] += 1;
  }

  /** The indexed terms a query term matches, with how much each counts. */
  private variants(term: string): Array<[string, number]> {
    const found: Array<[string, number]> = [];
    if (this.postings.has(term)) found.push([term, 1]);
    for (const candidate of this.postings.keys()) {
      if (candidate === term) continue;
      const weight = partialMatch(term, candidate);
      if (weight > 0) found.push([candidate, weight]);
    }
    return found;
  }

  /** BM25F: field-weighted, length-normalized term frequency, saturated. */
  private saturated(posting: Posting): number {
    const lengths = this.lengths[posting.doc]!;
    let weighted = 0;
    for (const field of FIELD_NAMES) {
      const tf = posting.tf[field];
      if (tf === 0) continue;
      const { weight, b } = FIELDS[field];
      weighted += (weight * tf) / (1 - b + (b * lengths[field]) / this.averages[field]);
    }
    return (weighted * (K1 + 1)) / (weighted + K1);
  }
}

function fieldTerms(doc: SearchDocument): Record<Field, string[]> {
  return {
    id: termsOf(doc.toolName !== undefined && doc.toolName !== doc.processId ? `${doc.processId} ${doc.toolName}` : doc.processId),
    title: termsOf(doc.title),
    keywords: (doc.keywords ?? []).flatMap((k) => termsOf(k)),
    description: termsOf(doc.description),
    inputs: (doc.inputs ?? []).flatMap((i) => termsOf(i.title !== undefined ? `${i.name} ${i.title}` : i.name)),
  };
}

function passes(doc: SearchDocument, filters: SearchFilters): boolean {
  if (filters.server !== undefined && doc.server?.toLowerCase() !== filters.server.toLowerCase()) return false;
  if (filters.inputType !== undefined && !(doc.inputs ?? []).some((i) => i.types.includes(filters.inputType!))) return false;
  if (filters.keyword !== undefined) {
    const wanted = filters.keyword.trim().toLowerCase();
    if (!(doc.keywords ?? []).some((k) => k.trim().toLowerCase() === wanted)) return false;
  }
  return true;
}
