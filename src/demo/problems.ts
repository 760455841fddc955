/** RFC 7807 problem details, as the demo server sends them (application/problem+json). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** RFC 7807 extension members, e.g. jobID. */
  [extension: string]: unknown;
}

const OGC = 'http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/';
// OGC Part 1 names only the first three; the rest get ids of this project.
const OWN = 'urn:ogc-processes-mcp:problem:';

export const PROBLEM_TYPES = {
  noSuchProcess: `${OGC}no-such-process`,
  noSuchJob: `${OGC}no-such-job`,
  resultNotReady: `${OGC}result-not-ready`,
  invalidInput: `${OWN}invalid-input`,
  invalidParameter: `${OWN}invalid-parameter`,
  malformedBody: `${OWN}malformed-body`,
  payloadTooLarge: `${OWN}payload-too-large`,
  methodNotAllowed: `${OWN}method-not-allowed`,
  notFound: `${OWN}not-found`,
  jobFailed: `${OWN}job-failed`,
  jobDismissed: `${OWN}job-dismissed`,
  internal: `${OWN}internal-error`,
} as const;

/** Thrown by route handlers; the server turns it into the response. */
export class ProblemError extends Error {
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail ?? problem.title);
  }
}

export function problem(status: number, type: string, title: string, detail?: string, instance?: string): ProblemError {
  return new ProblemError({ type, title, status, ...(detail !== undefined && { detail }), ...(instance !== undefined && { instance }) });
}

export const noSuchProcess = (id: string) =>
  problem(404, PROBLEM_TYPES.noSuchProcess, 'No such process', `Process '${id}' does not exist. GET /processes lists the available ones.`, `/processes/${encodeURIComponent(id)}`);

export const noSuchJob = (id: string) =>
  problem(404, PROBLEM_TYPES.noSuchJob, 'No such job', `Job '${id}' does not exist (it may have been dismissed or evicted). This demo server keeps its jobs in memory: they live only as long as its process.`, `/jobs/${encodeURIComponent(id)}`);

export const invalidParameter = (detail: string) =>
  problem(400, PROBLEM_TYPES.invalidParameter, 'Invalid query parameter', detail);
