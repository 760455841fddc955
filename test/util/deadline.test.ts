import { describe, expect, it } from 'vitest';
import { withDeadline } from '../../src/util/deadline.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('withDeadline', () => {
  it('aborts when the deadline passes, and says so', async () => {
    const deadline = withDeadline(undefined, 20);
    expect(deadline.signal.aborted).toBe(false);
    await tick(60);
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.expired).toBe(true);
    expect((deadline.signal.reason as DOMException).name).toBe('TimeoutError');
    deadline.dispose();
  });

  it('aborts with the parent, keeping its reason, without counting as expired', () => {
    const parent = new AbortController();
    const deadline = withDeadline(parent.signal, 10_000);
    parent.abort(new Error('client cancelled'));
    expect(deadline.signal.aborted).toBe(true);
    expect((deadline.signal.reason as Error).message).toBe('client cancelled');
    expect(deadline.expired).toBe(false);
    deadline.dispose();
  });

  it('starts aborted under an aborted parent', () => {
    const deadline = withDeadline(AbortSignal.abort('gone'), undefined);
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.signal.reason).toBe('gone');
  });

  it('after dispose, neither the timer nor the parent aborts it', async () => {
    const parent = new AbortController();
    const deadline = withDeadline(parent.signal, 20);
    deadline.dispose();
    parent.abort();
    await tick(60);
    expect(deadline.signal.aborted).toBe(false);
    expect(deadline.expired).toBe(false);
  });
});
