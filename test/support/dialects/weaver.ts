// Weaver 6.15's own rules (read from its source; it cannot run here), where a
// replay has to compute an answer: how it reads `Prefer`, and how it lists
// jobs. Its list reads the query as a plain map (a repeated parameter counts
// once, the last one), takes `status` as a comma-separated list and
// `processID` (or `process`) as one id, sorts newest created first, pages by
// `page` (from 0) and `limit` (default 10), and gives bare job ids unless
// `detail=true`; `total`, `page`, `limit`, `count` and links with `page` go
// with every page.
import { listedJobTable, type Answer, type DialectRules, type JobDocument } from './rules.js';

/** Weaver's longest synchronous wait (seconds, its default setting); a longer `wait` runs as a job. */
export const WEAVER_MAX_WAIT = 20;

/**
 * `async` when `respond-async` is among the preferences (whatever `wait` says)
 * or `wait` exceeds the server's longest; `sync` otherwise, no Prefer included,
 * for a process that offers both modes.
 */
export function weaverPreferClass(prefer: string | undefined): 'async' | 'sync' {
  const tokens = (prefer ?? '').split(/[;,]/).map((t) => t.trim().toLowerCase()).filter(Boolean);
  if (tokens.includes('respond-async')) return 'async';
  const wait = tokens.find((t) => t.startsWith('wait='));
  if (wait !== undefined && Number(wait.slice('wait='.length)) > WEAVER_MAX_WAIT) return 'async';
  return 'sync';
}

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 1000;

function invalid(description: string, cause: unknown): Answer {
  return { status: 400, body: { code: 'JobInvalidParameter', description, cause } };
}

function queryString(params: Array<[string, string]>): string {
  return params.length ? `?${params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}` : '';
}

/** The body of `GET /jobs?<query>` as Weaver builds it. */
export function weaverJobList(table: JobDocument[], query: URLSearchParams, origin: string): Answer {
  // A map: the last of repeated parameters wins.
  const params = new Map<string, string>([...query]);
  const limit = Number(params.get('limit') ?? DEFAULT_LIMIT);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return invalid('Job query parameters failed validation.', 'limit');
  const page = Number(params.get('page') ?? 0);
  if (!Number.isInteger(page) || page < 0) return invalid('Job query parameters failed validation.', 'page');
  const detail = params.get('detail') === 'true';
  const statuses = params.get('status')?.split(',');
  const processId = params.get('processID') ?? params.get('process');
  const type = params.get('type');
  const matching = table
    .filter((j) => (statuses ? statuses.includes(j.status) : true))
    .filter((j) => (processId ? j.processID === processId : true))
    .filter((j) => (type ? j.type === type : true))
    .sort((a, b) => String(b.created ?? '').localeCompare(String(a.created ?? '')));
  const total = matching.length;
  const maxPage = Math.max(Math.ceil(total / limit) - 1, 0);
  if (page > maxPage) return invalid(`Page index ${page} is out of range from [0,${maxPage}].`, 'Invalid paging parameters.');
  const jobs = matching.slice(page * limit, (page + 1) * limit);
  const kept = [...params].filter(([k]) => k !== 'page');
  const list = `${origin}/jobs`;
  const at = (p: number) => `${list}${queryString([...kept, ['page', String(p)]])}`;
  const links: Array<Record<string, string>> = [];
  if (processId) {
    const alternate = kept.filter(([k]) => k !== 'processID' && k !== 'process');
    links.push({ href: `${origin}/processes/${processId}/jobs${queryString([...alternate, ['page', String(page)]])}`, rel: 'alternate', type: 'application/json' });
  }
  links.push(
    { href: 'http://www.opengis.net/def/profile/OGC/0/ogc-job-list', rel: 'profile' },
    { href: list, rel: 'collection', type: 'application/json' },
    { href: list, rel: 'search', type: 'application/json' },
    { href: `${list}?detail=false`, rel: 'preview', type: 'application/json' },
    { href: list, rel: 'http://www.opengis.net/def/rel/ogc/1.0/job-list', type: 'application/json' },
    { href: at(page), rel: 'current', type: 'application/json' },
    { href: at(0), rel: 'first', type: 'application/json' },
    { href: at(maxPage), rel: 'last', type: 'application/json' },
  );
  if (page > 0) links.push({ href: at(page - 1), rel: 'prev', type: 'application/json' });
  if (page < maxPage) links.push({ href: at(page + 1), rel: 'next', type: 'application/json' });
  if (processId) links.push({ href: `${origin}/processes/${processId}`, rel: 'up', type: 'application/json' });
  return { status: 200, body: { total, jobs: detail ? jobs : jobs.map((j) => j.jobID), page, limit, count: jobs.length, links } };
}

export const weaverRules: DialectRules = { preferClass: weaverPreferClass, jobTable: listedJobTable, jobList: weaverJobList };
