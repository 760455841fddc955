// Unfinished and failed jobs as tool results.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CallToolResultSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { failedResult, statusSummary, type ResultsJob } from '../../../src/bridge/results/index.js';
import { dialectsDir, readJson } from '../../support/document-tree.js';

/** A job status document in the shape one server sends (test/fixtures/dialects). */
function dialectJob(relative: string): ResultsJob {
  return readJson(path.join(dialectsDir, relative)) as ResultsJob;
}

function textOf(result: { content: CallToolResult['content'] }): string {
  const first = result.content[0];
  return first?.type === 'text' ? first.text : '';
}

describe('statusSummary', () => {
  it('says where a running job is and how to follow it up', () => {
    const result = statusSummary({
      jobID: 'job_5',
      status: 'running',
      processID: 'sleep_a_while',
      progress: 40,
      message: 'Step 2 of 5',
    });
    const asToolResult: CallToolResult = result;
    expect(CallToolResultSchema.safeParse(asToolResult).success).toBe(true);
    expect(result.structuredContent).toEqual({ status: 'running', jobId: 'job_5', progress: 40, message: 'Step 2 of 5' });
    const text = textOf(result);
    expect(text).toContain('Job job_5 (process sleep_a_while) is running (40% done): Step 2 of 5.');
    expect(text).toContain('get_job {"job_id":"job_5"}');
    expect(text).toContain('get_job_results {"job_id":"job_5"}');
    expect(text).toContain('dismiss_job {"job_id":"job_5"}');
  });

  it('leaves out progress and message the server did not give', () => {
    const result = statusSummary({ jobID: 'j', status: 'accepted' });
    expect(result.structuredContent).toEqual({ status: 'accepted', jobId: 'j' });
    expect(textOf(result)).toMatch(/^Job j is accepted\. It continues on the server\./);
  });

  it('reads an eozilla running job as it is', () => {
    const result = statusSummary(dialectJob('eozilla/other/job-running.json'));
    expect(result.structuredContent).toEqual({ status: 'running', jobId: 'job_0', progress: 0 });
    expect(textOf(result)).toContain('get_job {"job_id":"job_0"}');
  });

  it('does not offer to dismiss a job that was dismissed', () => {
    const result = statusSummary({ jobID: 'j', status: 'dismissed', message: 'Dismissed by user' });
    expect(textOf(result)).toContain('Job j was dismissed: Dismissed by user.');
    expect(textOf(result)).not.toContain('dismiss_job');
  });

  it('caps a server message that runs on', () => {
    const result = statusSummary({ jobID: 'j', status: 'running', message: 'log line\n'.repeat(10_000) });
    expect(textOf(result).length).toBeLessThan(2_000);
    expect(result.structuredContent.message?.endsWith('…')).toBe(true);
  });
});

describe('failedResult', () => {
  it("is an error result carrying the job's own message", () => {
    const result = failedResult({ jobID: 'job_3', status: 'failed', processID: 'sleep_a_while', message: 'Woke up too early' });
    const asToolResult: CallToolResult = result;
    expect(CallToolResultSchema.safeParse(asToolResult).success).toBe(true);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('Job job_3 (process sleep_a_while) failed: Woke up too early.');
    expect(result.structuredContent).toEqual({ status: 'failed', jobId: 'job_3', message: 'Woke up too early' });
  });

  it('adds details from an exception document when they say more', () => {
    const result = failedResult(
      { jobID: 'j', status: 'failed', message: 'Job failed.' },
      { type: 'about:blank', title: 'NoApplicableCode', detail: 'ValueError: duration must be >= 0' },
    );
    expect(textOf(result)).toContain('Job j failed: Job failed.\nDetails: NoApplicableCode: ValueError: duration must be >= 0');
    expect(result.structuredContent.message).toBe('Job failed.');
  });

  it('uses the details when the job has no message, and says so when there is nothing', () => {
    const fromDetails = failedResult({ jobID: 'j', status: 'failed' }, 'disk full');
    expect(textOf(fromDetails)).toContain('Job j failed: disk full.');
    expect(fromDetails.structuredContent.message).toBe('disk full');
    const bare = failedResult({ jobID: 'j', status: 'failed', message: '  ' });
    expect(textOf(bare)).toContain('Job j failed; the server gave no reason.');
    expect(bare.structuredContent).toEqual({ status: 'failed', jobId: 'j' });
  });

  it('reads a Weaver failed job (null start, percentCompleted)', () => {
    const result = failedResult(dialectJob('weaver/other/job_status_failed.json'));
    expect(textOf(result)).toContain('Job 5d0c2a7e-1f3b-4c8d-9e6a-0b1c2d3e4f50 failed: Job failed.');
    expect(result.structuredContent.jobId).toBe('5d0c2a7e-1f3b-4c8d-9e6a-0b1c2d3e4f50');
  });

  it('takes an Error as details', () => {
    const result = failedResult({ jobID: 'j', status: 'failed' }, new Error('results unreachable'));
    expect(textOf(result)).toContain('failed: results unreachable.');
  });
});
