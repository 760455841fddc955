// Real results documents from the corpus (eozilla, s2gos, Weaver) and the
// official OGC example, through the translation.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CallToolResultSchema, type ContentBlock } from '@modelcontextprotocol/sdk/types.js';
import { measureResultBytes, resultsToToolResult, type ResultsToolResult } from '../../src/bridge/results.js';
import { sharedDir } from '../support/repo.js';

const corpusDir = path.join(sharedDir, 'corpus');

const resourceUriFor = (jobId: string, outputId?: string): string =>
  `ogc-job://${jobId}/results${outputId === undefined ? '' : `/${outputId}`}`;
const job = { jobID: 'job-9', status: 'successful' };

const RESULT_FILE = /^(results-.*|job_results_.*|job_outputs)\.json$/;

/** Every results document in corpus/<implementation>/other/, by relative path. */
function corpusResultFiles(): string[] {
  return fs
    .readdirSync(corpusDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(corpusDir, d.name, 'other')))
    .flatMap((d) =>
      fs
        .readdirSync(path.join(corpusDir, d.name, 'other'))
        .filter((f) => RESULT_FILE.test(f))
        .map((f) => path.join(d.name, 'other', f)),
    )
    .sort();
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** Servers send a raw map, {outputs: {...}} or {outputs: [{id, ...}]}: the translation takes the map. */
function outputsMap(doc: Record<string, unknown>): Record<string, unknown> {
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

function corpusResults(relative: string): Record<string, unknown> {
  return outputsMap(readJson(path.join(corpusDir, relative)));
}

function textOf(result: ResultsToolResult): string {
  const first = result.content[0];
  return first?.type === 'text' ? first.text : '';
}

function links(result: ResultsToolResult): Extract<ContentBlock, { type: 'resource_link' }>[] {
  return result.content.filter((b): b is Extract<ContentBlock, { type: 'resource_link' }> => b.type === 'resource_link');
}

describe('corpus results documents', () => {
  const files = corpusResultFiles();

  it('finds the results documents of at least three implementations', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    expect(new Set(files.map((f) => f.split(path.sep)[0]))).toEqual(new Set(['eozilla', 's2gos', 'weaver']));
  });

  it.each(files)('%s becomes a valid tool result with every output, within budget', (file) => {
    const results = corpusResults(file);
    for (const budget of [80_000, 1_024]) {
      const result = resultsToToolResult(results, job, { resourceUriFor, maxResultBytes: budget });
      expect(CallToolResultSchema.safeParse({ content: result.content, structuredContent: result.structuredContent }).success).toBe(
        true,
      );
      expect(measureResultBytes(result)).toBeLessThanOrEqual(budget);
      expect(textOf(result)).toMatch(/^Job job-9 successful\./);
      if (budget === 80_000) {
        expect(Object.keys(result.structuredContent.outputs)).toEqual(Object.keys(results));
        expect(result.truncated).toEqual([]);
      }
    }
  });

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

describe('the official OGC results example', () => {
  const example = readJson(path.join(sharedDir, 'ogcapi-processes', 'core', 'examples', 'json', 'Result.json'));
  const result = resultsToToolResult(example, job, { resourceUriFor });

  it('is a valid tool result within budget, with every output', () => {
    expect(CallToolResultSchema.safeParse({ content: result.content, structuredContent: result.structuredContent }).success).toBe(
      true,
    );
    expect(measureResultBytes(result)).toBeLessThanOrEqual(80_000);
    expect(Object.keys(result.structuredContent.outputs)).toEqual(Object.keys(example));
  });

  it('links the GeoTIFF images, by reference and inline, and keeps their base64 out', () => {
    expect(links(result).map((l) => l.uri)).toEqual([
      'https://www.someserver.com/ogcapi/Daraa/collections/Daraa_DTED/styles/Topographic/coverage?...',
      'ogc-job://job-9/results/imagesOutput',
    ]);
    expect(result.content.some((b) => b.type === 'image')).toBe(false);
    expect(JSON.stringify(result)).not.toContain('VBORw0KGgo');
    expect(result.structuredContent.outputs.imagesOutput).toEqual([
      (example.imagesOutput as unknown[])[0],
      expect.objectContaining({ mediaType: 'image/tiff', content: 'binary data, not inline' }),
    ]);
  });

  it('shows the GML feature collection as text, with its media type', () => {
    expect(textOf(result)).toContain('featureCollectionOutput (application/gml+xml; version=3.2): "<?xml');
    expect(result.structuredContent.outputs.featureCollectionOutput).toEqual(example.featureCollectionOutput);
  });
});
