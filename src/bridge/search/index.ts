// Process search: documents (what is known of a process), terms (text
// analysis) and ranking (the index). Pure: no I/O.
export { INPUT_TYPES, isInputType, type InputType, type SearchDocument, type SearchFilters, type SearchInput } from './documents.js';
export { ProcessSearchIndex, type SearchHit, type SearchOptions } from './ranking.js';
export { inputTypes, searchDocumentFor, type DocumentSource, type ProcessSummaryText } from './from-tool.js';
export { renderSearch, type RenderedHit, type RenderedSearch, type SearchStructured } from './render.js';
export { DEFAULT_LISTING_POLICY, TOOL_LISTINGS, chooseListing, type Listing, type ListingCandidate, type ListingPolicy, type ToolListing } from './mode.js';
