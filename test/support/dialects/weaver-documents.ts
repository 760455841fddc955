// Documents in the shapes Weaver 6.15 sends (read from its source: the job's
// status and summary, its links, its problem bodies, the headers of its
// results), with the project's own words. The reconstructed fixtures of the
// weaver dialect are built from them (reconstruct-weaver.ts).
import { ORIGIN_PLACEHOLDER as O } from './recording.js';

export interface WeaverJob {
  id: string;
  processID: string;
  status: 'accepted' | 'running' | 'successful' | 'failed' | 'dismissed';
  message: string;
  progress: number;
  created: string;
  started?: string;
  finished?: string;
  updated: string;
}

const JSON_TYPE = 'application/json';
const RESULTS_REL = 'http://www.opengis.net/def/rel/ogc/1.0/results';
const EXCEPTIONS_REL = 'http://www.opengis.net/def/rel/ogc/1.0/exceptions';

/** Where Weaver puts a job: under its process. */
export const jobUrl = (job: Pick<WeaverJob, 'id' | 'processID'>) => `${O}/processes/${job.processID}/jobs/${job.id}`;

type Link = { href: string; rel: string; title?: string; type?: string; hreflang?: string };

/** The job's links: status and monitor (the same URL), the list, then by state results or exceptions, then logs; `self` and `up` last. */
export function jobLinks(job: WeaverJob, self: 'status' | 'results' = 'status'): Link[] {
  const url = jobUrl(job);
  const links: Link[] = [
    { href: url, rel: 'status', title: 'Status of the job.' },
    { href: url, rel: 'monitor', title: 'Where to follow the job.' },
    { href: `${O}/jobs/${job.id}?f=json`, rel: 'alternate', title: 'The job on the generic endpoint.' },
    { href: `${O}/jobs`, rel: 'http://www.opengis.net/def/rel/ogc/1.0/job-list', title: 'All jobs.' },
    { href: `${O}/processes/${job.processID}/execution`, rel: 'http://www.opengis.net/def/rel/ogc/1.0/execute', title: 'Run the process again.' },
    { href: `${url}/inputs`, rel: 'inputs', title: 'What the job was given.' },
  ];
  if (self === 'status') links.push({ href: `${O}/jobs`, rel: 'collection', title: 'All jobs.' });
  if (job.status === 'successful') {
    links.push({ href: `${url}/outputs`, rel: 'outputs', title: 'Outputs with their details.' }, { href: `${url}/results`, rel: RESULTS_REL, title: 'Results.' });
  } else if (job.status === 'failed' || job.status === 'dismissed') {
    links.push({ href: `${url}/exceptions`, rel: EXCEPTIONS_REL, title: 'What went wrong.' });
  }
  links.push({ href: `${url}/logs`, rel: 'logs', title: 'Log of the job.' });
  const selfLink = self === 'results' ? { ...links.find((l) => l.rel === RESULTS_REL)!, rel: 'self' } : { href: url, rel: 'self', title: 'Status of the job.' };
  links.push(selfLink, self === 'results' ? { href: url, rel: 'up', title: 'The job.' } : { href: `${O}/jobs`, rel: 'up', title: 'All jobs.' });
  return links.map((l) => ({ ...l, type: l.type ?? JSON_TYPE, hreflang: 'en-CA' }));
}

function isoDuration(seconds: number): string {
  return `PT${Math.round(seconds)}S`;
}

function clock(seconds: number): string {
  const s = Math.floor(seconds);
  return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
}

/** GET /jobs/{id}: both `id` and `jobID`, `processingEntityType`, `percentCompleted` and `progress`, three forms of the duration. */
export function jobStatus(job: WeaverJob): Record<string, unknown> {
  const runSeconds = job.started ? (Date.parse(job.finished ?? job.updated) - Date.parse(job.started)) / 1000 : undefined;
  return {
    $schema: 'https://schemas.opengis.net/ogcapi/processes/part1/1.0/openapi/schemas/statusInfo.yaml',
    id: job.id,
    jobID: job.id,
    processID: job.processID,
    providerID: null,
    processingEntityType: 'process',
    type: 'process',
    status: job.status,
    message: job.message,
    created: job.created,
    ...(job.started ? { started: job.started } : {}),
    ...(job.finished ? { finished: job.finished } : {}),
    updated: job.updated,
    ...(runSeconds !== undefined ? { duration: clock(runSeconds), runningDuration: isoDuration(runSeconds), runningSeconds: runSeconds } : {}),
    percentCompleted: job.progress,
    progress: Math.trunc(job.progress),
    links: jobLinks(job),
  };
}

/** The 201 body of an asynchronous execution: the job's summary, its `location`, and a sentence. */
export function createdJob(job: WeaverJob): Record<string, unknown> {
  return {
    id: job.id,
    jobID: job.id,
    processID: job.processID,
    processingEntityType: 'process',
    type: 'process',
    status: 'accepted',
    location: jobUrl(job),
    description: 'The job is queued; follow its location.',
  };
}

/** The headers of a results answer: no Location, the results as Content-Location, one Link header per job link. */
export function resultsHeaders(job: WeaverJob, extra: Record<string, string> = {}): Record<string, string> {
  const link = jobLinks(job, 'results')
    .map((l) => `<${l.href}>; rel="${l.rel}"; type="${l.type}"`)
    .concat('<http://www.opengis.net/def/profile/OGC/0/ogc-results>; rel="profile"')
    .join(', ');
  return {
    'content-type': JSON_TYPE,
    'content-location': `${jobUrl(job)}/results`,
    'content-profile': 'http://www.opengis.net/def/profile/OGC/0/ogc-results',
    link,
    ...extra,
  };
}

/** A problem body with Weaver's fields: title, type, detail, status, cause, and `description` added for older clients. */
export function problem(status: number, title: string, type: string, detail: string, more: Record<string, unknown> = {}): Record<string, unknown> {
  return { title, type: type.startsWith('http') ? type : `http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/${type}`, detail, status, ...more, description: detail };
}
