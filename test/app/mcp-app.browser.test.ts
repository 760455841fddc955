// The MCP App rendered in a real browser by a minimal host page that speaks
// the Apps postMessage protocol (AppBridge) to it: the view gets tool results
// recorded from the real bridge, draws them, and follows a running job by
// calling get_job and get_job_results through the host.
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { CallToolRequest, CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { UI_RESOURCE_URI } from '../../src/mcp/app-resource.js';
import { repoRoot } from '../support/repo.js';
import { artifactPath, browserPath, launchBrowser, screenshotPaths } from './browser.js';
import { openSession, type Session } from './mcp-session.js';

describe.skipIf(!browserPath)('MCP App in a host page', () => {
  let demo: DemoServer;
  let session: Session;
  let host: http.Server;
  let hostUrl: string;
  let browser: Browser;
  let page: Page;
  let viewHtml: string;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0, host: '127.0.0.1' });
    // wait-seconds 0: a process tool answers at once, with the job still running when it is slow.
    session = await openSession(demo.url, { apps: true, waitSeconds: 0 });
    const read = await session.client.readResource({ uri: UI_RESOURCE_URI });
    viewHtml = (read.contents[0] as { text: string }).text;

    const bundle = await build({ entryPoints: [join(repoRoot, 'web/test-host/host.ts')], bundle: true, write: false, format: 'iife', logLevel: 'error' });
    const script = bundle.outputFiles[0]!.text;
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test host</title>
<style>body{font:14px system-ui;margin:16px;background:#f3f4f6} #frame-holder iframe{width:640px;height:520px;border:1px solid #ccd;border-radius:8px;background:#fff}</style>
</head><body><p>Assistant: here are the results.</p><div id="frame-holder"></div><script>${script}</script></body></html>`;
    host = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
  }, 60_000);

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 700, height: 640 } });
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.exposeFunction('hostCallTool', (params: CallToolRequest['params']) => session.client.callTool(params));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => host?.close(resolve));
    await session?.close();
    await demo?.close();
  });

  const view = () => page.frameLocator('#frame-holder iframe');
  const show = async (args: Record<string, unknown>, result: CallToolResult) => {
    await page.goto(hostUrl);
    await page.evaluate(([html, a, r]) => (globalThis as unknown as { showView(...x: unknown[]): Promise<void> }).showView(html, a, r), [viewHtml, args, result] as const);
  };

  it('draws a recorded bbox_area result: the box on the map with a legend, and the area', async () => {
    const args = { bbox: { bbox: [5.9, 45.8, 10.5, 47.8], crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84' } };
    const result = (await session.client.callTool({ name: 'bbox_area', arguments: args })) as CallToolResult;
    expect(result.structuredContent).toMatchObject({ status: 'successful', outputs: { area: expect.any(Number) } });
    await show(args, result);
    const main = view().locator('#view[data-state="results"]');
    await main.waitFor({ timeout: 15_000 });
    expect(Number(await main.getAttribute('data-features'))).toBe(1);
    expect(await view().locator('path.geo-feature').count()).toBe(1);
    expect(await view().locator('.geo-legend').textContent()).toContain('input bbox');
    const area = await view().locator('dd[data-output="area"]').textContent();
    expect(Number(area!.replace(/,/g, ''))).toBeCloseTo((result.structuredContent as { outputs: { area: number } }).outputs.area, 0);
    const shot = await page.screenshot();
    for (const path of screenshotPaths('mcp-app.png')) writeFileSync(path, shot);
  });

  it('follows a running job through the host: progress, then its results', async () => {
    const args = { duration: 5 };
    const result = (await session.client.callTool({ name: 'sleep_a_while', arguments: args })) as CallToolResult;
    expect(result.structuredContent).toMatchObject({ status: expect.stringMatching(/accepted|running/), jobId: expect.any(String) });
    await show(args, result);
    await view().locator('#view[data-state="running"] progress').waitFor({ timeout: 10_000 });
    const seen = new Set<number>();
    await expect
      .poll(async () => {
        const v = await view().locator('#view progress').getAttribute('value', { timeout: 200 }).catch(() => null);
        if (v !== null) seen.add(Number(v));
        return view().locator('#view').getAttribute('data-state');
      }, { timeout: 20_000, interval: 150 })
      .toBe('results');
    expect([...seen].some((p) => p > 0 && p < 100)).toBe(true);
    const log = await page.evaluate(() => (globalThis as unknown as { hostLog: string[] }).hostLog);
    expect(log).toEqual(expect.arrayContaining(['initialized', 'tools/call get_job', 'tools/call get_job_results']));
    await page.screenshot({ path: artifactPath('mcp-app-job.png') });
  });

  it('opens a result link through the host', async () => {
    const args = { bbox: [5, 45, 10, 50], var_names: 'a' };
    const result = (await session.client.callTool({ name: 'simulate_scene', arguments: args })) as CallToolResult;
    await show(args, result);
    await view().locator('#view[data-state="results"]').waitFor({ timeout: 15_000 });
    expect(await view().locator('.geo-legend').textContent()).toContain('input bbox');
    await view().locator('dd[data-output="return_value"] button.link-button').click();
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as { hostLog: string[] }).hostLog.find((l) => l.startsWith('open '))))
      .toMatch(/^open http:\/\/127\.0\.0\.1:\d+\/.+/);
  });

  it('shows a failed call as an error', async () => {
    const result = (await session.client.callTool({ name: 'primes_between', arguments: { min_val: 50, max_val: 10 } })) as CallToolResult;
    await show({ min_val: 50, max_val: 10 }, result);
    await view().locator('#view[data-state="error"], #view[data-state="failed"]').waitFor({ timeout: 15_000 });
  });
});
