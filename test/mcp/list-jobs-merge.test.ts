// list_jobs on several servers: their lists become one, newest first across
// them by the same time rule as one server's list, cut to the limit overall,
// each job naming its server; counts of what was read and left out add up.
import { describe, expect, it } from 'vitest';
import { mergeJobLists, type JobList } from '../../src/mcp/tools/list-jobs.js';

const at = (second: number) => `2026-12-04T20:00:${String(second).padStart(2, '0')}Z`;

function list(jobs: JobList['jobs'], extra: Partial<JobList> = {}): JobList {
  return { jobs, count: jobs.length, scanned: jobs.length, partial: false, ...extra };
}

describe('mergeJobLists', () => {
  it('interleaves two newest-first lists by time and applies the limit across them', () => {
    const alpha = list([
      { jobId: 'a5', status: 'running', created: at(5) },
      { jobId: 'a3', status: 'successful', created: at(3) },
      { jobId: 'a1', status: 'successful', created: at(1) },
    ]);
    const beta = list([
      { jobId: 'b4', status: 'failed', created: at(4) },
      { jobId: 'b2', status: 'successful', created: at(2) },
    ]);
    const merged = mergeJobLists([{ server: 'alpha', structured: alpha }, { server: 'beta', structured: beta }], 4);
    expect(merged.jobs.map((j) => `${j.server}/${j.jobId}`)).toEqual(['alpha/a5', 'beta/b4', 'alpha/a3', 'beta/b2']);
    expect(merged.total).toBe(4);
    expect(merged.scanned).toBe(5);
    expect(merged.partialOn).toEqual([]);
  });

  it('orders by the first time a job gives (created, else started, updated, finished)', () => {
    const alpha = list([{ jobId: 'a', status: 'successful', started: at(10), finished: at(59) }]);
    const beta = list([{ jobId: 'b', status: 'successful', updated: at(20) }]);
    const merged = mergeJobLists([{ server: 'alpha', structured: alpha }, { server: 'beta', structured: beta }], 20);
    expect(merged.jobs.map((j) => j.jobId)).toEqual(['b', 'a']);
  });

  it('puts jobs without a time last and keeps each server\'s own order among equal times', () => {
    const alpha = list([
      { jobId: 'a-same-1', status: 'successful', created: at(7) },
      { jobId: 'a-same-2', status: 'successful', created: at(7) },
      { jobId: 'a-untimed', status: 'accepted' },
    ]);
    const beta = list([
      { jobId: 'b-untimed', status: 'accepted' },
      { jobId: 'b-old', status: 'successful', created: at(1) },
    ]);
    const merged = mergeJobLists([{ server: 'alpha', structured: alpha }, { server: 'beta', structured: beta }], 20);
    expect(merged.jobs.map((j) => j.jobId)).toEqual(['a-same-1', 'a-same-2', 'b-old', 'a-untimed', 'b-untimed']);
  });

  it('counts the jobs a server left out for its size budget, sums what was read, and names the partial servers', () => {
    const alpha = list([{ jobId: 'a', status: 'successful', created: at(2) }], { omitted: 9, scanned: 300, partial: true });
    const beta = list([{ jobId: 'b', status: 'successful', created: at(1) }], { scanned: 1 });
    const merged = mergeJobLists([{ server: 'alpha', structured: alpha }, { server: 'beta', structured: beta }], 5);
    expect(merged.total).toBe(5);
    expect(mergeJobLists([{ server: 'alpha', structured: alpha }, { server: 'beta', structured: beta }], 50).total).toBe(11);
    expect(merged.scanned).toBe(301);
    expect(merged.partialOn).toEqual(['alpha']);
  });
});
