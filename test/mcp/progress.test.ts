import { describe, expect, it } from 'vitest';
import { ProgressReporter, type ProgressUpdate } from '../../src/mcp/progress.js';

function recorder(): { sent: ProgressUpdate[]; reporter: ProgressReporter } {
  const sent: ProgressUpdate[] = [];
  return { sent, reporter: new ProgressReporter(async (u) => void sent.push(u)) };
}

describe('progress reporting', () => {
  it('keeps progress strictly increasing whatever the job reports', () => {
    const { sent, reporter } = recorder();
    reporter.update(undefined, 'accepted');
    reporter.update(10, 'running');
    reporter.update(10, 'running'); // nothing new: not sent
    reporter.update(5, 'running: step 2'); // went back, new message: a small step forward
    reporter.heartbeat();
    reporter.update(100, 'running'); // 100 is kept for success
    reporter.complete();
    reporter.update(100, 'late');
    const values = sent.map((u) => u.progress);
    expect(values.length).toBe(6);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]!);
    expect(values.at(-2)).toBe(99);
    expect(sent.at(-1)).toEqual({ progress: 100, total: 100, message: 'successful' });
    expect(sent.every((u) => u.total === 100)).toBe(true);
  });

  it('never reaches 100 before success, however many heartbeats', () => {
    const { sent, reporter } = recorder();
    reporter.update(99, 'running');
    for (let i = 0; i < 1000; i++) reporter.heartbeat();
    expect(sent.every((u) => u.progress < 100)).toBe(true);
    const values = sent.map((u) => u.progress);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]!);
  });

  it('is silent after stop', () => {
    const { sent, reporter } = recorder();
    reporter.update(20, 'running');
    reporter.stop();
    reporter.update(50, 'running');
    reporter.heartbeat();
    reporter.complete();
    expect(sent).toHaveLength(1);
  });
});
