// The translation of OGC results into MCP content, rule by rule, with plain data.
import { describe, expect, it } from 'vitest';
import { CallToolResultSchema, type CallToolResult, type ContentBlock } from '@modelcontextprotocol/sdk/types.js';
import {
  DEFAULT_MAX_RESULT_BYTES,
  measureResultBytes,
  resultsToToolResult,
  type ResultsJob,
  type ResultsOptions,
  type ResultsToolResult,
} from '../../../src/bridge/results/index.js';

const resourceUriFor = (jobId: string, outputId?: string): string =>
  `ogc-job://${jobId}/results${outputId === undefined ? '' : `/${outputId}`}`;
const options: ResultsOptions = { resourceUriFor };
const job: ResultsJob = { jobID: 'job-1', status: 'successful', processID: 'demo' };

// A 1x1 PNG.
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function textOf(result: { content: ContentBlock[] }): string {
  const first = result.content[0];
  if (first?.type !== 'text') throw new Error('the first block is not text');
  return first.text;
}

function blocksOf<T extends ContentBlock['type']>(result: ResultsToolResult, type: T): Extract<ContentBlock, { type: T }>[] {
  return result.content.filter((b): b is Extract<ContentBlock, { type: T }> => b.type === type);
}

/** What the MCP layer returns must be a CallToolResult the SDK accepts, within the budget. */
function expectSound(result: ResultsToolResult, budget = DEFAULT_MAX_RESULT_BYTES): void {
  const asToolResult: CallToolResult = { content: result.content, structuredContent: result.structuredContent };
  expect(CallToolResultSchema.safeParse(asToolResult).success).toBe(true);
  expect(measureResultBytes(result)).toBeLessThanOrEqual(budget);
}

describe('JSON values', () => {
  it('puts them as they are in structuredContent and compactly in the text', () => {
    const result = resultsToToolResult({ return_value: [2, 3, 5, 7, 11, 13, 17, 19] }, job, options);
    expectSound(result);
    expect(result.structuredContent).toEqual({
      status: 'successful',
      jobId: 'job-1',
      outputs: { return_value: [2, 3, 5, 7, 11, 13, 17, 19] },
    });
    expect(textOf(result)).toBe('Job job-1 successful.\nreturn_value: [2,3,5,7,11,13,17,19]');
    expect(result.content).toHaveLength(1);
    expect(result.truncated).toEqual([]);
  });

  it('keeps odd values intact: null, nested, unicode, emoji, empty containers', () => {
    const results = {
      nothing: null,
      nested: { a: [1, { b: [true, false, null] }], 'key with space': { deep: { deeper: 'x' } } },
      unicode: 'Zürich, 東京, Ελλάδα',
      emoji: '🌍🛰️👩🏽‍🚀',
      empty_array: [],
      empty_object: {},
      empty_string: '',
      zero: 0,
      quotes: 'say "hi"\n\\ back',
    };
    const result = resultsToToolResult(results, job, options);
    expectSound(result);
    expect(result.structuredContent.outputs).toEqual(results);
    const text = textOf(result);
    for (const [id, value] of Object.entries(results)) expect(text).toContain(`${id}: ${JSON.stringify(value)}`);
  });

  it('keeps a qualified textual value whole and shows its value with its media type', () => {
    const csv = { value: 'a,b\n1,2', mediaType: 'text/csv' };
    const geojson = { value: { type: 'Point', coordinates: [7, 51] }, format: { mediaType: 'application/geo+json' } };
    const result = resultsToToolResult({ table: csv, point: geojson }, job, options);
    expectSound(result);
    expect(result.structuredContent.outputs).toEqual({ table: csv, point: geojson });
    expect(textOf(result)).toContain('table (text/csv): "a,b\\n1,2"');
    expect(textOf(result)).toContain('point (application/geo+json): {"type":"Point","coordinates":[7,51]}');
  });

  it('says so when there are no outputs', () => {
    const result = resultsToToolResult({}, job, options);
    expectSound(result);
    expect(textOf(result)).toBe('Job job-1 successful. It returned no outputs.');
    expect(result.structuredContent.outputs).toEqual({});
  });

  it('names the process when the job has no id (synchronous execution)', () => {
    const result = resultsToToolResult({ x: 1 }, { status: 'successful', processID: 'echo' }, options);
    expect(textOf(result)).toMatch(/^Process echo successful\./);
    expect(result.structuredContent).not.toHaveProperty('jobId');
  });

  it('keeps an output named __proto__ as an output', () => {
    const results = JSON.parse('{"__proto__": [1, 2], "other": 3}') as Record<string, unknown>;
    const result = resultsToToolResult(results, job, options);
    expect(Object.keys(result.structuredContent.outputs)).toEqual(['__proto__', 'other']);
    expect(Object.getOwnPropertyDescriptor(result.structuredContent.outputs, '__proto__')?.value).toEqual([1, 2]);
  });
});

describe('images', () => {
  it('shows a small inline PNG as image content and keeps the base64 out of structuredContent', () => {
    const result = resultsToToolResult(
      { map: { value: PNG_1PX, mediaType: 'image/png', encoding: 'base64' } },
      job,
      options,
    );
    expectSound(result);
    expect(blocksOf(result, 'image')).toEqual([{ type: 'image', data: PNG_1PX, mimeType: 'image/png' }]);
    const bytes = Buffer.from(PNG_1PX, 'base64').length;
    expect(result.structuredContent.outputs.map).toEqual({ mediaType: 'image/png', bytes, content: 'image (see content)' });
    expect(JSON.stringify(result.structuredContent)).not.toContain(PNG_1PX);
    expect(textOf(result)).not.toContain(PNG_1PX);
    expect(result.truncated).toEqual([]);
  });

  it('accepts what servers send around base64: line breaks, a data: prefix, format.mediaType, image/jpg', () => {
    const wrapped = PNG_1PX.replace(/(.{20})/g, '$1\n');
    const result = resultsToToolResult(
      {
        a: { value: wrapped, format: { mediaType: 'image/png', encoding: 'base64' } },
        b: { value: `data:image/jpeg;base64,${PNG_1PX}`, mediaType: 'image/jpg' },
      },
      job,
      options,
    );
    expectSound(result);
    expect(blocksOf(result, 'image')).toEqual([
      { type: 'image', data: PNG_1PX, mimeType: 'image/png' },
      { type: 'image', data: PNG_1PX, mimeType: 'image/jpeg' },
    ]);
  });

  it('reads a bare string as an image when the output schema says so', () => {
    const result = resultsToToolResult({ plot: PNG_1PX }, job, options, {
      plot: { schema: { type: 'string', contentEncoding: 'base64', contentMediaType: 'image/png' } },
    });
    expect(blocksOf(result, 'image')).toHaveLength(1);
    expect(result.structuredContent.outputs.plot).toMatchObject({ mediaType: 'image/png' });
  });

  it('links an image beyond maxImageBytes instead of inlining it, with a note', () => {
    const big = Buffer.alloc(600 * 1024, 7).toString('base64');
    const result = resultsToToolResult({ map: { value: big, mediaType: 'image/png' } }, job, options);
    expectSound(result);
    expect(blocksOf(result, 'image')).toEqual([]);
    expect(blocksOf(result, 'resource_link')).toEqual([
      expect.objectContaining({ uri: 'ogc-job://job-1/results/map', name: 'map', mimeType: 'image/png' }),
    ]);
    expect(textOf(result)).toContain('map: image/png image of 614,400 bytes, too big to show inline');
    expect(textOf(result)).toContain('ogc-job://job-1/results/map');
    expect(result.structuredContent.outputs.map).toEqual({
      mediaType: 'image/png',
      bytes: 614_400,
      content: 'image too big to show inline',
      resource: 'ogc-job://job-1/results/map',
    });
    expect(result.truncated).toEqual(['map']);
    expect(JSON.stringify(result).length).toBeLessThan(2_000);
  });

  it('honours a custom maxImageBytes, and counts all inline images of a result against it', () => {
    const image = Buffer.alloc(300, 1).toString('base64');
    const twoImages = { a: { value: image, mediaType: 'image/png' }, b: { value: image, mediaType: 'image/webp' } };
    const both = resultsToToolResult(twoImages, job, { ...options, maxImageBytes: 600 });
    expect(blocksOf(both, 'image')).toHaveLength(2);
    const one = resultsToToolResult(twoImages, job, { ...options, maxImageBytes: 500 });
    expect(blocksOf(one, 'image').map((b) => b.mimeType)).toEqual(['image/png']);
    expect(blocksOf(one, 'resource_link').map((b) => b.uri)).toEqual(['ogc-job://job-1/results/b']);
    expect(one.truncated).toEqual(['b']);
  });

  it('shows an array of small images item by item', () => {
    const result = resultsToToolResult(
      { frames: [{ value: PNG_1PX, mediaType: 'image/png' }, { value: PNG_1PX, mediaType: 'image/gif' }] },
      job,
      options,
    );
    expectSound(result);
    expect(blocksOf(result, 'image').map((b) => b.mimeType)).toEqual(['image/png', 'image/gif']);
    expect(result.structuredContent.outputs.frames).toEqual([
      expect.objectContaining({ mediaType: 'image/png' }),
      expect.objectContaining({ mediaType: 'image/gif' }),
    ]);
  });

  it('does not hand clients an image whose base64 is broken', () => {
    const result = resultsToToolResult({ map: { value: 'not base64 at all!', mediaType: 'image/png' } }, job, options);
    expectSound(result);
    expect(blocksOf(result, 'image')).toEqual([]);
    expect(blocksOf(result, 'resource_link').map((b) => b.uri)).toEqual(['ogc-job://job-1/results/map']);
  });
});

describe('references', () => {
  it('turns an href into a resource_link and keeps the link object', () => {
    const link = { href: 'https://example.com/out/result.nc', type: 'application/x-netcdf' };
    const result = resultsToToolResult({ 'output-file': link }, job, options);
    expectSound(result);
    expect(blocksOf(result, 'resource_link')).toEqual([
      { type: 'resource_link', uri: link.href, name: 'output-file', mimeType: 'application/x-netcdf' },
    ]);
    expect(result.structuredContent.outputs['output-file']).toEqual(link);
    expect(textOf(result)).toContain(`output-file: ${link.href} (application/x-netcdf)`);
  });

  it('describes a link by its title, else by the output title', () => {
    const result = resultsToToolResult(
      { a: { href: 'https://example.com/a', title: 'The A file' }, b: { href: 'https://example.com/b' } },
      job,
      options,
      { b: { title: 'Output B' } },
    );
    expect(blocksOf(result, 'resource_link').map((b) => b.description)).toEqual(['The A file', 'Output B']);
  });

  it('turns an array of links into one resource_link each', () => {
    const links = [
      { href: 'https://example.com/1.tif', type: 'image/tiff' },
      { href: 'https://example.com/2.tif', type: 'image/tiff' },
      { href: 's3://bucket/3.tif' },
    ];
    const result = resultsToToolResult({ tiles: links }, job, options);
    expectSound(result);
    expect(blocksOf(result, 'resource_link').map((b) => [b.name, b.uri])).toEqual([
      ['tiles[0]', 'https://example.com/1.tif'],
      ['tiles[1]', 'https://example.com/2.tif'],
      ['tiles[2]', 's3://bucket/3.tif'],
    ]);
    expect(result.structuredContent.outputs.tiles).toEqual(links);
  });

  it('resolves a relative href against baseUrl, and without it keeps it a plain value', () => {
    const results = { out: { href: '/jobs/1/results/out.tif', type: 'image/tiff' } };
    const resolved = resultsToToolResult(results, job, { ...options, baseUrl: 'https://ogc.example.com/api/' });
    expect(blocksOf(resolved, 'resource_link')[0]?.uri).toBe('https://ogc.example.com/jobs/1/results/out.tif');
    expect(resolved.structuredContent.outputs.out).toEqual({ ...results.out, href: 'https://ogc.example.com/jobs/1/results/out.tif' });
    const plain = resultsToToolResult(results, job, options);
    expect(blocksOf(plain, 'resource_link')).toEqual([]);
    expect(plain.structuredContent.outputs.out).toEqual(results.out);
  });
});

describe('other binary values', () => {
  it('links base64 data of a non-image type to the output resource, with type and size', () => {
    const data = Buffer.alloc(3_000, 9).toString('base64');
    const result = resultsToToolResult(
      { cube: { value: data, mediaType: 'application/x-netcdf', encoding: 'base64' } },
      job,
      options,
    );
    expectSound(result);
    expect(blocksOf(result, 'resource_link')).toEqual([
      expect.objectContaining({ uri: 'ogc-job://job-1/results/cube', name: 'cube', mimeType: 'application/x-netcdf' }),
    ]);
    expect(textOf(result)).toContain('cube: application/x-netcdf data of 3,000 bytes, not shown inline; read it from ogc-job://job-1/results/cube');
    expect(result.structuredContent.outputs.cube).toEqual({
      mediaType: 'application/x-netcdf',
      bytes: 3_000,
      content: 'binary data, not inline',
      resource: 'ogc-job://job-1/results/cube',
    });
    expect(JSON.stringify(result)).not.toContain(data.slice(0, 100));
    // Withheld by nature, not cut for size.
    expect(result.truncated).toEqual([]);
  });

  it('treats an image type the clients cannot show (TIFF) and an explicit binary encoding as binary', () => {
    const result = resultsToToolResult(
      {
        tiff: { value: 'SUkqAAgAAAA=', mediaType: 'image/tiff; application=geotiff', encoding: 'base64' },
        raw: { value: 'abc', encoding: 'binary' },
      },
      job,
      options,
    );
    expect(blocksOf(result, 'image')).toEqual([]);
    expect(blocksOf(result, 'resource_link').map((b) => b.name)).toEqual(['tiff', 'raw']);
    expect(result.structuredContent.outputs.raw).toMatchObject({ bytes: 3 });
  });

  it('says a binary output cannot be read here when the job has no id', () => {
    const result = resultsToToolResult(
      { cube: { value: 'AAAA', mediaType: 'application/x-netcdf' } },
      { status: 'successful' },
      options,
    );
    expect(blocksOf(result, 'resource_link')).toEqual([]);
    expect(textOf(result)).toContain('cannot be read through this bridge because the job has no id');
  });
});

describe('the size budget', () => {
  it('cuts a 50 MB string output to fit, with a note, a link and a truncated marker', () => {
    const huge = 'x'.repeat(50 * 1024 * 1024);
    const result = resultsToToolResult({ big: huge, small: [1, 2, 3] }, job, options);
    expectSound(result);
    const text = textOf(result);
    expect(text).toMatch(
      /output 'big' is 52,428,800 bytes; showing the first [\d,]+ characters; read it whole from ogc-job:\/\/job-1\/results\/big/,
    );
    expect(text).toContain('small: [1,2,3]');
    expect(blocksOf(result, 'resource_link')).toEqual([
      expect.objectContaining({ uri: 'ogc-job://job-1/results/big', name: 'big' }),
    ]);
    const marker = result.structuredContent.outputs.big as Record<string, unknown>;
    expect(marker).toMatchObject({ truncated: true, bytes: 52_428_800, resource: 'ogc-job://job-1/results/big' });
    expect(marker.preview).toMatch(/^x{1000,}$/);
    expect(result.structuredContent.outputs.small).toEqual([1, 2, 3]);
    expect(result.truncated).toEqual(['big']);
    // The budget is used, not wasted: the preview is most of it.
    expect(measureResultBytes(result)).toBeGreaterThan(DEFAULT_MAX_RESULT_BYTES * 0.9);
  });

  it('honours a smaller maxResultBytes', () => {
    const result = resultsToToolResult({ big: 'y'.repeat(100_000) }, job, { ...options, maxResultBytes: 5_000 });
    expectSound(result, 5_000);
    expect(result.truncated).toEqual(['big']);
  });

  it('cuts strings on a character boundary, never between the halves of an emoji', () => {
    for (let step = 0; step < 40; step++) {
      const budget = 4_000 + step * 13;
      const value = 'a'.repeat(step % 2) + '😀'.repeat(20_000);
      const result = resultsToToolResult({ s: value }, job, { ...options, maxResultBytes: budget });
      expectSound(result, budget);
      const preview = (result.structuredContent.outputs.s as { preview: string }).preview;
      expect(preview.length).toBeGreaterThan(0);
      expect(value.startsWith(preview)).toBe(true);
      expect(JSON.stringify(result)).not.toMatch(/\\ud83d(?!\\ude00)/);
      expect(textOf(result)).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
  });

  it('keeps within budget for strings heavy in escapes and multi-byte characters', () => {
    const nasty = '"\\\n\u0001é東'.repeat(50_000);
    const result = resultsToToolResult({ nasty }, job, { ...options, maxResultBytes: 10_000 });
    expectSound(result, 10_000);
    const preview = (result.structuredContent.outputs.nasty as { preview: string }).preview;
    expect(nasty.startsWith(preview)).toBe(true);
    expect(preview.length).toBeGreaterThan(100);
  });

  it('shortens a big array to its first items and counts the rest', () => {
    const numbers = Array.from({ length: 200_000 }, (_, i) => i);
    const result = resultsToToolResult({ numbers }, job, { ...options, maxResultBytes: 10_000 });
    expectSound(result, 10_000);
    const marker = result.structuredContent.outputs.numbers as { preview: string; items: number; bytes: number };
    expect(marker.items).toBe(200_000);
    expect(marker.bytes).toBe(Buffer.byteLength(JSON.stringify(numbers)));
    const shown = JSON.parse(marker.preview) as number[];
    expect(shown).toEqual(numbers.slice(0, shown.length));
    expect(shown.length).toBeGreaterThan(100);
    expect(textOf(result)).toContain(`showing the first ${shown.length.toLocaleString('en-US')} of 200,000 items`);
    expect(textOf(result)).toContain(`… ${(200_000 - shown.length).toLocaleString('en-US')} more items`);
  });

  it('previews a big object as the start of its JSON', () => {
    const features = {
      type: 'FeatureCollection',
      features: Array.from({ length: 5_000 }, (_, i) => ({ type: 'Feature', id: i, properties: { name: `f${i}` } })),
    };
    const result = resultsToToolResult({ features }, job, { ...options, maxResultBytes: 6_000 });
    expectSound(result, 6_000);
    const marker = result.structuredContent.outputs.features as { preview: string };
    expect(JSON.stringify(features).startsWith(marker.preview)).toBe(true);
    expect(textOf(result)).toMatch(/showing the first [\d,]+ characters of its JSON/);
  });

  it('cuts the biggest outputs and keeps the small ones whole', () => {
    const result = resultsToToolResult(
      { a: 'a'.repeat(30_000), b: 'b'.repeat(60_000), c: 42, d: { ok: true } },
      job,
      { ...options, maxResultBytes: 20_000 },
    );
    expectSound(result, 20_000);
    expect(result.structuredContent.outputs.c).toBe(42);
    expect(result.structuredContent.outputs.d).toEqual({ ok: true });
    expect(result.truncated).toEqual(['a', 'b']);
  });

  it('still points to the whole value when the job has no id', () => {
    const result = resultsToToolResult({ big: 'z'.repeat(200_000) }, { status: 'successful' }, options);
    expectSound(result);
    expect(textOf(result)).toContain("output 'big' is 200,000 bytes");
    expect(textOf(result)).toContain('cannot be read through this bridge because the job has no id');
    expect(result.structuredContent.outputs.big).not.toHaveProperty('resource');
  });

  it('leaves out the biggest values, named in one line, when not even their notes fit', () => {
    const sizeOf = (i: number): number => 10 + ((i * 37) % 300);
    const results = Object.fromEntries(Array.from({ length: 3_000 }, (_, i) => [`out_${String(i).padStart(4, '0')}`, 'v'.repeat(sizeOf(i))]));
    const result = resultsToToolResult(results, job, { ...options, maxResultBytes: 8_000 });
    expectSound(result, 8_000);
    const shown = Object.keys(result.structuredContent.outputs);
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.length + result.truncated.length).toBe(3_000);
    for (const id of shown) expect(result.structuredContent.outputs[id]).toBe(results[id]);
    const longestShown = Math.max(...shown.map((id) => (results[id] as string).length));
    const shortestLeftOut = Math.min(...result.truncated.map((id) => (results[id] as string).length));
    expect(longestShown).toBeLessThanOrEqual(shortestLeftOut);
    const leftOut = result.truncated.length;
    expect(textOf(result)).toContain(
      `${leftOut.toLocaleString('en-US')} more outputs ('${result.truncated[0]}', '${result.truncated[1]}',`,
    );
    expect(textOf(result)).toContain(
      `and ${(leftOut - 10).toLocaleString('en-US')} more) left out: no room in the 8,000-byte result limit; read them from ogc-job://job-1/results.`,
    );
    expect(blocksOf(result, 'resource_link')).toEqual([
      expect.objectContaining({ uri: 'ogc-job://job-1/results', name: 'results' }),
    ]);
  });

  it('folds everything into one note and one link when not even the links fit', () => {
    const results = Object.fromEntries(
      Array.from({ length: 2_000 }, (_, i) => [`file_${i}`, { href: `https://example.com/files/${i}.tif` }]),
    );
    const result = resultsToToolResult(results, job, { ...options, maxResultBytes: 8_000 });
    expectSound(result, 8_000);
    expect(result.truncated).toHaveLength(2_000);
    expect(result.structuredContent.outputs).toEqual({});
    expect(textOf(result)).toBe(
      'Job job-1 successful. Its 2,000 outputs do not fit in the 8,000-byte result limit, not even cut short; read them from ogc-job://job-1/results.',
    );
    expect(blocksOf(result, 'resource_link')).toEqual([
      expect.objectContaining({ uri: 'ogc-job://job-1/results', name: 'results' }),
    ]);
  });

  it('raises a budget too small to hold any note to the minimum', () => {
    const result = resultsToToolResult({ big: 'q'.repeat(10_000) }, job, { ...options, maxResultBytes: 10 });
    expectSound(result, 1_024);
    expect(result.truncated).toEqual(['big']);
  });
});
