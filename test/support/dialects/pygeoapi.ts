// pygeoapi 0.21's own rules, where a replay has to compute an answer that was
// not recorded word for word: how it reads `Prefer`, and how it pages its job
// list (TinyDB order sliced by offset and limit, then that page sorted newest
// first; status, processID and type ignored).
import { listedJobTable, type DialectRules, type JobDocument } from './rules.js';

export type { JobDocument } from './rules.js';

/** `async` only for exactly `respond-async`, as pygeoapi compares the header as a string. */
export function pygeoapiPreferClass(prefer: string | undefined): 'async' | 'sync' {
  return prefer === 'respond-async' ? 'async' : 'sync';
}

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 50;

/** The job table as pygeoapi keeps it (insertion order), from the recorded full walk of the list. */
export const jobTable = listedJobTable;

/** The body of `GET /jobs?<query>` as pygeoapi 0.21 builds it. */
export function pygeoapiJobList(table: JobDocument[], query: URLSearchParams, origin: string): { status: number; body: unknown } {
  const limitParam = query.get('limit');
  let limit = DEFAULT_LIMIT;
  if (limitParam !== null) {
    const parsed = Number(limitParam);
    if (!Number.isInteger(parsed) || parsed <= 0) {
      return { status: 400, body: { code: 'InvalidParameterValue', type: 'InvalidParameterValue', description: 'limit value should be strictly positive' } };
    }
    limit = Math.min(parsed, MAX_LIMIT);
  }
  const offset = Number(query.get('offset') ?? 0) || 0;
  const page = table
    .slice(offset, offset + limit)
    .sort((a, b) => String(b.started ?? '').localeCompare(String(a.started ?? '')));
  const links: Array<Record<string, string>> = [
    { href: `${origin}/jobs?f=html`, rel: 'alternate', type: 'text/html', title: 'Jobs list as HTML' },
    { href: `${origin}/jobs?f=json`, rel: 'self', type: 'application/json', title: 'Jobs list as JSON' },
  ];
  let kept = '';
  for (const [k, v] of query) {
    if (k !== 'f' && k !== 'offset') kept += `&${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%2C/g, ',')}`;
  }
  if (offset > 0) {
    links.push({ href: `${origin}/jobs?offset=${Math.max(0, offset - limit)}${kept}`, type: 'application/json', rel: 'prev', title: 'Items (prev)' });
  }
  if (table.length > limit + offset || page.length === limit) {
    links.push({ href: `${origin}/jobs?offset=${offset + limit}${kept}`, rel: 'next', type: 'application/json', title: 'Items (next)' });
  }
  return { status: 200, body: { jobs: page, links } };
}

export const pygeoapiRules: DialectRules = { preferClass: pygeoapiPreferClass, jobTable, jobList: pygeoapiJobList };
