// What every results document must give, whatever folder it comes from: a
// valid tool result with every output, within the result budget.
import { expect, it } from 'vitest';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { measureResultBytes, resultsToToolResult } from '../../src/bridge/results/index.js';
import { readResults, resourceUriFor, textOf } from './results-documents.js';

export function itTurnsResultsIntoToolResults(root: string, files: string[]): void {
  const job = { jobID: 'job-9', status: 'successful' };
  it.each(files)('%s becomes a valid tool result with every output, within budget', (file) => {
    const results = readResults(root, file);
    for (const budget of [80_000, 1_024]) {
      const result = resultsToToolResult(results, job, { resourceUriFor, maxResultBytes: budget });
      expect(CallToolResultSchema.safeParse({ content: result.content, structuredContent: result.structuredContent }).success).toBe(true);
      expect(measureResultBytes(result)).toBeLessThanOrEqual(budget);
      expect(textOf(result)).toMatch(/^Job job-9 successful\./);
      if (budget === 80_000) {
        expect(Object.keys(result.structuredContent.outputs)).toEqual(Object.keys(results));
        expect(result.truncated).toEqual([]);
      }
    }
  });
}
