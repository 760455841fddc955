// Whatever the values and the budget, the result stays within the budget, is a
// valid CallToolResult, and every output is either whole or marked as cut.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { measureResultBytes, resultsToToolResult, type ResultsToolResult } from '../../../src/bridge/results/index.js';

const resourceUriFor = (jobId: string, outputId?: string): string =>
  `ogc-job://${jobId}/results${outputId === undefined ? '' : `/${encodeURIComponent(outputId)}`}`;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// Values of every size: small JSON, long strings (emoji, escapes), long arrays.
const outputValue = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3, stringUnit: 'grapheme' }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 500, maxLength: 6_000 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('a', '😀', '"', '\\', '\n', 'é', '東', '\u0000'), fc.integer({ min: 100, max: 20_000 }))
      .map(([unit, n]) => unit.repeat(n)),
  },
  { weight: 1, arbitrary: fc.array(fc.integer(), { minLength: 100, maxLength: 3_000 }) },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 20, maxLength: 200 }) },
  { weight: 1, arbitrary: fc.webUrl().map((href) => ({ href, type: 'application/x-netcdf' })) },
  {
    weight: 1,
    arbitrary: fc
      .uint8Array({ minLength: 1, maxLength: 3_000 })
      .map((bytes) => ({ value: Buffer.from(bytes).toString('base64'), mediaType: 'image/png' })),
  },
);

const isLink = (v: unknown): v is { href: string } => typeof v === 'object' && v !== null && 'href' in v;
const isImage = (v: unknown): v is { value: string; mediaType: string } =>
  typeof v === 'object' && v !== null && (v as { mediaType?: unknown }).mediaType === 'image/png';

const results = fc.dictionary(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), outputValue, {
  minKeys: 0,
  maxKeys: 12,
});

function parsedArray(preview: string): unknown[] | undefined {
  try {
    const parsed: unknown = JSON.parse(preview);
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function checkInvariants(input: Record<string, unknown>, result: ResultsToolResult, budget: number): void {
  expect(measureResultBytes(result)).toBeLessThanOrEqual(budget);
  expect(CallToolResultSchema.safeParse({ content: result.content, structuredContent: result.structuredContent }).success).toBe(
    true,
  );
  const first = result.content[0];
  expect(first?.type).toBe('text');
  if (first?.type === 'text') expect(first.text).not.toMatch(LONE_SURROGATE);
  const outputs = result.structuredContent.outputs;
  for (const id of Object.keys(input)) {
    const shown = Object.hasOwn(outputs, id);
    if (!shown) {
      expect(result.truncated).toContain(id);
      continue;
    }
    const value = outputs[id];
    const original = input[id];
    if (isLink(original)) {
      expect(value).toEqual(original);
      continue;
    }
    if (isImage(original)) {
      const bytes = Buffer.from(original.value, 'base64').length;
      expect(value).toMatchObject({ mediaType: 'image/png', bytes });
      expect(JSON.stringify(value)).not.toContain(original.value);
      continue;
    }
    if (result.truncated.includes(id)) {
      expect(value).toMatchObject({ truncated: true, resource: resourceUriFor('job-7', id) });
      const preview = (value as { preview: string }).preview;
      expect(preview).not.toMatch(LONE_SURROGATE);
      // A preview is the start of the value, or of its JSON (arrays: a JSON array of its first items).
      const items = Array.isArray(original) ? parsedArray(preview) : undefined;
      if (typeof original === 'string') expect(original.startsWith(preview)).toBe(true);
      else if (Array.isArray(original) && items !== undefined) {
        expect(items).toEqual(JSON.parse(JSON.stringify(original.slice(0, items.length))));
      } else expect(JSON.stringify(original).startsWith(preview)).toBe(true);
    } else {
      expect(value).toBe(original);
    }
  }
}

describe('the result budget, over random values', () => {
  it('is never exceeded, and every output is whole, cut with a marker, or named as left out', () => {
    fc.assert(
      fc.property(results, fc.integer({ min: 1_024, max: 30_000 }), (input, budget) => {
        const result = resultsToToolResult(input, { jobID: 'job-7', status: 'successful' }, {
          resourceUriFor,
          maxResultBytes: budget,
          maxImageBytes: 4_000,
        });
        checkInvariants(input, result, budget);
      }),
      { numRuns: 150, endOnFailure: true },
    );
  });
});
