// How the bridge runs one process call, so that a short process costs what
// the same request sent straight costs, and a long one still comes back
// within the call's budget with its job id:
// - a server that speaks Part 1 2.0 is asked for both at once:
//   `Prefer: respond-async, wait=N` (results within N s, else a job), unless
//   it was seen to answer that with a job at once (Weaver: respond-async
//   always wins); it is then treated as a 1.0 server;
// - on a 1.0 server, a process that allows synchronous execution and was seen
//   to finish quickly runs synchronously, with the call's budget as deadline;
// - anything else (a process not seen yet, or seen to be slow) runs as a job,
//   and its run time is remembered for the next call.
// A synchronous run that outlives its deadline is abandoned; the bridge then
// looks for the job the server made of it, and runs the process as a job from
// then on.

export type ExecutionPlan =
  | { kind: 'async' }
  | { kind: 'wait'; waitSeconds: number }
  | { kind: 'sync'; deadlineMs: number | undefined };

export interface PlanInput {
  jobControlOptions: readonly string[];
  /** The server declares a Part 1 2.0 conformance class. */
  speaks2: boolean;
  /** The server was seen to answer a wait preference with an unfinished job at once. */
  ignoresWait?: boolean;
  /** What was learned of this process's run time (ms), if anything. */
  learnedRunMs: number | undefined;
  /** The call's budget (the bridge's --wait-seconds). */
  budgetMs: number;
}

/** A process counts as short when it ran in at most this long, and in at most a quarter of the budget. */
export const SHORT_RUN_MS = 2_000;

export function planExecution(input: PlanInput): ExecutionPlan {
  const listed = input.jobControlOptions.length > 0;
  const offersSync = !listed || input.jobControlOptions.includes('sync-execute');
  const offersAsync = !listed || input.jobControlOptions.includes('async-execute');
  if (!offersSync) return { kind: 'async' };
  if (!offersAsync) return { kind: 'sync', deadlineMs: undefined };
  // RFC 7240's wait is whole seconds; a budget under one second asks for none.
  if (input.speaks2 && !input.ignoresWait) return { kind: 'wait', waitSeconds: Math.max(0, Math.floor(input.budgetMs / 1000)) };
  if (input.learnedRunMs !== undefined && input.learnedRunMs <= Math.min(SHORT_RUN_MS, input.budgetMs / 4)) {
    return { kind: 'sync', deadlineMs: input.budgetMs };
  }
  return { kind: 'async' };
}

/** Run times of processes as seen (the latest run counts most), per process id. */
export class RunTimes {
  readonly #ms = new Map<string, number>();
  readonly #max: number;

  constructor(maxProcesses = 10_000) {
    this.#max = maxProcesses;
  }

  get(processId: string): number | undefined {
    return this.#ms.get(processId);
  }

  /** Remembers a run; a slow run is remembered at once, a fast one blended with what was known. */
  record(processId: string, ms: number): void {
    const known = this.#ms.get(processId);
    const next = known === undefined || ms > known ? ms : (known + ms) / 2;
    this.#ms.delete(processId);
    if (this.#ms.size >= this.#max) this.#ms.delete(this.#ms.keys().next().value as string);
    this.#ms.set(processId, next);
  }

  /** A synchronous run outlived its deadline: the process is slow. */
  markSlow(processId: string, ms: number): void {
    this.#ms.set(processId, Math.max(ms, this.#ms.get(processId) ?? 0));
  }
}

/** How long a job ran, from the server's own timestamps when it gave them. */
export function jobRunMs(job: { started?: string; finished?: string; created?: string }, wallMs: number): number {
  const start = Date.parse(job.started ?? job.created ?? '');
  const end = Date.parse(job.finished ?? '');
  if (!Number.isNaN(start) && !Number.isNaN(end) && end >= start) return end - start;
  return wallMs;
}
