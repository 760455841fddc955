// The results resource of Weaver jobs without results in the 2026-07-28 era
// (v2 client, the built CLI over HTTP): the same resource-not-found (-32602,
// data {uri}) and messages as in 2025-11-25, without the v1 prefix.
import { ProtocolError, ResourceNotFoundError } from '@modelcontextprotocol/server';
import { describe, expect, it } from 'vitest';
import { refusal, replaySessions } from './helpers.js';

const session = replaySessions('weaver-6.15.0');

describe('Weaver 6.15 results resources (2026-07-28, v2 client, the built CLI over HTTP)', () => {
  it('failed, dismissed, and an id Weaver refuses with 400 NoSuchJob: resource not found, the bridge\'s message', async () => {
    const client = await session.startModern(['failed-job', 'dismiss', 'errors']);
    const readError = (uri: string) => refusal<ProtocolError>(() => client.readResource({ uri }), uri);
    expect(client.protocolVersion).toBe('2026-07-28');

    const failed = await client.callTool('execute_process', { process_id: 'always-fail', inputs: { grid: 'empty' }, wait_seconds: 5 });
    const failedId = (failed.structuredContent as { jobId: string }).jobId;
    const failedError = await readError(`ogc-job://${failedId}/results`);
    expect(failedError).toBeInstanceOf(ResourceNotFoundError);
    expect(failedError.code).toBe(-32602);
    expect(failedError.message).toBe(`Job ${failedId} failed: The job failed: the grid has no cells. It has no results.`);

    const running = await client.callTool('execute_process', { process_id: 'slow-sum', inputs: { values: [1, 2, 3, 4] }, wait_seconds: 0.02 });
    const runningId = (running.structuredContent as { jobId: string }).jobId;
    const dismissed = await client.callTool('dismiss_job', { job_id: runningId });
    expect(dismissed.structuredContent).toMatchObject({ status: 'dismissed' });
    const dismissedError = await readError(`ogc-job://${runningId}/results`);
    expect(dismissedError).toBeInstanceOf(ResourceNotFoundError);
    expect(dismissedError.message).toBe(`Job ${runningId} was dismissed: The job was dismissed. It has no results.`);

    const uri = 'ogc-job://no-such-job/results';
    const gone = await readError(uri);
    expect(gone).toBeInstanceOf(ResourceNotFoundError);
    expect(gone.code).toBe(-32602);
    expect(gone.data).toEqual({ uri });
    expect(gone.message).toMatch(/^Job no-such-job is gone: /);
  });
});
