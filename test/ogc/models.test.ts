// The tolerant zod models over every real document in the corpus and the
// official examples: each parses with its model, or is rejected with a clear error.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConformanceDeclarationSchema,
  ExceptionSchema,
  ExecuteRequestSchema,
  JobListSchema,
  LandingPageSchema,
  ProcessDescriptionSchema,
  ProcessListSchema,
  ResultsSchema,
  StatusInfoSchema,
  dismissalToStatusInfo,
  documentSchemas,
  isFinishedStatus,
  isLinkValue,
  isQualifiedValue,
  normalizeResults,
  type DocumentKind,
} from '../../src/ogc/models.js';
import { sharedDir } from '../support/repo.js';

const corpusDir = path.join(sharedDir, 'corpus');
const examplesDir = path.join(sharedDir, 'ogcapi-processes', 'core', 'examples', 'json');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

/** Every corpus/<impl>/other/*.json, as "<impl>/<file>". */
function otherDocuments(): string[] {
  return fs
    .readdirSync(corpusDir)
    .filter((impl) => fs.existsSync(path.join(corpusDir, impl, 'other')))
    .flatMap((impl) => fs.readdirSync(path.join(corpusDir, impl, 'other')).map((f) => `${impl}/${f}`))
    .sort();
}

// Which model each document belongs to, decided by what it is (SOURCES.tsv).
function expectedKind(name: string): DocumentKind | 'dismissal' | 'exception-list' {
  const file = path.basename(name, '.json');
  if (file === 'conformance') return 'conformance';
  if (file === 'landing-page') return 'landingPage';
  if (file.startsWith('processes') || file.endsWith('process_listing') || file === 'providers_processes_details') return 'processList';
  if (file.startsWith('jobs')) return 'jobList';
  if (file.startsWith('job-') || file.startsWith('job_status')) return 'statusInfo';
  if (file.startsWith('results') || file.startsWith('job_results') || file === 'job_outputs') return 'results';
  if (file === 'job_inputs') return 'execute';
  if (file === 'job_dismissed_success') return 'dismissal';
  if (file === 'job_exceptions') return 'exception-list';
  if (file.endsWith('not_found') || file === 'job_dismissed_error') return 'exception';
  throw new Error(`no expected model for corpus document ${name}: add it to expectedKind`);
}

const OTHER = otherDocuments();

describe('corpus/*/other documents', () => {
  it('are all there (39 documents from three implementations)', () => {
    expect(OTHER.length).toBe(39);
  });

  it.each(OTHER)('%s parses with its model', (name) => {
    const doc = readJson(path.join(corpusDir, name.split('/')[0]!, 'other', name.split('/')[1]!));
    const kind = expectedKind(name);
    if (kind === 'dismissal') {
      // Weaver answers DELETE with {code: JobDismissed, ...}: not a statusInfo, but a readable dismissal.
      const rejected = StatusInfoSchema.safeParse(doc);
      expect(rejected.success).toBe(false);
      expect(rejected.error?.issues[0]?.path).toEqual(['jobID']);
      const job = dismissalToStatusInfo(doc, '29af3a33-0a3e-477d-863e-efccc97e0b02');
      expect(job?.status).toBe('dismissed');
      expect(job?.jobID).toBe('29af3a33-0a3e-477d-863e-efccc97e0b02');
      expect(job?.message).toBe('Job was dismissed and artifacts have been removed.');
      return;
    }
    if (kind === 'exception-list') {
      // Weaver's /exceptions listing is a JSON array, not an RFC 7807 document.
      const rejected = ExceptionSchema.safeParse(doc);
      expect(rejected.success).toBe(false);
      expect(rejected.error?.issues[0]?.message).toMatch(/expected object, received array/);
      return;
    }
    const result = documentSchemas[kind].safeParse(doc);
    if (!result.success) throw new Error(`${name} does not parse as ${kind}: ${JSON.stringify(result.error.issues)}`);
    expect(result.success).toBe(true);
  });
});

describe('what the models keep and normalize', () => {
  const other = (impl: string, file: string) => readJson(path.join(corpusDir, impl, 'other', file));

  it('keeps unknown and x-* keys', () => {
    const job = StatusInfoSchema.parse({ jobID: 'j', status: 'running', 'x-traceback': ['a'], providerID: null });
    expect(job['x-traceback']).toEqual(['a']);
    expect(job).toHaveProperty('providerID', null);
    const landing = LandingPageSchema.parse({ links: [{ href: 'http://x/', rel: 'self', 'x-options': { a: 1 } }], extra: 1 });
    expect(landing.links[0]).toHaveProperty('x-options', { a: 1 });
    expect(landing).toHaveProperty('extra', 1);
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
    expect(jobs.jobs).toHaveLength(10);
    expect(jobs.jobs[0]).toEqual({ jobID: '14c68477-c3ed-4784-9c0f-a4c9e1344db5', status: 'unknown' });
    expect(jobs.links).toEqual([]);
    expect(jobs).toHaveProperty('total', 40);
    const processes = ProcessListSchema.parse(other('weaver', 'local_process_listing.json'));
    expect(processes.processes.map((p) => p.id)).toContain('jsonarray2netcdf');
    expect(processes.links).toEqual([]);
  });

  it('normalizes results: raw map, outputs list and outputs map become one map', () => {
    expect(ResultsSchema.parse(other('eozilla', 'results-airflow-number.json'))).toEqual({ return_value: 10.110539436340332 });
    expect(ResultsSchema.parse(other('weaver', 'job_outputs.json'))).toEqual({
      output: { href: 'http://schema-example.com/wpsoutputs/14c68477-c3ed-4784-9c0f-a4c9e1344db5/output.txt' },
    });
    expect(ResultsSchema.parse({ outputs: { a: 1, b: { value: 2, mediaType: 'text/plain' } }, links: [] })).toEqual({
      a: 1,
      b: { value: 2, mediaType: 'text/plain' },
    });
    expect(ResultsSchema.parse({ outputs: [{ id: 'a', value: 5 }, { id: 'b', href: 'http://x/b.tif', type: 'image/tiff' }] })).toEqual({
      a: { value: 5 },
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
    expect(isLinkValue(minimal['output-file'])).toBe(true);
    expect(minimal['output-data']).toBe(3.1416);
    const official = ResultsSchema.parse(readJson(path.join(examplesDir, 'Result.json')));
    expect(isQualifiedValue(official.measureOutput)).toBe(true);
    expect(official.arrayOutput).toEqual([1, 2, 3, 4, 5, 6]);
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
    expect(request.inputs?.calc).toBe('4.26 * ((C / A) ** 3.94)');
    expect(request).toHaveProperty('headers');
  });
});

describe('process descriptions', () => {
  const descriptions = fs
    .readdirSync(corpusDir)
    .filter((d) => fs.statSync(path.join(corpusDir, d)).isDirectory())
    .flatMap((impl) =>
      fs
        .readdirSync(path.join(corpusDir, impl))
        .filter((f) => f.endsWith('.json'))
        .map((f) => `${impl}/${f}`),
    );

  it('are all 27 there', () => {
    expect(descriptions).toHaveLength(27);
  });

  it.each(descriptions)('%s parses, with an id and inputs as a map or list', (name) => {
    const description = ProcessDescriptionSchema.parse(readJson(path.join(corpusDir, name)));
    expect(typeof description.id).toBe('string');
    expect(description.id.length).toBeGreaterThan(0);
    const inputs = description.inputs;
    expect(inputs === undefined || Array.isArray(inputs) || typeof inputs === 'object').toBe(true);
  });

  it('unwraps process, processOffering and info wrappers and keeps their siblings', () => {
    const ndvi = ProcessDescriptionSchema.parse(readJson(path.join(corpusDir, 'javaps-52north', 'ndvi.json')));
    expect(ndvi.id).toBe('org.n52.project.tb15.eopad.NdviCalculation');
    expect(ndvi.jobControlOptions).toEqual(['async-execute']);
    const offering = ProcessDescriptionSchema.parse(
      readJson(path.join(corpusDir, 'weaver', 'multisensor_ndvi_stack_generator-testbed14.json')),
    );
    expect(offering.id).toBe('multisensor_ndvi_stack_generator');
    const dewberry = ProcessDescriptionSchema.parse(readJson(path.join(corpusDir, 'dewberry-process-api', 'pyecho.json')));
    expect(dewberry.id).toBe('pyecho');
    expect(Array.isArray(dewberry.inputs)).toBe(true);
    const pywps = ProcessDescriptionSchema.parse(readJson(path.join(corpusDir, 'weaver', 'ColibriFlyingpigeon_SubsetBbox-pywps.json')));
    expect(pywps.id).toBe('ColibriFlyingpigeon_SubsetBbox');
  });

  it('keeps i18n titles (pygeoapi plugins) and rejects a description without any id', () => {
    const hello = ProcessDescriptionSchema.parse(readJson(path.join(corpusDir, 'pygeoapi', 'hello-world.json')));
    expect(typeof hello.title).toBe('object');
    const noId = ProcessDescriptionSchema.safeParse({ title: 'x', inputs: {} });
    expect(noId.success).toBe(false);
    expect(noId.error?.issues[0]?.path).toEqual(['id']);
  });
});

describe('official examples', () => {
  const cases: Array<[string, DocumentKind]> = [
    ['ConfClasses.json', 'conformance'],
    ['Execute.json', 'execute'],
    ['JobList.json', 'jobList'],
    ['LandingPage.json', 'landingPage'],
    ['ProcessDescription.json', 'process'],
    ['ProcessList.json', 'processList'],
    ['Result.json', 'results'],
    ['StatusInfo.json', 'statusInfo'],
    ['StatusInfo-dismissed.json', 'statusInfo'],
  ];
  it.each(cases)('%s parses as %s', (file, kind) => {
    const result = documentSchemas[kind].safeParse(readJson(path.join(examplesDir, file)));
    expect(result.error).toBeUndefined();
    expect(result.success).toBe(true);
  });
});
