import type { ApiVersion } from './api-version.js';
import type { Job } from './jobs.js';

const REL_RESULTS = 'http://www.opengis.net/def/rel/ogc/1.0/results';
const REL_EXCEPTIONS = 'http://www.opengis.net/def/rel/ogc/1.0/exceptions';

/**
 * The statusInfo document of a job; unset fields are left out, as the
 * reference does. 2.0 calls the job id `id` and names the processing entity.
 */
export function statusInfo(job: Job, baseUrl: string, version: ApiVersion = '1.0'): Record<string, unknown> {
  const href = `${baseUrl}jobs/${encodeURIComponent(job.id)}`;
  const links: Array<Record<string, string>> = [{ href, rel: 'self', type: 'application/json', title: 'Job status' }];
  if (job.status === 'successful') {
    links.push({ href: `${href}/results`, rel: REL_RESULTS, type: 'application/json', title: 'Job results' });
  } else if (job.status === 'failed') {
    links.push({ href: `${href}/results`, rel: REL_EXCEPTIONS, type: 'application/problem+json', title: 'Job failure' });
  }
  const doc: Record<string, unknown> =
    version === '2.0'
      ? { id: job.id, processID: job.processId, processingEntityType: 'ogc-api-processes', status: job.status }
      : { jobID: job.id, processID: job.processId, type: 'process', status: job.status };
  if (job.message !== undefined) doc.message = job.message;
  doc.created = job.created;
  if (job.started !== undefined) doc.started = job.started;
  if (job.finished !== undefined) doc.finished = job.finished;
  if (job.updated !== undefined) doc.updated = job.updated;
  if (job.progress !== undefined) doc.progress = job.progress;
  doc.links = links;
  return doc;
}
