// Rendered outputs put together into one tool result: a text block that reads
// top to bottom, then the image and resource_link blocks in output order.
import type { ContentBlock } from '@modelcontextprotocol/server';
import { formatCount, readAllFrom } from './common.js';
import type { RenderedOutput, ResourceUris, ResultsJob, ResultsToolResult } from './types.js';

// Enough ids for a model to see which outputs are missing, few enough to stay small.
const MAX_LISTED_IDS = 10;

export function headerLine(job: ResultsJob, outputCount: number): string {
  const who =
    job.jobID !== undefined ? `Job ${job.jobID}` : job.processID !== undefined ? `Process ${job.processID}` : 'The process';
  return `${who} ${job.status}.${outputCount === 0 ? ' It returned no outputs.' : ''}`;
}

function resultsLink(uris: ResourceUris, count: number): ContentBlock[] {
  const uri = uris.forResults();
  if (uri === undefined) return [];
  return [{ type: 'resource_link', uri, name: 'results', description: `All ${formatCount(count)} outputs of the job` }];
}

function listIds(ids: string[]): string {
  const shown = ids.slice(0, MAX_LISTED_IDS).map((id) => `'${id}'`);
  const more = ids.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${formatCount(more)} more` : shown.join(', ');
}

function structured(job: ResultsJob, outputs: Record<string, unknown>, omitted: string[] = [], uris?: ResourceUris): ResultsToolResult['structuredContent'] {
  const resource = uris?.forResults();
  const left =
    omitted.length > 0 ? { omitted: { count: omitted.length, ids: omitted.slice(0, MAX_LISTED_IDS), ...(resource !== undefined && { resource }) } } : {};
  return { status: job.status, ...(job.jobID !== undefined && { jobId: job.jobID }), outputs, ...left };
}

/**
 * `omitted` outputs (no room even for a note each) are named in one line that
 * points to the job's whole results.
 */
export function assemble(
  job: ResultsJob,
  header: string,
  ids: string[],
  rendered: Map<string, RenderedOutput>,
  omitted: string[],
  budget: number,
  uris: ResourceUris,
): ResultsToolResult {
  const lines = [header];
  const blocks: ContentBlock[] = [];
  const outputs: Record<string, unknown> = {};
  const truncated: string[] = [];
  for (const id of ids) {
    const r = rendered.get(id);
    if (r === undefined) continue;
    // defineProperty: an output named __proto__ must stay an output.
    Object.defineProperty(outputs, id, { value: r.structured, enumerable: true, writable: true, configurable: true });
    lines.push(...r.lines);
    blocks.push(...r.blocks);
    if (r.truncated) truncated.push(id);
  }
  if (omitted.length > 0) {
    const n = formatCount(omitted.length);
    lines.push(
      `${n} more output${omitted.length === 1 ? '' : 's'} (${listIds(omitted)}) left out: no room in the ${formatCount(budget)}-byte result limit; ${readAllFrom(uris.forResults())}.`,
    );
    blocks.push(...resultsLink(uris, ids.length));
    truncated.push(...omitted);
  }
  return { content: [{ type: 'text', text: lines.join('\n') }, ...blocks], structuredContent: structured(job, outputs, omitted, uris), truncated };
}

/** When not even the links and images fit: one note and one link for everything. */
export function collapsed(job: ResultsJob, header: string, ids: string[], budget: number, uris: ResourceUris): ResultsToolResult {
  const text = `${header} Its ${formatCount(ids.length)} outputs do not fit in the ${formatCount(budget)}-byte result limit, not even cut short; ${readAllFrom(uris.forResults())}.`;
  return {
    content: [{ type: 'text', text }, ...resultsLink(uris, ids.length)],
    structuredContent: structured(job, {}, ids, uris),
    truncated: [...ids],
  };
}
