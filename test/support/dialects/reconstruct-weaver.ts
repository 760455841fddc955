// Writes the weaver-6.15.0 fixtures: exchanges in the recording format,
// reconstructed from Weaver's source (it cannot be run here), as the replay
// server serves them. Run: npx tsx test/support/dialects/reconstruct-weaver.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ORIGIN_PLACEHOLDER as O, type RecordedExchange, type RecordedScenario } from './recording.js';
import { createdJob, jobStatus, jobUrl, problem, resultsHeaders, type WeaverJob } from './weaver-documents.js';
import { weaverJobList } from './weaver.js';
import { repoRoot } from '../repo.js';
import { WEAVER_PROCESSES, weaverConformance, weaverLanding, weaverProcessList } from './weaver-discovery.js';

const DIALECT = 'weaver-6.15.0';
const JSON_HEADERS = { 'content-type': 'application/json' };
const ACCEPT = { accept: 'application/json' };
const NOT_AVAILABLE = 'result-not-available';

function get(pathname: string, status: number, json: unknown, headers: Record<string, string> = JSON_HEADERS, note?: string): RecordedExchange {
  return { ...(note ? { note } : {}), request: { method: 'GET', path: pathname, headers: ACCEPT }, response: { status, headers, json } };
}

function scenario(name: string, description: string, exchanges: RecordedExchange[]): RecordedScenario {
  return { dialect: DIALECT, scenario: name, description, exchanges };
}

/** An execution; `prefer` as the bridge sends it. */
function post(processId: string, inputs: Record<string, unknown>, prefer: string | undefined, status: number, headers: Record<string, string>, json: unknown, note: string): RecordedExchange {
  return {
    note,
    request: {
      method: 'POST',
      path: `/processes/${processId}/execution`,
      headers: { ...ACCEPT, 'content-type': 'application/json', ...(prefer ? { prefer } : {}) },
      body: { inputs, response: 'document' },
    },
    response: { status, headers, json },
  };
}

function started(job: WeaverJob): RecordedExchange {
  return post(job.processID, INPUTS[job.processID]!, 'respond-async, wait=30', 201, { ...JSON_HEADERS, location: jobUrl(job), 'preference-applied': 'respond-async' }, createdJob(job), '2.0 Prefer with respond-async: always a job, whatever wait says');
}

const at = (s: number) => new Date(Date.UTC(2026, 11, 4, 9, 0, s)).toISOString().replace('Z', '+00:00');
const uuid = (n: number) => `7c1e${String(n).padStart(4, '0')}-5d2a-4b8e-9f00-3a6b${String(n).padStart(8, '0')}`;

const INPUTS: Record<string, Record<string, unknown>> = {
  'echo-text': { message: 'Hello Weaver' },
  'slow-sum': { values: [1, 2, 3, 4] },
  'always-fail': { grid: 'empty' },
  'sync-echo': { message: 'Now' },
};

function job(n: number, processID: string, status: WeaverJob['status'], progress: number, message: string, t0: number, t1: number): WeaverJob {
  const done = status === 'successful' || status === 'failed' || status === 'dismissed';
  return { id: uuid(n), processID, status, message, progress, created: at(t0), ...(status !== 'accepted' ? { started: at(t0 + 1) } : {}), ...(done ? { finished: at(t1) } : {}), updated: at(t1) };
}

const short = job(1, 'echo-text', 'successful', 100, 'The job is done.', 10, 12);
const sync = job(2, 'echo-text', 'successful', 100, 'The job is done.', 20, 21);
const syncOnly = job(3, 'sync-echo', 'successful', 100, 'The job is done.', 30, 31);
const slow = (status: WeaverJob['status'], progress: number, t1: number, message: string) => job(4, 'slow-sum', status, progress, message, 40, t1);
const failedJob = job(5, 'always-fail', 'failed', 60, 'The job failed: the grid has no cells.', 50, 53);
const toDismiss = (status: WeaverJob['status'], progress: number, message: string) => job(6, 'slow-sum', status, progress, message, 60, status === 'dismissed' ? 66 : 63);

function results(j: WeaverJob, json: unknown, extra: Record<string, string> = {}): RecordedExchange {
  return get(`/jobs/${j.id}/results`, 200, json, resultsHeaders(j, extra), 'results document: output ids to bare values or {href, type}');
}

const slowResults = { mean: 2.5, report: { href: `${O}/wpsoutputs/${uuid(4)}/report.txt`, type: 'text/plain' } };

function notReady(j: WeaverJob): RecordedExchange {
  return get(`/jobs/${j.id}/results`, 404, problem(404, 'JobResultsNotReady', 'result-not-ready', 'The job has not finished; its results are not there yet.', { cause: { status: j.status }, links: jobStatus(j).links }));
}

function dismissedProblem(j: WeaverJob): unknown {
  return problem(410, 'JobDismissed', NOT_AVAILABLE, 'The job was dismissed and its files removed.', { cause: { status: 'dismissed' }, value: j.id });
}

const scenarios: RecordedScenario[] = [
  scenario('discovery', 'Landing page, conformance (Part 1 1.0 and 2.0 classes), process list and descriptions', [
    get('/', 200, weaverLanding()),
    get('/conformance', 200, weaverConformance()),
    get('/processes', 200, weaverProcessList()),
    ...WEAVER_PROCESSES.map((p) => get(`/processes/${p.id}`, 200, p)),
  ]),
  scenario('execute-short', 'A short process: a job for Prefer respond-async (with or without wait), results inline for wait alone or no Prefer', [
    started(short),
    get(`/jobs/${short.id}`, 200, jobStatus(short)),
    results(short, { echo: 'Hello Weaver' }),
    post('echo-text', INPUTS['echo-text']!, 'wait=5', 200, { ...resultsHeaders(sync, { 'preference-applied': 'wait=5' }) }, { echo: 'Hello Weaver' }, 'wait alone: results in the answer, the job in Link rel=monitor, no Location'),
    post('sync-echo', INPUTS['sync-echo']!, undefined, 200, resultsHeaders(syncOnly), { echo: 'Now' }, 'a sync-only process without Prefer: results, the job in Link rel=monitor'),
  ]),
  scenario('running-job', 'A job that outlives the wait: accepted, running with progress, results asked too early, then done', [
    started(slow('accepted', 0, 40, 'x')),
    get(`/jobs/${uuid(4)}`, 200, jobStatus(slow('accepted', 0, 40, 'The job is queued.'))),
    get(`/jobs/${uuid(4)}`, 200, jobStatus(slow('running', 40, 43, 'Summing, step 2 of 5.'))),
    notReady(slow('running', 40, 43, 'Summing, step 2 of 5.')),
    get(`/jobs/${uuid(4)}`, 200, jobStatus(slow('running', 80, 45, 'Summing, step 4 of 5.'))),
    get(`/jobs/${uuid(4)}`, 200, jobStatus(slow('successful', 100, 47, 'The job is done.'))),
    results(slow('successful', 100, 47, ''), slowResults),
  ]),
  scenario('failed-job', 'A job that fails: its status, and its results as Weaver refuses them (400 with the cause)', [
    started(failedJob),
    get(`/jobs/${failedJob.id}`, 200, jobStatus(failedJob)),
    get(`/jobs/${failedJob.id}/results`, 400, problem(400, 'JobResultsFailed', NOT_AVAILABLE, 'The job failed; it has no results.', { error: 'NoApplicableCode', cause: 'the grid has no cells', links: jobStatus(failedJob).links })),
  ]),
  scenario('dismiss', 'Dismissing a running job: a short answer, then the job stays with status dismissed; its results are gone (410)', [
    started(toDismiss('accepted', 0, 'x')),
    get(`/jobs/${uuid(6)}`, 200, jobStatus(toDismiss('running', 30, 'Summing, step 1 of 5.'))),
    { request: { method: 'DELETE', path: `/jobs/${uuid(6)}`, headers: ACCEPT }, response: { status: 200, headers: JSON_HEADERS, json: { jobID: uuid(6), status: 'dismissed', message: 'The job was dismissed.', percentCompleted: 30 } } },
    get(`/jobs/${uuid(6)}`, 200, jobStatus(toDismiss('dismissed', 30, 'The job was dismissed.'))),
    get(`/jobs/${uuid(6)}/results`, 410, dismissedProblem(toDismiss('dismissed', 30, ''))),
    { request: { method: 'DELETE', path: `/jobs/${uuid(6)}`, headers: ACCEPT }, response: { status: 410, headers: JSON_HEADERS, json: dismissedProblem(toDismiss('dismissed', 30, '')) } },
  ]),
  scenario('errors', 'A job id that is no UUID (400), an unknown UUID (404), an unknown process', [
    get('/jobs/no-such-job', 400, problem(400, 'NoSuchJob', 'no-such-job', 'A job id is a UUID.', { cause: 'no-such-job' })),
    get('/jobs/no-such-job/results', 400, problem(400, 'NoSuchJob', 'no-such-job', 'A job id is a UUID.', { cause: 'no-such-job' })),
    get(`/jobs/${uuid(99)}`, 404, problem(404, 'NoSuchJob', 'no-such-job', 'No job has this id.', { cause: uuid(99) })),
    get(`/jobs/${uuid(99)}/results`, 404, problem(404, 'NoSuchJob', 'no-such-job', 'No job has this id.', { cause: uuid(99) })),
    get('/processes/no-such-process', 404, problem(404, 'NoSuchProcess', 'no-such-process', 'No process has this id.', { cause: 'no-such-process' })),
  ]),
];

/** Older jobs of the server, for a list of several pages. */
function history(): WeaverJob[] {
  const kinds: Array<[string, WeaverJob['status'], number, string]> = [
    ['echo-text', 'successful', 100, 'The job is done.'],
    ['slow-sum', 'successful', 100, 'The job is done.'],
    ['always-fail', 'failed', 60, 'The job failed: the grid has no cells.'],
    ['slow-sum', 'dismissed', 20, 'The job was dismissed.'],
  ];
  return Array.from({ length: 22 }, (_, i) => {
    const [processID, status, progress, message] = kinds[i % kinds.length]!;
    return job(100 + i, processID, status, progress, message, -3600 + i * 60, -3600 + i * 60 + 5);
  });
}

const everyJob = [...history(), short, sync, syncOnly, slow('successful', 100, 47, 'The job is done.'), failedJob, toDismiss('dismissed', 30, 'The job was dismissed.')];
const table = everyJob.map((j) => jobStatus(j) as Record<string, unknown> & { jobID: string; status: string });
const listed = (query: string) => get(`/jobs`, 200, weaverJobList(table, new URLSearchParams(query), O).body);
const withQuery = (e: RecordedExchange, query: string) => (query ? { ...e, request: { ...e.request, query: [...new URLSearchParams(query)] } } : e);
scenarios.push(
  scenario('job-list', 'The job list: bare ids by default, documents with detail=true, newest created first, page/limit/total', [
    withQuery(listed('detail=true&limit=100'), 'detail=true&limit=100'),
    withQuery(listed(''), ''),
    withQuery(listed('limit=5&page=1'), 'limit=5&page=1'),
  ]),
);

const dir = path.join(repoRoot, 'test/fixtures/recorded', DIALECT);
mkdirSync(dir, { recursive: true });
for (const s of scenarios) writeFileSync(path.join(dir, `${s.scenario}.json`), `${JSON.stringify(s, null, 2)}\n`);
console.log(`wrote ${scenarios.length} scenarios to ${dir}`);
