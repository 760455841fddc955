import type { Handler } from './context.js';
import { executeProcess } from './routes/execution.js';
import { dismissJob, getJob, getJobOutput, getJobResults, listJobs } from './routes/jobs.js';
import { getConformance, getLandingPage } from './routes/landing.js';
import { getOutputFile } from './routes/outputs.js';
import { getProcess, listProcesses } from './routes/processes.js';

export interface Route {
  readonly handlers: Readonly<Partial<Record<string, Handler>>>;
  /** The Allow header for this path. */
  readonly allow: string;
}

function route(handlers: Partial<Record<string, Handler>>): Route {
  const methods = Object.keys(handlers);
  if (handlers.GET) methods.push('HEAD');
  methods.push('OPTIONS');
  return { handlers, allow: methods.join(', ') };
}

const LANDING = route({ GET: getLandingPage });
const CONFORMANCE = route({ GET: getConformance });
const PROCESSES = route({ GET: listProcesses });
const PROCESS = route({ GET: getProcess });
const EXECUTION = route({ POST: executeProcess });
const JOBS = route({ GET: listJobs });
const JOB = route({ GET: getJob, DELETE: dismissJob });
const RESULTS = route({ GET: getJobResults });
const OUTPUT_FILE = route({ GET: getOutputFile });
const RESULT_OUTPUT = route({ GET: getJobOutput });

/** Maps decoded path segments to a route and its parameters; a switch, since it runs on every request. */
/** Maps decoded path segments to a route and its parameters (the routes of 2.0 answer 404 in 1.0 mode: see their handlers). */
export function resolveRoute(segments: readonly string[]): { route: Route; params: string[] } | undefined {
  const [first, second, third] = segments;
  switch (segments.length) {
    case 0:
      return { route: LANDING, params: [] };
    case 1:
      if (first === 'conformance') return { route: CONFORMANCE, params: [] };
      if (first === 'processes') return { route: PROCESSES, params: [] };
      if (first === 'jobs') return { route: JOBS, params: [] };
      return undefined;
    case 2:
      if (first === 'processes') return { route: PROCESS, params: [second] };
      if (first === 'jobs') return { route: JOB, params: [second] };
      return undefined;
    case 3:
      if (first === 'processes' && third === 'execution') return { route: EXECUTION, params: [second] };
      if (first === 'jobs' && third === 'results') return { route: RESULTS, params: [second] };
      if (first === 'outputs') return { route: OUTPUT_FILE, params: [second, third] };
      return undefined;
    case 4:
      if (first === 'jobs' && third === 'results') return { route: RESULT_OUTPUT, params: [second, segments[3]] };
      return undefined;
    default:
      return undefined;
  }
}
