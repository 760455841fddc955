// A job list of bare ids (Weaver's default) is asked again with details.
import { describe, expect, it } from 'vitest';
import { listsBareIds, withDetail } from '../../src/ogc/bare-job-ids.js';
import { JobListSchema } from '../../src/ogc/models.js';

const jobsOf = (jobs: unknown[]) => JobListSchema.parse({ jobs, links: [] }).jobs;

describe('listsBareIds', () => {
  it('is true for a page of bare ids only', () => {
    expect(listsBareIds(jobsOf(['a', 'b']))).toBe(true);
  });

  it('is false for documents, a mixed page, or an empty one', () => {
    expect(listsBareIds(jobsOf([{ jobID: 'a', status: 'running', processID: 'p' }]))).toBe(false);
    expect(listsBareIds(jobsOf(['a', { jobID: 'b', status: 'failed', created: '2026-01-01T00:00:00Z' }]))).toBe(false);
    expect(listsBareIds(jobsOf([]))).toBe(false);
  });
});

describe('withDetail', () => {
  it('adds detail=true to the query as sent', () => {
    expect(withDetail({ origin: 'http://h', path: '/api/jobs?limit=100&status=failed' })).toEqual({ origin: 'http://h', path: '/api/jobs?limit=100&status=failed&detail=true' });
    expect(withDetail({ origin: 'http://h', path: '/jobs' })).toEqual({ origin: 'http://h', path: '/jobs?detail=true' });
  });

  it('leaves a request that already says which detail it wants', () => {
    expect(withDetail({ origin: 'http://h', path: '/jobs?detail=false' })).toBeUndefined();
  });
});
