import type { Job } from '../jobs.js';
import { PROBLEM_TYPES, ProblemError } from '../problems.js';

/** Why a job has no results: the answer to GET .../results (and to a sync execute) for an unsuccessful job. */
export function jobOutcomeProblem(job: Job): ProblemError {
  const instance = `/jobs/${encodeURIComponent(job.id)}`;
  switch (job.status) {
    case 'accepted':
    case 'running': {
      const where = job.status === 'accepted' ? 'has not started yet' : `is still running (progress ${job.progress ?? 0}%)`;
      return new ProblemError({
        type: PROBLEM_TYPES.resultNotReady,
        title: 'Result not ready',
        status: 404,
        detail: `Job '${job.id}' ${where}; poll GET /jobs/${job.id} until its status is 'successful'.`,
        instance,
        jobID: job.id,
      });
    }
    case 'failed':
      return new ProblemError({
        type: PROBLEM_TYPES.jobFailed,
        title: 'Job failed',
        status: 500,
        detail: job.message ?? `Job '${job.id}' failed.`,
        instance,
        jobID: job.id,
      });
    default:
      return new ProblemError({
        type: PROBLEM_TYPES.jobDismissed,
        title: 'Job dismissed',
        status: 410,
        detail: `Job '${job.id}' was dismissed and has no results.`,
        instance,
        jobID: job.id,
      });
  }
}
