// What a dialect of the replay server is: the few rules of one real server
// that a replay has to compute because no recording answers them word for
// word (how it reads `Prefer`, how it lists and pages its jobs). One module
// per server holds its rules (pygeoapi.ts, weaver.ts); dialects.ts names them.
import type { RecordedScenario } from './recording.js';

export type JobDocument = Record<string, unknown> & { jobID: string; status: string; processID?: string; created?: string; started?: string };

export interface Answer {
  status: number;
  body: unknown;
}

export interface DialectRules {
  /** The class of a `Prefer` value (`async` or `sync`): recorded POSTs are matched by it. */
  preferClass(prefer: string | undefined): string;
  /** The server's job table, from the recorded scenarios (as stored, with `{origin}`). */
  jobTable(scenarios: RecordedScenario[]): JobDocument[];
  /** The body of `GET /jobs?<query>` as the server builds it from its table. */
  jobList(table: JobDocument[], query: URLSearchParams, origin: string): Answer;
}

/**
 * The jobs of every recorded `GET /jobs` answer that lists job documents,
 * each in its latest listed state, oldest first by `created`.
 */
export function listedJobTable(scenarios: RecordedScenario[]): JobDocument[] {
  const byId = new Map<string, JobDocument>();
  for (const scenario of scenarios) {
    for (const { request, response } of scenario.exchanges) {
      if (request.method !== 'GET' || request.path !== '/jobs') continue;
      const jobs = (response.json as { jobs?: unknown[] } | undefined)?.jobs ?? [];
      // Later lists (after more runs) have the later state of each job; bare ids say nothing of it.
      for (const job of jobs) if (typeof job === 'object' && job !== null) byId.set((job as JobDocument).jobID, job as JobDocument);
    }
  }
  return [...byId.values()].sort((a, b) => String(a.created ?? '').localeCompare(String(b.created ?? '')));
}
