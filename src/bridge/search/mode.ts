// Whether the process tools are listed, or only the fixed tools plus
// search_processes: with hundreds of processes the tool list alone would fill
// a model's context, and clients warn above ~40 tools. In search mode the
// pinned processes and the ones used most in this bridge stay tools.

export type ToolListing = 'auto' | 'all' | 'search';
export const TOOL_LISTINGS: readonly ToolListing[] = ['auto', 'all', 'search'];

export interface ListingPolicy {
  listing: ToolListing;
  /** auto: at most this many tools in all (fixed ones included) before switching to search. */
  maxTools: number;
  /** auto: at most this many bytes of tools/list before switching; search mode: the cap for kept process tools. */
  maxBytes: number;
  /** Search mode: most process tools kept as tools (pinned first, then the most used). */
  maxProcessTools: number;
}

export const DEFAULT_LISTING_POLICY: ListingPolicy = { listing: 'auto', maxTools: 40, maxBytes: 25_000, maxProcessTools: 10 };

export interface ListingCandidate {
  name: string;
  /** Its definition's size in tools/list. */
  bytes: number;
  pinned: boolean;
  /** Runs through this bridge so far. */
  uses: number;
}

export interface Listing {
  search: boolean;
  /** The process tools listed, in catalogue order. */
  listed: string[];
}

/**
 * `fixed` is the fixed tools' count and bytes in all-mode; `searchTool` the
 * bytes search_processes adds in search mode.
 */
export function chooseListing(candidates: readonly ListingCandidate[], fixed: { count: number; bytes: number }, searchToolBytes: number, policy: ListingPolicy): Listing {
  const allBytes = candidates.reduce((n, c) => n + c.bytes, fixed.bytes);
  const fitsAll = fixed.count + candidates.length <= policy.maxTools && allBytes <= policy.maxBytes;
  if (policy.listing === 'all' || (policy.listing === 'auto' && fitsAll)) return { search: false, listed: candidates.map((c) => c.name) };
  const ranked = candidates
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => c.pinned || c.uses > 0)
    .sort((a, b) => Number(b.c.pinned) - Number(a.c.pinned) || b.c.uses - a.c.uses || a.index - b.index);
  const kept = new Set<number>();
  let bytes = fixed.bytes + searchToolBytes;
  for (const { c, index } of ranked) {
    if (kept.size >= policy.maxProcessTools) break;
    if (bytes + c.bytes > policy.maxBytes) continue;
    kept.add(index);
    bytes += c.bytes;
  }
  return { search: true, listed: candidates.filter((_, i) => kept.has(i)).map((c) => c.name) };
}
