// The project's own results documents in the shapes servers send (eozilla,
// s2gos, Weaver, and one with every Part 1 value form), through the
// translation. The same checks over the real documents are in corpus.test.ts.
import { describe, expect, it } from 'vitest';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { measureResultBytes, resultsToToolResult } from '../../../src/bridge/results/index.js';
import { dialectsDir } from '../../support/document-tree.js';
import { links, readResults, resourceUriFor, resultDocuments, textOf } from '../../support/results-documents.js';
import { itTurnsResultsIntoToolResults } from '../../support/results-suite.js';

const job = { jobID: 'job-9', status: 'successful' };
const results = (relative: string): Record<string, unknown> => readResults(dialectsDir, relative);
const JOB = '5d0c2a7e-1f3b-4c8d-9e6a-0b1c2d3e4f50';

describe('dialect results documents', () => {
  const files = resultDocuments(dialectsDir);

  it('come in the shapes of three implementations and the specification', () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
    expect(new Set(files.map((f) => f.split('/')[0]))).toEqual(new Set(['eozilla', 'ogc-spec', 's2gos', 'weaver']));
  });

  itTurnsResultsIntoToolResults(dialectsDir, files);

  it('shows an eozilla array of numbers as JSON in both places', () => {
    const result = resultsToToolResult(results('eozilla/other/results-job_2.json'), job, { resourceUriFor });
    const evens = [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20];
    expect(result.structuredContent.outputs).toEqual({ return_value: evens });
    expect(textOf(result)).toBe(`Job job-9 successful.\nreturn_value: ${JSON.stringify(evens)}`);
  });

  it('keeps eozilla nested arrays and a single number as they are', () => {
    const nested = results('eozilla/other/results-job_3.json');
    expect(resultsToToolResult(nested, job, { resourceUriFor }).structuredContent.outputs).toEqual(nested);
    const number = resultsToToolResult(results('eozilla/other/results-airflow-number.json'), job, { resourceUriFor });
    expect(number.structuredContent.outputs).toEqual({ return_value: 2.718281828459045 });
    expect(textOf(number)).toContain('return_value: 2.718281828459045');
  });

  it('turns Weaver results by reference into resource links', () => {
    const result = resultsToToolResult(results('weaver/other/job_results_by_reference.json'), job, { resourceUriFor });
    expect(links(result)).toEqual([
      { type: 'resource_link', uri: `http://weaver.example.org/wpsoutputs/${JOB}/dump.txt`, name: 'dump', mimeType: 'text/plain' },
    ]);
    expect(result.structuredContent.outputs.dump).toMatchObject({ href: links(result)[0]?.uri, type: 'text/plain' });
  });

  it('mixes a link and a number in the Weaver minimal document', () => {
    const result = resultsToToolResult(results('weaver/other/job_results_document_minimal.json'), job, { resourceUriFor });
    expect(links(result).map((l) => [l.name, l.mimeType])).toEqual([['grid-file', 'application/x-netcdf']]);
    expect(result.structuredContent.outputs['grid-mean']).toBe(1.4142);
    expect(textOf(result)).toContain('grid-mean: 1.4142');
  });

  it('keeps Weaver\'s "href" holding literal text a plain value, not a link', () => {
    const byValue = results('weaver/other/job_results_by_value.json');
    const result = resultsToToolResult(byValue, job, { resourceUriFor });
    expect(links(result)).toEqual([]);
    expect(result.structuredContent.outputs).toEqual(byValue);
  });

  it('reads the Weaver outputs list ({outputs: [{id, href}]}) as links', () => {
    const result = resultsToToolResult(results('weaver/other/job_outputs.json'), job, { resourceUriFor });
    expect(links(result).map((l) => l.name)).toEqual(['dump']);
  });
});

describe('a results document with every Part 1 value form', () => {
  const doc = results('ogc-spec/other/results-every-form.json');
  const result = resultsToToolResult(doc, job, { resourceUriFor });

  it('is a valid tool result within budget, with every output', () => {
    expect(CallToolResultSchema.safeParse({ content: result.content, structuredContent: result.structuredContent }).success).toBe(true);
    expect(measureResultBytes(result)).toBeLessThanOrEqual(80_000);
    expect(Object.keys(result.structuredContent.outputs)).toEqual(Object.keys(doc));
  });

  it('links the GeoTIFF tiles, by reference and inline, and keeps their base64 out', () => {
    expect(links(result).map((l) => l.uri)).toEqual(['https://ogc.example.org/outputs/tiles/1.tif', 'ogc-job://job-9/results/tilesOutput']);
    expect(result.content.some((b) => b.type === 'image')).toBe(false);
    expect(JSON.stringify(result)).not.toContain('SUkqAAgAAAAB');
    expect(result.structuredContent.outputs.tilesOutput).toEqual([
      (doc.tilesOutput as unknown[])[0],
      expect.objectContaining({ mediaType: 'image/tiff', content: 'binary data, not inline' }),
    ]);
  });

  it('shows qualified values, bounding boxes and GML text with their media types', () => {
    const text = textOf(result);
    expect(text).toContain('featuresOutput (application/gml+xml; version=3.2): "<?xml');
    expect(text).toContain('lengthOutput (application/json): {"measurement":12.5,"uom":"km"}');
    expect(text).toContain('areaOutput: {"bbox":[5.5,45.25,6.75,46.5]');
    expect(result.structuredContent.outputs.featuresOutput).toEqual(doc.featuresOutput);
    expect(result.structuredContent.outputs.countsOutput).toEqual([4, 8, 15, 16]);
  });
});
