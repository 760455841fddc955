// Weaver lists bare job ids unless asked for details (`detail=true`). Such a
// list says nothing of a job's status, process or times, so the bridge could
// neither filter it nor put it newest first; when a first page comes back
// bare, the same page is asked again with details.
import { hrefOf, targetOf, type RequestTarget } from './http.js';
import { UNKNOWN_JOB_STATUS, type StatusInfo } from './models.js';

/** True when every job of a non-empty page was listed as a bare id. */
export function listsBareIds(jobs: readonly StatusInfo[]): boolean {
  return jobs.length > 0 && jobs.every((j) => j.status === UNKNOWN_JOB_STATUS && j.processID === undefined && j.created === undefined);
}

/** The same request asking for details, or undefined when it already said what it wanted. */
export function withDetail(target: RequestTarget): RequestTarget | undefined {
  const url = new URL(hrefOf(target));
  if (url.searchParams.has('detail')) return undefined;
  return targetOf(new URL(`${url.href}${url.search ? '&' : '?'}detail=true`));
}
