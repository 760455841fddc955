// A closed-loop load generator: `concurrency` workers, each starting its next
// call when the previous one is answered, for a fixed time.

export interface LoadResult {
  completed: number;
  errors: number;
  seconds: number;
  perSecond: number;
  firstError?: string;
}

export async function closedLoop(
  concurrency: number,
  durationMs: number,
  call: (worker: number) => Promise<void>,
): Promise<LoadResult> {
  let completed = 0;
  let errors = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const end = start + durationMs;
  const worker = async (index: number) => {
    while (performance.now() < end) {
      try {
        await call(index);
        completed++;
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)));
  const seconds = (performance.now() - start) / 1000;
  return { completed, errors, seconds, perSecond: completed / seconds, ...(firstError ? { firstError } : {}) };
}
