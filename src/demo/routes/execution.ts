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
import { executionPlan } from './execution-answer.js';
import { appliedPreferences, parsePrefer, type Preferences } from '../prefer.js';


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

  const version = ctx.state.apiVersion;
  const prefs = parsePrefer(ctx.req.headers.prefer);
  const offers = { sync: process.jobControlOptions.includes('sync-execute'), async: process.jobControlOptions.includes('async-execute') };
  const plan = executionPlan(version, prefs, offers);

  const job = jobs.submit(process, prepared.inputs, { baseUrl: ctx.baseUrl, selectedOutputs: outputs });
  const location = `${ctx.baseUrl}jobs/${encodeURIComponent(job.id)}`;
  const headers: Record<string, string> = { Location: location, Vary: 'Prefer' };

  if (plan.kind === 'sync') {
    const settled = await settledWithin(jobs, job, plan.waitMs);
    if (settled) {
      const applied = appliedPreferences({ ...(plan.waitMs !== undefined ? { waitSeconds: prefs.waitSeconds } : {}) });
      if (applied) headers['Preference-Applied'] = applied;
      sendOutcome(ctx, job, headers, prefs);
      return;
    }
  }
  const applied = appliedPreferences({ respondAsync: prefs.respondAsync && offers.async });
  if (applied) headers['Preference-Applied'] = applied;
  sendJson(ctx.res, 201, JSON.stringify(statusInfo(job, ctx.baseUrl, version)), headers);
}

/** Waits for the job to settle, at most waitMs (undefined: as long as it takes); true when it did. */
async function settledWithin(jobs: RequestContext['state']['jobs'], job: Job, waitMs: number | undefined): Promise<boolean> {
  if (waitMs === undefined) {
    await jobs.whenSettled(job);
    return true;
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(resolve, waitMs, false)));
  try {
    return await Promise.race([jobs.whenSettled(job).then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function sendOutcome(ctx: RequestContext, job: Job, headers: Record<string, string>, prefs: Preferences): void {
  if (ctx.state.apiVersion === '2.0') headers.Link = `<${headers.Location}>; rel="monitor"`;
  if (job.status === 'successful' && job.resultsBody) {
    if (ctx.state.apiVersion === '2.0' && prefs.return === 'minimal') {
      headers['Preference-Applied'] = [headers['Preference-Applied'], 'return=minimal'].filter(Boolean).join(', ');
      ctx.res.writeHead(303, { ...headers, Location: `${headers.Location}/results`, 'Content-Length': 0 });
      ctx.res.end();
      return;
    }
    sendJson(ctx.res, 200, job.resultsBody, headers);
    return;
  }
  throw new ProblemError(jobOutcomeProblem(job).problem, headers);
}
