// Real results documents from the shared corpus (eozilla, s2gos, Weaver) and the
// official OGC example, through the translation. The same checks over the
// project's own documents are in dialects.test.ts.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { measureResultBytes, resultsToToolResult } from '../../../src/bridge/results/index.js';
import { readJson } from '../../support/document-tree.js';
import { links, readResults, resourceUriFor, resultDocuments, textOf } from '../../support/results-documents.js';
import { itTurnsResultsIntoToolResults } from '../../support/results-suite.js';
import { corpusDir, officialExamplesDir, sharedMissing } from '../../support/shared-data.js';

const job = { jobID: 'job-9', status: 'successful' };
const corpusResults = (relative: string): Record<string, unknown> => readResults(corpusDir, relative);

describe.skipIf(sharedMissing)('corpus results documents', () => {
  const files = sharedMissing ? [] : resultDocuments(corpusDir);

  it('finds the results documents of at least three implementations', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    expect(new Set(files.map((f) => f.split('/')[0]))).toEqual(new Set(['eozilla', 's2gos', 'weaver']));
  });

  itTurnsResultsIntoToolResults(corpusDir, files);

  it('shows the eozilla primes as JSON in both places', () => {
    const result = resultsToToolResult(corpusResults('eozilla/other/results-job_2.json'), job, { resourceUriFor });
    const primes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97];
    expect(result.structuredContent.outputs).toEqual({ return_value: primes });
    expect(textOf(result)).toBe(`Job job-9 successful.\nreturn_value: ${JSON.stringify(primes)}`);
  });

  it('keeps the eozilla nested arrays and the single number as they are', () => {
    const nested = corpusResults('eozilla/other/results-job_3.json');
    expect(resultsToToolResult(nested, job, { resourceUriFor }).structuredContent.outputs).toEqual(nested);
    const number = resultsToToolResult(corpusResults('eozilla/other/results-airflow-number.json'), job, { resourceUriFor });
    expect(number.structuredContent.outputs).toEqual({ return_value: 10.110539436340332 });
    expect(textOf(number)).toContain('return_value: 10.110539436340332');
  });

  it('turns Weaver results by reference into resource links', () => {
    const result = resultsToToolResult(corpusResults('weaver/other/job_results_by_reference.json'), job, { resourceUriFor });
    expect(links(result)).toEqual([
      {
        type: 'resource_link',
        uri: 'http://schema-example.com/wpsoutputs/14c68477-c3ed-4784-9c0f-a4c9e1344db5/output.txt',
        name: 'output',
        mimeType: 'text/plain',
      },
    ]);
    expect(result.structuredContent.outputs.output).toMatchObject({ href: links(result)[0]?.uri, type: 'text/plain' });
  });

  it('mixes a link and a number in the Weaver minimal document', () => {
    const result = resultsToToolResult(corpusResults('weaver/other/job_results_document_minimal.json'), job, { resourceUriFor });
    expect(links(result).map((l) => [l.name, l.mimeType])).toEqual([['output-file', 'application/x-netcdf']]);
    expect(result.structuredContent.outputs['output-data']).toBe(3.1416);
    expect(textOf(result)).toContain('output-data: 3.1416');
  });

  it('keeps Weaver\'s "href" holding literal text a plain value, not a link', () => {
    const results = corpusResults('weaver/other/job_results_by_value.json');
    const result = resultsToToolResult(results, job, { resourceUriFor });
    expect(links(result)).toEqual([]);
    expect(result.structuredContent.outputs).toEqual(results);
  });

  it('reads the Weaver outputs list ({outputs: [{id, href}]}) as links', () => {
    const result = resultsToToolResult(corpusResults('weaver/other/job_outputs.json'), job, { resourceUriFor });
    expect(links(result).map((l) => l.name)).toEqual(['output']);
  });
});

describe.skipIf(sharedMissing)('the official OGC results example', () => {
  const example = sharedMissing ? {} : (readJson(path.join(officialExamplesDir, 'Result.json')) as Record<string, unknown>);
  const result = () => resultsToToolResult(example, job, { resourceUriFor });

  it('is a valid tool result within budget, with every output', () => {
    expect(CallToolResultSchema.safeParse({ content: result().content, structuredContent: result().structuredContent }).success).toBe(
      true,
    );
    expect(measureResultBytes(result())).toBeLessThanOrEqual(80_000);
    expect(Object.keys(result().structuredContent.outputs)).toEqual(Object.keys(example));
  });

  it('links the GeoTIFF images, by reference and inline, and keeps their base64 out', () => {
    expect(links(result()).map((l) => l.uri)).toEqual([
      'https://www.someserver.com/ogcapi/Daraa/collections/Daraa_DTED/styles/Topographic/coverage?...',
      'ogc-job://job-9/results/imagesOutput',
    ]);
    expect(result().content.some((b) => b.type === 'image')).toBe(false);
    expect(JSON.stringify(result())).not.toContain('VBORw0KGgo');
    expect(result().structuredContent.outputs.imagesOutput).toEqual([
      (example.imagesOutput as unknown[])[0],
      expect.objectContaining({ mediaType: 'image/tiff', content: 'binary data, not inline' }),
    ]);
  });

  it('shows the GML feature collection as text, with its media type', () => {
    expect(textOf(result())).toContain('featureCollectionOutput (application/gml+xml; version=3.2): "<?xml');
    expect(result().structuredContent.outputs.featureCollectionOutput).toEqual(example.featureCollectionOutput);
  });
});
