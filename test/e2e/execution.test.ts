// Running processes through the built CLI with --demo: outputs, progress,
// failures, images and links, and results as resources.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callTool, ERAS, startCli, structured, textOf, type CliSession } from './helpers.js';

describe.each(ERAS)('running demo processes through `ogc-processes-mcp --demo` (%s client)', (era) => {
  let cli: CliSession;
  beforeAll(async () => {
    cli = await startCli(['--demo'], {}, era);
    await cli.client.listTools();
  });
  afterAll(async () => {
    await cli?.close();
  });

  it('returns the primes between 0 and 20 as structured outputs', async () => {
    const result = await callTool(cli.client, 'primes_between', { min_val: 0, max_val: 20 });
    expect(result.isError).toBeFalsy();
    const content = structured<{ status: string; outputs: { return_value: number[] } }>(result);
    expect(content.status).toBe('successful');
    expect(content.outputs.return_value).toEqual([2, 3, 5, 7, 11, 13, 17, 19]);
    expect(textOf(result)).toContain('19');
  });

  it('sends increasing progress while sleep_a_while runs, then succeeds', async () => {
    const seen: { progress: number; total?: number; message?: string }[] = [];
    const result = await callTool(cli.client, 'sleep_a_while', { duration: 2 }, { onprogress: (p) => void seen.push(p) });
    expect(result.isError).toBeFalsy();
    expect(structured<{ status: string; jobId: string }>(result)).toMatchObject({ status: 'successful', jobId: expect.any(String) });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.progress).toBeGreaterThan(seen[i - 1]!.progress);
    expect(seen.every((p) => p.total === 100)).toBe(true);
    // 100 is sent just before the result; whether an SDK client still takes it in is its own race.
    expect(seen.every((p) => p.progress <= 100)).toBe(true);
  });

  it("reports a failed job as an error result with the job's own message", async () => {
    const result = await callTool(cli.client, 'sleep_a_while', { duration: 0.2, fail: true });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('Woke up too early');
  });

  it('returns the PNG of render_thumbnail as image content', async () => {
    const result = await callTool(cli.client, 'render_thumbnail', { width: 16, height: 16 });
    expect(result.isError).toBeFalsy();
    const image = result.content.find((c) => c.type === 'image');
    expect(image).toMatchObject({ type: 'image', mimeType: 'image/png' });
    const bytes = Buffer.from((image as { data: string }).data, 'base64');
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('returns the link output of simulate_scene as a resource_link', async () => {
    const result = await callTool(cli.client, 'simulate_scene', {});
    expect(result.isError, textOf(result)).toBeFalsy();
    const link = result.content.find((c) => c.type === 'resource_link');
    expect(link).toMatchObject({ type: 'resource_link', uri: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//) });
  });

  it('serves the whole results of a job as a resource', async () => {
    const result = await callTool(cli.client, 'primes_between', { min_val: 50, max_val: 60 });
    const { jobId } = structured<{ jobId?: string }>(result);
    expect(jobId).toBeTruthy();
    const templates = await cli.client.listResourceTemplates();
    expect(templates.resourceTemplates.map((t) => t.uriTemplate)).toContain('ogc-job://{jobId}/results');
    const whole = await cli.client.readResource({ uri: `ogc-job://${encodeURIComponent(jobId!)}/results` });
    expect(JSON.parse((whole.contents[0] as { text: string }).text)).toMatchObject({ return_value: [53, 59] });
    const one = await cli.client.readResource({ uri: `ogc-job://${encodeURIComponent(jobId!)}/results/return_value` });
    expect(JSON.parse((one.contents[0] as { text: string }).text)).toEqual([53, 59]);
  });

  it('runs any process by id through execute_process', async () => {
    const result = await callTool(cli.client, 'execute_process', { process_id: 'primes_between', inputs: { min_val: 10, max_val: 20 } });
    expect(structured<{ outputs: { return_value: number[] } }>(result).outputs.return_value).toEqual([11, 13, 17, 19]);
  });
});
