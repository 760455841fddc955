// The tolerant zod models over documents in the shapes of each server dialect:
// each parses with its model, or is rejected with a clear error, and the models
// keep and normalize what they should.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConformanceDeclarationSchema,
  ExceptionSchema,
  ExecuteRequestSchema,
  JobListSchema,
  LandingPageSchema,
  ProcessDescriptionSchema,
  processDescriptionSchema,
  ProcessListSchema,
  ResultsSchema,
  StatusInfoSchema,
  isFinishedStatus,
  isLinkValue,
  isQualifiedValue,
  normalizeResults,
} from '../../src/ogc/models.js';
import { dialectsDir, otherDocuments, processDescriptions, readJson } from '../support/document-tree.js';
import { itParsesEveryDescription, itParsesEveryDocument } from '../support/models-suite.js';

// The project's own documents in each server's shape (test/fixtures/dialects);
// the same sweeps over the real corpus and the official examples are in models-corpus.test.ts.
const other = (impl: string, file: string): unknown => readJson(path.join(dialectsDir, impl, 'other', file));
const description = (impl: string, file: string): unknown => readJson(path.join(dialectsDir, impl, file));

describe('dialect documents', () => {
  const files = otherDocuments(dialectsDir);

  it('are all there (39 documents in the shapes of three implementations and the specification)', () => {
    expect(files.length).toBe(39);
  });

  itParsesEveryDocument(dialectsDir, files);
});

describe('what the models keep and normalize', () => {
  it('keeps unknown and x-* keys', () => {
    const job = StatusInfoSchema.parse({ jobID: 'j', status: 'running', 'x-traceback': ['a'], providerID: null });
    expect(job['x-traceback']).toEqual(['a']);
    expect(job).toHaveProperty('providerID', null);
    const landing = LandingPageSchema.parse({ links: [{ href: 'http://x/', rel: 'self', 'x-options': { a: 1 } }], extra: 1 });
    expect(landing.links[0]).toHaveProperty('x-options', { a: 1 });
    expect(landing).toHaveProperty('extra', 1);
  });

  it('reads summary titles and descriptions as plain text, whatever their form', () => {
    const list = ProcessListSchema.parse({
      processes: [
        { id: 'a', title: { fr: 'Bonjour', en: 'Hello' }, description: [{ value: 'Salut', lang: 'fr' }, { value: 'Hi', lang: 'en' }] },
        { id: 'b', title: 'Plain', description: null },
      ],
    });
    expect(list.processes[0]).toMatchObject({ title: 'Hello', description: 'Hi' });
    expect(list.processes[1]?.title).toBe('Plain');
    expect(list.processes[1]?.description).toBeUndefined();
  });

  it('reads Weaver statusInfo: created status, null started, percentCompleted as progress', () => {
    const created = StatusInfoSchema.parse(other('weaver', 'job_status_created.json'));
    expect(created.status).toBe('accepted');
    expect(created).toHaveProperty('serverStatus', 'created');
    expect(isFinishedStatus(created.status)).toBe(false);
    const failed = StatusInfoSchema.parse(other('weaver', 'job_status_failed.json'));
    expect(failed.started).toBeUndefined();
    expect(failed.progress).toBe(100);
    expect(failed).toHaveProperty('percentCompleted', 100);
    expect(isFinishedStatus(failed.status)).toBe(true);
  });

  it('reads statusInfo without type (eozilla) and with it (s2gos)', () => {
    expect(StatusInfoSchema.parse(other('eozilla', 'job-running.json')).progress).toBe(0);
    expect(StatusInfoSchema.parse(other('s2gos', 'job-accepted.json')).type).toBe('process');
  });

  it('reads Weaver job and process lists of bare ids, with paging but no links', () => {
    const jobs = JobListSchema.parse(other('weaver', 'jobs_listing.json'));
    expect(jobs.jobs).toHaveLength(3);
    expect(jobs.jobs[0]).toEqual({ jobID: '0a1b2c3d-0000-4000-8000-000000000001', status: 'unknown' });
    expect(jobs.links).toEqual([]);
    expect(jobs).toHaveProperty('total', 12);
    const processes = ProcessListSchema.parse(other('weaver', 'local_process_listing.json'));
    expect(processes.processes.map((p) => p.id)).toContain('links2netcdf');
    expect(processes.links).toEqual([]);
  });

  it('normalizes results: raw map, outputs list and outputs map become one map', () => {
    expect(ResultsSchema.parse(other('eozilla', 'results-airflow-number.json'))).toEqual({ return_value: 2.718281828459045 });
    expect(ResultsSchema.parse(other('weaver', 'job_outputs.json'))).toEqual({
      dump: { href: 'http://weaver.example.org/wpsoutputs/5d0c2a7e-1f3b-4c8d-9e6a-0b1c2d3e4f50/dump.txt' },
    });
    expect(ResultsSchema.parse({ outputs: { a: 1, b: { value: 2, mediaType: 'text/plain' } }, links: [] })).toEqual({
      a: 1,
      b: { value: 2, mediaType: 'text/plain' },
    });
    expect(ResultsSchema.parse({ outputs: [{ id: 'a', value: 5 }, { id: 'b', href: 'http://x/b.tif', type: 'image/tiff' }] })).toEqual({
      a: 5,
      b: { href: 'http://x/b.tif', type: 'image/tiff' },
    });
    expect(ResultsSchema.parse(null)).toEqual({});
  });

  it('keeps an output that is merely named "outputs" when the document is a raw map', () => {
    // Another key beside `outputs` means it is not a wrapper.
    expect(normalizeResults({ outputs: { a: 1 }, other: 2 })).toEqual({ outputs: { a: 1 }, other: 2 });
    // A link or qualified value under `outputs` is a value, not a wrapper.
    expect(normalizeResults({ outputs: { href: 'http://x/y' } })).toEqual({ outputs: { href: 'http://x/y' } });
  });

  it('leaves result values as the server sent them', () => {
    const minimal = ResultsSchema.parse(other('weaver', 'job_results_document_minimal.json'));
    expect(isLinkValue(minimal['grid-file'])).toBe(true);
    expect(minimal['grid-mean']).toBe(1.4142);
    const everyForm = ResultsSchema.parse(other('ogc-spec', 'results-every-form.json'));
    expect(isQualifiedValue(everyForm.lengthOutput)).toBe(true);
    expect(everyForm.countsOutput).toEqual([4, 8, 15, 16]);
  });

  it('rejects results that are not an object, with a clear message', () => {
    const result = ResultsSchema.safeParse([1, 2]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('results must be a JSON object of outputs, got an array');
    expect(ResultsSchema.safeParse('text').error?.issues[0]?.message).toMatch(/got string/);
  });

  it('accepts RFC 7807 and near-RFC 7807 exceptions, rejects FastAPI validation bodies', () => {
    expect(ExceptionSchema.parse(other('weaver', 'local_process_not_found.json')).status).toBe(404);
    expect(ExceptionSchema.parse(other('weaver', 'job_not_found.json')).type).toMatch(/no-such-job$/);
    const fastapi = ExceptionSchema.safeParse({ detail: [{ loc: ['body', 'inputs'], msg: 'field required', type: 'missing' }] });
    expect(fastapi.success).toBe(false);
    const empty = ExceptionSchema.safeParse({});
    expect(empty.error?.issues[0]?.message).toBe('an exception needs at least one of type, title or detail');
  });

  it('reads a landing page without links as one with none, but not a conformance without conformsTo', () => {
    expect(LandingPageSchema.parse({ title: 'x' }).links).toEqual([]);
    const bad = ConformanceDeclarationSchema.safeParse({ conformsTo: 'core' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['conformsTo']);
  });

  it('reads an execute request with Weaver job-input extras', () => {
    const request = ExecuteRequestSchema.parse(other('weaver', 'job_inputs.json'));
    expect(request.inputs?.formula).toBe('2.5 * (B / A)');
    expect(request).toHaveProperty('headers');
  });
});

describe('process descriptions', () => {
  const entries = processDescriptions(dialectsDir);

  it('are all 27 there', () => {
    expect(entries).toHaveLength(27);
  });

  itParsesEveryDescription(entries);

  it('unwraps process, processOffering and info wrappers and keeps their siblings', () => {
    const javaps = ProcessDescriptionSchema.parse(description('javaps-52north', 'wrapped-domains.json'));
    expect(javaps.id).toBe('org.example.raster.BandRatio');
    expect(javaps.jobControlOptions).toEqual(['async-execute']);
    const offering = ProcessDescriptionSchema.parse(description('weaver', 'testbed14-offering.json'));
    expect(offering.id).toBe('stack_indices');
    const dewberry = ProcessDescriptionSchema.parse(description('dewberry-process-api', 'info-sync.json'));
    expect(dewberry.id).toBe('say_back');
    expect(dewberry.inputs.length).toBeGreaterThan(0);
    const pywps = ProcessDescriptionSchema.parse(description('weaver', 'pywps-stored.json'));
    expect(pywps.id).toBe('Subset_Region');
  });

  it('reads i18n titles (pygeoapi plugins) as plain text and rejects a description without any id', () => {
    const greet = ProcessDescriptionSchema.parse(description('pygeoapi', 'i18n-plugin.json'));
    expect(typeof greet.title).toBe('string');
    const noId = ProcessDescriptionSchema.safeParse({ title: 'x', inputs: {} });
    expect(noId.success).toBe(false);
    expect(noId.error?.issues[0]?.message).toBe('the description has no process id');
  });

  it('takes the id the server serves the process under over the one in the document', () => {
    const served = processDescriptionSchema('served').parse({ id: 'own', inputs: {} });
    expect(served.id).toBe('served');
    expect(served.warnings).toContain('the description names the process "own"');
    expect(processDescriptionSchema('served').parse({ inputs: {} }).id).toBe('served');
  });
});
