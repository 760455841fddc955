// Results say everything once in each form: a client that reads only the text
// or only structuredContent learns the same facts (every output shown, cut or
// left out, and where to read it whole), and the result stays in its budget.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measureResultBytes, resultsToToolResult } from '../../src/bridge/results/index.js';

const uris = (jobId: string, outputId?: string) => `ogc-job://${jobId}/results${outputId === undefined ? '' : `/${outputId}`}`;
const textOf = (content: Array<{ type: string; text?: string; uri?: string }>) => content.map((c) => c.text ?? c.uri ?? '').join('\n');

describe('results in text and structuredContent', () => {
  it('name every output the same way in both, within the budget', () => {
    const value = fc.oneof(fc.integer(), fc.string({ maxLength: 4000 }), fc.array(fc.integer(), { maxLength: 500 }), fc.constant('x'.repeat(20_000)));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 40 }), fc.constantFrom(1024, 1100, 3000, 20_000), (values, budget) => {
        const results = Object.fromEntries(values.map((v, i) => [`out_${i}`, v]));
        const r = resultsToToolResult(results, { jobID: 'j1', status: 'successful' }, { maxResultBytes: budget, resourceUriFor: uris });
        expect(measureResultBytes(r)).toBeLessThanOrEqual(budget);
        const text = textOf(r.content as Array<{ type: string; text?: string }>);
        const s = r.structuredContent;
        const shown = Object.keys(s.outputs);
        // Every output is shown or counted as left out, in structuredContent...
        expect(shown.length + (s.omitted?.count ?? 0)).toBe(values.length);
        for (const id of s.omitted?.ids ?? []) expect(shown).not.toContain(id);
        if (s.omitted) expect(s.omitted.resource).toBe('ogc-job://j1/results');
        // ...and the text says the same.
        for (const id of shown) expect(text).toContain(id);
        if (s.omitted) {
          expect(text).toMatch(new RegExp(`\\b${s.omitted.count} (more )?outputs?\\b`));
          expect(text).toContain('ogc-job://j1/results');
        }
        expect(text).toContain('Job j1 successful');
      }),
      { numRuns: 60 },
    );
  });
});
