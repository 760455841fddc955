// The web app in a real browser (Debian's chromium via playwright-core)
// against the embedded demo server: forms filled and run, a box drawn on the
// map, live progress, dismissal, and a GeoJSON result drawn on the map.
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, browserPath, launchBrowser, screenshotPaths } from './browser.js';
import { startAppHarness, type AppHarness } from './harness.js';

describe.skipIf(!browserPath)('web app in a browser', () => {
  let harness: AppHarness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    harness = await startAppHarness();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(harness.app.url);
    await page.waitForSelector('body[data-ready="true"]');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const openProcess = async (id: string) => {
    await page.click(`button.process-item[data-process-id="${id}"]`);
    await page.waitForSelector('#process-title');
    await expect.poll(() => page.textContent('#process-title')).toContain(id);
  };
  const requestJson = async () => JSON.parse((await page.textContent('.request-json')) ?? '{}') as { process_id: string; inputs: Record<string, unknown> };
  const jobRow = (jobId: string) => `li.job[data-job-id="${jobId}"]`;
  const startedJobId = async (): Promise<string> => {
    await expect.poll(() => page.textContent('.run-status'), { timeout: 10_000 }).toMatch(/Started job/);
    return /Started job (\S+)/.exec((await page.textContent('.run-status'))!)![1]!;
  };

  it('lists the processes and filters them', async () => {
    const ids = await page.$$eval('button.process-item', (els) => els.map((e) => (e as unknown as { dataset: Record<string, string> }).dataset.processId));
    expect(ids).toEqual(expect.arrayContaining(['sleep_a_while', 'simulate_scene', 'bbox_area', '218']));
    await page.fill('#process-search', 'bounding');
    expect(await page.$$eval('button.process-item', (els) => els.map((e) => (e as unknown as { dataset: Record<string, string> }).dataset.processId))).toEqual(['bbox_area']);
    await page.fill('#process-search', '');
  });

  it('bbox_area: a box drawn on the map goes into the request; the run shows the box and its area', async () => {
    await openProcess('bbox_area');
    const map = page.locator('.field[data-input="bbox"] .geo-map');
    await map.locator('.geo-draw-toggle').click();
    const box = (await map.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.35);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.45, { steps: 5 });
    await page.mouse.up();
    const numbers = await page.$$eval('.field[data-input="bbox"] .box-number input', (els) => els.map((e) => Number((e as unknown as { value: string }).value)));
    const [west, south, east, north] = numbers as [number, number, number, number];
    expect(west).toBeLessThan(east);
    expect(south).toBeLessThan(north);
    await expect.poll(async () => (await requestJson()).inputs.bbox).toEqual({ bbox: numbers, crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84' });
    expect((await requestJson()).process_id).toBe('bbox_area');

    await page.click('form.process-form button[type="submit"]');
    const jobId = await startedJobId();
    await page.waitForSelector(`.job-results[data-ready="${jobId}"]`, { timeout: 15_000 });
    const area = await page.textContent('.job-results dd[data-output="area"]');
    expect(Number(area!.replace(/,/g, ''))).toBeGreaterThan(0);
    // The input box is drawn with the results, named in the legend.
    expect(Number(await page.getAttribute('.job-results', 'data-features'))).toBeGreaterThanOrEqual(1);
    expect(await page.textContent('.job-results .geo-legend')).toContain('input Bounding box');
    expect(await page.locator('.job-results path.geo-feature').count()).toBeGreaterThanOrEqual(1);
    const shot = await page.screenshot();
    for (const path of screenshotPaths('web-app.png')) writeFileSync(path, shot);
  });

  it('simulate_scene: advanced inputs behind the switch, the form filled and run, the link shown', async () => {
    await openProcess('simulate_scene');
    expect(await page.isVisible('.field[data-input="resolution"]')).toBe(false);
    await page.check('label.switch input');
    expect(await page.isVisible('.field[data-input="resolution"]')).toBe(true);
    await page.fill('.field[data-input="var_names"] input', 'ndvi, lai');
    const boxInputs = page.locator('.field[data-input="bbox"] .box-number input');
    for (const [i, v] of ['5', '45', '10', '50'].entries()) await boxInputs.nth(i).fill(v);
    await page.fill('.field[data-input="periodicity"] input', '7');
    await expect.poll(async () => (await requestJson()).inputs).toMatchObject({ var_names: 'ndvi, lai', bbox: [5, 45, 10, 50], periodicity: 7 });
    await page.click('form.process-form button[type="submit"]');
    const jobId = await startedJobId();
    await page.waitForSelector(`.job-results[data-ready="${jobId}"]`, { timeout: 15_000 });
    expect(await page.textContent('.job-results dd[data-output="return_value"]')).toContain('application/zarr');
    expect(await page.textContent('.job-results .geo-legend')).toContain('input Bounding box');
  });

  it('return_base_model: a value-or-link input takes JSON, or a link instead', async () => {
    await openProcess('return_base_model');
    await page.fill('.field[data-input="scene_spec"] textarea', '{"threshold": 0.5, "factor": 2}');
    await expect.poll(async () => (await requestJson()).inputs.scene_spec).toEqual({ threshold: 0.5, factor: 2 });
    await page.getByRole('radio', { name: 'Link' }).check();
    await page.getByLabel('URL of the value').fill('https://data.example.org/spec.json');
    await expect.poll(async () => (await requestJson()).inputs.scene_spec).toEqual({ href: 'https://data.example.org/spec.json' });
  });

  it('render_thumbnail: an image output is shown as an image', async () => {
    await openProcess('render_thumbnail');
    await page.getByRole('radio', { name: 'checkerboard' }).check();
    await page.click('form.process-form button[type="submit"]');
    const jobId = await startedJobId();
    await page.waitForSelector(`.job-results[data-ready="${jobId}"]`, { timeout: 15_000 });
    const size = await page.$eval('.job-results dd[data-output="image"] img', (img) => (img as unknown as { naturalWidth: number }).naturalWidth);
    expect(size).toBe(64);
  });

  it('labels every control of every form (keyboard and screen reader basics)', async () => {
    for (const id of ['simulate_scene', '218', 'bbox_area', 'return_base_model', 'sleep_a_while']) {
      await openProcess(id);
      const unlabelled = await page.$$eval('main input, main select, main textarea, main button', (els) =>
        els
          .filter((e) => {
            const el = e as unknown as { labels?: { length: number } | null; getAttribute(n: string): string | null; textContent: string | null; tagName: string };
            if (el.tagName === 'BUTTON') return !(el.textContent ?? '').trim() && !el.getAttribute('aria-label');
            return !(el.labels && el.labels.length > 0) && !el.getAttribute('aria-label');
          })
          .map((e) => (e as unknown as { outerHTML: string }).outerHTML),
      );
      expect(unlabelled, id).toEqual([]);
    }
    // The process list and the form are reachable with the keyboard alone.
    await page.focus('#process-search');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { className: string } } }).document.activeElement.className)).toContain('process-item');
  });

  it('rejects an invalid form without running it', async () => {
    await openProcess('primes_between');
    await page.fill('.field[data-input="max_val"] input', '500');
    await expect.poll(() => page.textContent('.problems')).toMatch(/max_val/);
  });

  it('sleep_a_while: progress is seen live; another job is dismissed', async () => {
    await openProcess('sleep_a_while');
    await page.fill('.field[data-input="duration"] input', '4');
    await page.click('form.process-form button[type="submit"]');
    const jobId = await startedJobId();
    const progress = new Set<number>();
    await expect
      .poll(async () => {
        const v = await page.getAttribute(`${jobRow(jobId)} progress`, 'value').catch(() => null);
        if (v !== null) progress.add(Number(v));
        return page.getAttribute(jobRow(jobId), 'data-status');
      }, { timeout: 15_000, interval: 100 })
      .toBe('successful');
    // Progress between start and end was shown while the job ran.
    expect([...progress].some((p) => p > 0 && p < 100)).toBe(true);
    await page.screenshot({ path: artifactPath('web-app-progress.png') });

    await page.fill('.field[data-input="duration"] input', '60');
    await page.click('form.process-form button[type="submit"]');
    const longJob = await startedJobId();
    await page.waitForSelector(`${jobRow(longJob)}[data-status="running"]`, { timeout: 10_000 });
    await page.click(`${jobRow(longJob)} button.job__dismiss`);
    await page.waitForSelector(`${jobRow(longJob)}[data-status="dismissed"], .jobs__list:not(:has(${jobRow(longJob)}))`, { timeout: 10_000 });
    await expect.poll(() => page.textContent('.jobs__notice')).toContain(`Job ${longJob} dismissed`);
  });

  it('218: the GeoJSON its result links to is drawn on the map', async () => {
    await openProcess('218');
    await page.fill('.field[data-input="start_date"] input', '2025-06-01');
    await page.fill('.field[data-input="end_date"] input', '2025-06-30');
    await page.fill('.field[data-input="geometry"] textarea', 'POLYGON((10 45, 12 45, 12 47, 10 47, 10 45))');
    await page.click('form.process-form button[type="submit"]');
    const jobId = await startedJobId();
    await page.waitForSelector(`.job-results[data-ready="${jobId}"]`, { timeout: 15_000 });
    // The input geometry and the linked FeatureCollection's feature, each a layer in the legend.
    expect(await page.textContent('.job-results .geo-legend')).toMatch(/return_value.*\(linked\)/);
    const drawn = await page.locator('.job-results path.geo-feature').count();
    expect(drawn).toBeGreaterThanOrEqual(2);
    await page.locator('.job-results .geo-map').screenshot({ path: artifactPath('geojson-result.png') });
  });
});
