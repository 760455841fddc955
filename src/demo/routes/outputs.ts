import type { RequestContext } from '../context.js';
import { PROBLEM_TYPES, problem } from '../problems.js';
import { send } from '../responses.js';

/** Files that processes published for their reference outputs; they live as long as their job. */
export function getOutputFile(ctx: RequestContext): void {
  const [jobId, name] = ctx.params;
  const file = ctx.state.jobs.get(jobId)?.files?.get(name);
  if (!file) {
    throw problem(404, PROBLEM_TYPES.notFound, 'Not found', `No output file '${name}' for job '${jobId}' (the job may have been removed).`);
  }
  send(ctx.res, 200, file.mediaType, file.body);
}
