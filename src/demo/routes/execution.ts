import type { RequestContext } from '../context.js';
import { prepareInputs } from '../input-preparation.js';
import { statusInfo } from '../job-document.js';
import type { Job } from '../jobs.js';
import { PROBLEM_TYPES, ProblemError, noSuchProcess, problem } from '../problems.js';
import type { DemoProcess } from '../processes/types.js';
import { parseJsonBody, readBody } from '../request-body.js';
import { sendJson } from '../responses.js';
import { jobOutcomeProblem } from './job-outcome.js';
import { isRecord } from '../../util/records.js';

/** RFC 7240: preferences are comma-separated, each possibly with ;parameters. */
function prefersAsync(header: string | string[] | undefined): boolean {
  if (!header) return false;
  const values = Array.isArray(header) ? header.join(',') : header;
  return values.split(',').some((pref) => pref.split(';')[0].trim().toLowerCase() === 'respond-async');
}

/** Outputs the request asks for (OGC `outputs` map); undefined means all. */
function selectedOutputs(process: DemoProcess, requested: unknown, instance: string): string[] | undefined {
  if (requested === undefined || requested === null) return undefined;
  if (!isRecord(requested)) {
    throw problem(400, PROBLEM_TYPES.invalidInput, 'Invalid execute request', "'outputs' must be an object keyed by output id", instance);
  }
  const ids = Object.keys(requested);
  if (ids.length === 0) return undefined;
  for (const id of ids) {
    if (!(id in process.outputs)) {
      const known = Object.keys(process.outputs).join(', ');
      throw problem(400, PROBLEM_TYPES.invalidInput, 'Invalid execute request', `Unknown output '${id}'; process '${process.id}' has: ${known}`, instance);
    }
  }
  return ids;
}

export async function executeProcess(ctx: RequestContext): Promise<void> {
  const { catalog, jobs, maxBodyBytes } = ctx.state;
  const id = ctx.params[0];
  const process = catalog.get(id);
  if (!process) throw noSuchProcess(id);
  const instance = `/processes/${encodeURIComponent(id)}/execution`;

  const request = parseJsonBody(await readBody(ctx.req, maxBodyBytes));
  if (!isRecord(request)) {
    throw problem(400, PROBLEM_TYPES.invalidInput, 'Invalid execute request', 'The execute request must be a JSON object such as {"inputs": {...}}', instance);
  }
  const prepared = prepareInputs(process, request.inputs);
  if (!prepared.ok) {
    throw problem(400, PROBLEM_TYPES.invalidInput, 'Invalid inputs', `${prepared.message} (process '${id}')`, instance);
  }
  const outputs = selectedOutputs(process, request.outputs, instance);

  const offersAsync = process.jobControlOptions.includes('async-execute');
  const offersSync = process.jobControlOptions.includes('sync-execute');
  const wantsAsync = prefersAsync(ctx.req.headers.prefer);
  const runAsync = (wantsAsync && offersAsync) || !offersSync;

  const job = jobs.submit(process, prepared.inputs, { baseUrl: ctx.baseUrl, selectedOutputs: outputs });
  const location = `${ctx.baseUrl}jobs/${encodeURIComponent(job.id)}`;
  const headers: Record<string, string> = { Location: location, Vary: 'Prefer' };

  if (runAsync) {
    if (wantsAsync) headers['Preference-Applied'] = 'respond-async';
    sendJson(ctx.res, 201, JSON.stringify(statusInfo(job, ctx.baseUrl)), headers);
    return;
  }
  await jobs.whenSettled(job);
  sendOutcome(ctx, job, headers);
}

function sendOutcome(ctx: RequestContext, job: Job, headers: Record<string, string>): void {
  if (job.status === 'successful' && job.resultsBody) {
    sendJson(ctx.res, 200, job.resultsBody, headers);
    return;
  }
  throw new ProblemError(jobOutcomeProblem(job).problem, headers);
}
