import { describe, expect, it } from 'vitest';
import { RunTimes, jobRunMs, planExecution } from '../../src/ogc/execution-plan.js';

const BOTH = ['sync-execute', 'async-execute'];

describe('planExecution', () => {
  it('runs async-only processes as jobs and sync-only ones synchronously', () => {
    expect(planExecution({ jobControlOptions: ['async-execute'], speaks2: true, learnedRunMs: 1, budgetMs: 30_000 })).toEqual({ kind: 'async' });
    expect(planExecution({ jobControlOptions: ['sync-execute'], speaks2: false, learnedRunMs: undefined, budgetMs: 30_000 })).toEqual({ kind: 'sync', deadlineMs: undefined });
  });

  it('asks a 2.0 server for both with a wait preference', () => {
    expect(planExecution({ jobControlOptions: BOTH, speaks2: true, learnedRunMs: undefined, budgetMs: 30_000 })).toEqual({ kind: 'wait', waitSeconds: 30 });
  });

  it('treats a 2.0 server that answers a wait with a job at once like a 1.0 server', () => {
    expect(planExecution({ jobControlOptions: BOTH, speaks2: true, ignoresWait: true, learnedRunMs: undefined, budgetMs: 30_000 })).toEqual({ kind: 'async' });
    expect(planExecution({ jobControlOptions: BOTH, speaks2: true, ignoresWait: true, learnedRunMs: 40, budgetMs: 30_000 })).toEqual({ kind: 'sync', deadlineMs: 30_000 });
    expect(planExecution({ jobControlOptions: BOTH, speaks2: true, ignoresWait: false, learnedRunMs: 40, budgetMs: 30_000 })).toEqual({ kind: 'wait', waitSeconds: 30 });
  });

  it('on a 1.0 server, runs a process synchronously once it was seen to be short', () => {
    expect(planExecution({ jobControlOptions: BOTH, speaks2: false, learnedRunMs: undefined, budgetMs: 30_000 })).toEqual({ kind: 'async' });
    expect(planExecution({ jobControlOptions: BOTH, speaks2: false, learnedRunMs: 40, budgetMs: 30_000 })).toEqual({ kind: 'sync', deadlineMs: 30_000 });
    expect(planExecution({ jobControlOptions: BOTH, speaks2: false, learnedRunMs: 5_000, budgetMs: 30_000 })).toEqual({ kind: 'async' });
    expect(planExecution({ jobControlOptions: BOTH, speaks2: false, learnedRunMs: 400, budgetMs: 1_000 })).toEqual({ kind: 'async' });
    expect(planExecution({ jobControlOptions: [], speaks2: false, learnedRunMs: 10, budgetMs: 30_000 })).toEqual({ kind: 'sync', deadlineMs: 30_000 });
  });
});

describe('RunTimes', () => {
  it('remembers slow runs at once and blends fast ones', () => {
    const times = new RunTimes(2);
    times.record('a', 100);
    times.record('a', 10_000);
    expect(times.get('a')).toBe(10_000);
    times.record('a', 0);
    expect(times.get('a')).toBe(5_000);
    times.record('b', 1);
    times.record('c', 1);
    expect(times.get('a')).toBeUndefined();
    times.markSlow('c', 9_000);
    expect(times.get('c')).toBe(9_000);
  });

  it('measures a job by its own timestamps when it has them', () => {
    expect(jobRunMs({ started: '2024-01-01T00:00:00.000Z', finished: '2024-01-01T00:00:00.250Z' }, 999)).toBe(250);
    expect(jobRunMs({}, 999)).toBe(999);
  });
});
