// get-job-results --output DIR: one file per output, base64 decoded, links
// fetched, JSON as .json, each with an extension from its media type.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionFor } from '../../src/cli/results-files.js';
import { demoForFile, runCli } from './helpers.js';

const demo = demoForFile();
const at = () => ['--server-url', demo().url];

async function finishedJob(processId: string, inputs: string[] = []): Promise<string> {
  const run = await runCli(['ep', processId, ...inputs, ...at(), '-f', 'json']);
  const jobId = (JSON.parse(run.stdout) as { jobID: string }).jobID;
  for (let i = 0; i < 50; i++) {
    const shown = await runCli(['gj', jobId, ...at(), '-f', 'json']);
    if ((JSON.parse(shown.stdout) as { status: string }).status === 'successful') return jobId;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`job ${jobId} did not succeed`);
}

describe('get-job-results --output', () => {
  it('decodes a base64 PNG into image.png', async () => {
    const jobId = await finishedJob('render_thumbnail');
    const dir = mkdtempSync(path.join(tmpdir(), 'ogc-out-'));
    const run = await runCli(['gjr', jobId, ...at(), '--output', dir, '-f', 'simple']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^image: .*image\.png \(image\/png, \d+ bytes\)$/m);
    const png = readFileSync(path.join(dir, 'image.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it('fetches a link and writes JSON values as .json, listing the files as a document with -f json', async () => {
    const linked = await finishedJob('simulate_scene');
    const dir = mkdtempSync(path.join(tmpdir(), 'ogc-out-'));
    const run = await runCli(['gjr', linked, ...at(), '-o', dir, '-f', 'json']);
    expect(run.code).toBe(0);
    const { files } = JSON.parse(run.stdout) as { files: Array<{ output: string; path: string; mediaType: string; bytes: number }> };
    expect(files).toHaveLength(1);
    // The link says application/zarr; the server sends the Zarr metadata as JSON, and what arrived decides.
    expect(files[0]).toMatchObject({ output: 'return_value', path: path.join(dir, 'return_value.json'), mediaType: 'application/json' });
    expect(JSON.parse(readFileSync(files[0]!.path, 'utf8')).zarr_consolidated_format).toBe(1);

    const primes = await finishedJob('primes_between', ['-i', 'max_val=10']);
    const dir2 = mkdtempSync(path.join(tmpdir(), 'ogc-out-'));
    const run2 = await runCli(['gjr', primes, ...at(), '-o', dir2, '-f', 'json']);
    expect(run2.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir2, 'return_value.json'), 'utf8'))).toEqual([2, 3, 5, 7]);
    expect(readdirSync(dir2)).toEqual(['return_value.json']);
  });

  it('names extensions from media types', () => {
    expect(extensionFor('image/png')).toBe('.png');
    expect(extensionFor('application/geo+json')).toBe('.geojson');
    expect(extensionFor('application/vnd.custom+json')).toBe('.json');
    expect(extensionFor('text/x-weird')).toBe('.txt');
    expect(extensionFor(undefined)).toBe('.bin');
  });
});
