// Results documents as servers send them, read into the map of outputs the
// translation takes, from a folder laid out as in document-tree.ts.
import path from 'node:path';
import type { ContentBlock } from '@modelcontextprotocol/sdk/types.js';
import type { ResultsToolResult } from '../../src/bridge/results/index.js';
import { otherDocuments, readJson } from './document-tree.js';

const RESULT_FILE = /^(results-.*|job_results_.*|job_outputs)\.json$/;

/** Every results document under <root>/<implementation>/other/, by relative path. */
export function resultDocuments(root: string): string[] {
  return otherDocuments(root).filter((file) => RESULT_FILE.test(path.basename(file)));
}

/** Servers send a raw map, {outputs: {...}} or {outputs: [{id, ...}]}: the translation takes the map. */
export function outputsMap(doc: Record<string, unknown>): Record<string, unknown> {
  const outputs = doc.outputs;
  if (Array.isArray(outputs)) {
    return Object.fromEntries(
      outputs.map((o: Record<string, unknown>) => {
        const { id, ...rest } = o;
        return [String(id), rest];
      }),
    );
  }
  if (typeof outputs === 'object' && outputs !== null) return outputs as Record<string, unknown>;
  return doc;
}

export function readResults(root: string, relative: string): Record<string, unknown> {
  return outputsMap(readJson(path.join(root, relative)) as Record<string, unknown>);
}

export const resourceUriFor = (jobId: string, outputId?: string): string =>
  `ogc-job://${jobId}/results${outputId === undefined ? '' : `/${outputId}`}`;

export function textOf(result: ResultsToolResult): string {
  const first = result.content[0];
  return first?.type === 'text' ? first.text : '';
}

export function links(result: ResultsToolResult): Extract<ContentBlock, { type: 'resource_link' }>[] {
  return result.content.filter((b): b is Extract<ContentBlock, { type: 'resource_link' }> => b.type === 'resource_link');
}
