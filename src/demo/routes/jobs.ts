import type { RequestContext } from '../context.js';
import { statusInfo } from '../job-document.js';
import { JOB_STATUSES, type JobFilter } from '../jobs.js';
import { PROBLEM_TYPES, invalidParameter, noSuchJob, problem } from '../problems.js';
import { parsePrefer } from '../prefer.js';
import { minimalResults, sendOutputValue } from '../output-value.js';
import { listParam, pageParams } from '../query.js';
import { sendJson } from '../responses.js';
import { jobOutcomeProblem } from './job-outcome.js';

function jobFilter(ctx: RequestContext): JobFilter | 'none' {
  const query = ctx.query;
  if (!query) return {};
  const filter: JobFilter = {};
  const statuses = listParam(query, 'status');
  if (statuses) {
    const unknown = statuses.find((s) => !(JOB_STATUSES as readonly string[]).includes(s));
    if (unknown !== undefined) {
      throw invalidParameter(`Unknown status '${unknown}' in query parameter 'status'; expected any of ${JOB_STATUSES.join(', ')}`);
    }
    filter.statuses = new Set(statuses);
  }
  const processIds = listParam(query, 'processID', (v) => ctx.state.catalog.has(v));
  if (processIds) filter.processIds = new Set(processIds);
  // Every job here is of type 'process'; asking for any other type matches nothing.
  const types = listParam(query, 'type');
  if (types && !types.includes('process')) return 'none';
  return filter;
}

export function listJobs(ctx: RequestContext): void {
  const filter = jobFilter(ctx);
  const { offset, limit, limited } = pageParams(ctx.query);
  const page = filter === 'none' ? { jobs: [], more: false } : ctx.state.jobs.list(filter, offset, limit);

  // Links carry the filters along, as repeated parameters (never ambiguous).
  const pageHref = (pageOffset: number) => {
    const params = new URLSearchParams();
    for (const name of ['status', 'processID', 'type']) {
      for (const v of (ctx.query && listParam(ctx.query, name, name === 'processID' ? (x) => ctx.state.catalog.has(x) : undefined)) ?? []) {
        params.append(name, v);
      }
    }
    if (limited) params.set('limit', String(limit));
    if (pageOffset > 0) params.set('offset', String(pageOffset));
    const search = params.toString();
    return `${ctx.baseUrl}jobs${search ? `?${search}` : ''}`;
  };
  const links: Array<Record<string, string>> = [{ href: pageHref(offset), rel: 'self', type: 'application/json', title: 'This page' }];
  if (page.more) links.push({ href: pageHref(offset + limit), rel: 'next', type: 'application/json', title: 'Next page' });

  const jobs = page.jobs.map((job) => statusInfo(job, ctx.baseUrl, ctx.state.apiVersion));
  sendJson(ctx.res, 200, JSON.stringify({ jobs, links }));
}

export function getJob(ctx: RequestContext): void {
  const job = ctx.state.jobs.get(ctx.params[0]);
  if (!job) throw noSuchJob(ctx.params[0]);
  sendJson(ctx.res, 200, JSON.stringify(statusInfo(job, ctx.baseUrl, ctx.state.apiVersion)));
}

export function dismissJob(ctx: RequestContext): void {
  const outcome = ctx.state.jobs.dismiss(ctx.params[0]);
  if (!outcome) throw noSuchJob(ctx.params[0]);
  sendJson(ctx.res, 200, JSON.stringify(statusInfo(outcome.job, ctx.baseUrl, ctx.state.apiVersion)));
}

export function getJobResults(ctx: RequestContext): void {
  const job = ctx.state.jobs.get(ctx.params[0]);
  if (!job) throw noSuchJob(ctx.params[0]);
  if (job.status === 'successful' && job.resultsBody) {
    if (ctx.state.apiVersion === '2.0' && parsePrefer(ctx.req.headers.prefer).return === 'minimal') {
      sendJson(ctx.res, 200, JSON.stringify(minimalResults(job, ctx.baseUrl)), { 'Preference-Applied': 'return=minimal' });
      return;
    }
    sendJson(ctx.res, 200, job.resultsBody);
    return;
  }
  throw jobOutcomeProblem(job);
}

/** GET /jobs/{id}/results/{outputId} (2.0): one output on its own, in its own media type. */
export function getJobOutput(ctx: RequestContext): void {
  const [jobId, outputId] = ctx.params as [string, string];
  if (ctx.state.apiVersion !== '2.0') {
    throw problem(404, PROBLEM_TYPES.notFound, 'Not found', 'One output at /jobs/{id}/results/{outputId} is OGC API - Processes 2.0; this server speaks 1.0: GET the whole results instead.');
  }
  const job = ctx.state.jobs.get(jobId);
  if (!job) throw noSuchJob(jobId);
  if (!(job.status === 'successful' && job.resultsBody)) throw jobOutcomeProblem(job);
  const results = JSON.parse(job.resultsBody.toString('utf8')) as Record<string, unknown>;
  if (!Object.hasOwn(results, outputId)) {
    throw problem(404, PROBLEM_TYPES.notFound, 'No such output', `Job '${jobId}' has no output '${outputId}'; it has: ${Object.keys(results).join(', ')}.`, `/jobs/${encodeURIComponent(jobId)}/results/${encodeURIComponent(outputId)}`);
  }
  sendOutputValue(ctx.res, results[outputId]);
}
