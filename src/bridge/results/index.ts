// OGC job results -> MCP tool results. One output goes through one pipeline:
// classify (what it is) -> render-value or render-special (its content) ->
// assemble (one result), driven by to-tool-result within the size budget;
// status covers jobs that have no outputs to show.
export { DEFAULT_MAX_IMAGE_BYTES, DEFAULT_MAX_RESULT_BYTES, MIN_RESULT_BYTES, resultsToToolResult } from './to-tool-result.js';
export { measureResultBytes } from './common.js';
export { type FailedJobResult, type JobStatusStructuredContent, type StatusSummaryResult, failedResult, statusSummary } from './status.js';
export type { OutputDescription, ResultsJob, ResultsOptions, ResultsStructuredContent, ResultsToolResult } from './types.js';
