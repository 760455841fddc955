// How the demo answers an execution, by edition and preference:
// 1.0: async (201 + status) when `respond-async` is asked and offered or sync
//      is not offered; otherwise it runs synchronously and answers 200 with
//      the results (or the job's failure).
// 2.0: as 1.0, plus `wait=N`: the job runs, and the answer is the results if
//      it finished within N seconds, else 201 with its status. A synchronous
//      answer carries `Link: <job>; rel="monitor"`; with `return=minimal`, a
//      synchronous success is a 303 to the job's results.
import type { ApiVersion } from '../api-version.js';
import type { Preferences } from '../prefer.js';

export type ExecutionPlan =
  /** Answer 201 with the job's status at once. */
  | { kind: 'async' }
  /** Wait for the job (at most waitMs), then answer with its outcome, or 201 if it has not finished. */
  | { kind: 'sync'; waitMs?: number };

export function executionPlan(version: ApiVersion, prefs: Preferences, offers: { sync: boolean; async: boolean }): ExecutionPlan {
  if (!offers.sync) return { kind: 'async' };
  if (version === '2.0' && prefs.waitSeconds !== undefined && offers.async) return { kind: 'sync', waitMs: prefs.waitSeconds * 1000 };
  if (prefs.respondAsync && offers.async) return { kind: 'async' };
  return { kind: 'sync' };
}
