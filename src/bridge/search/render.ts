// Search hits as a tool result: the same facts in text and in structured
// form, each hit with what a model needs to decide and to call (id, server,
// title, first sentence, inputs with their types, the tool that runs it),
// within a byte budget that cuts at a whole hit and says how many were left.
import { truncateWords } from '../../util/text.js';
import type { SearchDocument, SearchInput } from './documents.js';
import type { SearchHit } from './ranking.js';

export interface RenderedHit {
  processId: string;
  server?: string;
  title?: string;
  summary?: string;
  /** The process's own tool, when it is listed as one. */
  tool?: string;
  /** "name: type", required ones marked with *; absent when the inputs are not known yet. */
  inputs?: string;
}

export interface SearchStructured {
  query: string;
  /** Processes that match in all. */
  total: number;
  hits: RenderedHit[];
}

export interface RenderedSearch {
  text: string;
  structured: SearchStructured;
}

const MAX_SUMMARY = 200;
const MAX_INPUTS_TEXT = 300;

/**
 * `hits` best first; `total` is how many matched before the limit. The text
 * and the structured form each stay within `maxBytes`.
 */
export function renderSearch(query: string, hits: readonly SearchHit[], total: number, maxBytes: number): RenderedSearch {
  const rendered = hits.map((h) => renderHit(h.document));
  const shown: RenderedHit[] = [];
  const lines: string[] = [];
  let textBytes = 0;
  let jsonBytes = 0;
  const head = (count: number) => headline(query, count, total);
  // Room for the headline and the closing note, whichever count they end up with.
  const reserve = Buffer.byteLength(head(total)) + 200;
  for (const [i, hit] of rendered.entries()) {
    const line = hitLine(i + 1, hit);
    const lineBytes = Buffer.byteLength(line) + 1;
    const hitBytes = Buffer.byteLength(JSON.stringify(hit)) + 1;
    if (reserve + textBytes + lineBytes > maxBytes || reserve + jsonBytes + hitBytes > maxBytes) break;
    shown.push(hit);
    lines.push(line);
    textBytes += lineBytes;
    jsonBytes += hitBytes;
  }
  const left = total - shown.length;
  const tail = left > 0 ? [`${left} more match; narrow the query or the filters, or raise limit.`] : [];
  return {
    text: [head(shown.length), ...lines, ...tail].join('\n'),
    structured: { query, total, hits: shown },
  };
}

function headline(query: string, shown: number, total: number): string {
  const what = query.trim() === '' ? 'Processes' : `Processes matching ${JSON.stringify(truncateWords(query.trim(), 100))}`;
  if (total === 0) return `${what}: none. Try other words, fewer filters, or list_processes.`;
  return (
    `${what}: ${shown} of ${total}, best first (* = required input). ` +
    'Run one with execute_process {process_id, inputs} (or its own tool where named); describe_process gives every input constraint.'
  );
}

function renderHit(doc: SearchDocument): RenderedHit {
  const hit: RenderedHit = { processId: doc.processId };
  if (doc.server !== undefined) hit.server = doc.server;
  if (doc.title !== undefined && doc.title !== doc.processId) hit.title = truncateWords(doc.title, 120);
  const summary = firstSentence(doc.description);
  if (summary !== undefined) hit.summary = summary;
  if (doc.toolName !== undefined) hit.tool = doc.toolName;
  if (doc.inputs !== undefined) hit.inputs = truncateWords(doc.inputs.map(inputText).join(', ') || '(none)', MAX_INPUTS_TEXT);
  return hit;
}

function hitLine(rank: number, hit: RenderedHit): string {
  const parts = [`${rank}. ${hit.processId}`];
  if (hit.server !== undefined) parts.push(`[server ${hit.server}]`);
  if (hit.title !== undefined) parts.push(`- ${hit.title}`);
  if (hit.tool !== undefined && hit.tool !== hit.processId) parts.push(`(tool ${hit.tool})`);
  else if (hit.tool !== undefined) parts.push('(own tool)');
  const lines = [parts.join(' ')];
  if (hit.summary !== undefined) lines.push(`   ${hit.summary}`);
  if (hit.inputs !== undefined) lines.push(`   inputs: ${hit.inputs}`);
  return lines.join('\n');
}

function inputText(input: SearchInput): string {
  // The most telling type first: bbox/geometry/date/file/url say more than object/string.
  const order = ['bbox', 'geometry', 'date', 'file', 'url', 'integer', 'number', 'boolean', 'string', 'array', 'object'];
  const type = [...input.types].sort((a, b) => order.indexOf(a) - order.indexOf(b))[0] ?? 'any';
  return `${input.name}${input.required ? '*' : ''}: ${type}`;
}

function firstSentence(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.search(/[.!?](\s|$)/);
  return truncateWords(end > 0 ? flat.slice(0, end + 1) : flat, MAX_SUMMARY);
}
