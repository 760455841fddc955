// A real browser for the web tests: Debian's chromium (or CHROMIUM_PATH),
// driven by playwright-core. Without one the browser tests are skipped with a
// printed line; CI installs chromium (.ci/run), so there they always run.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { repoRoot } from '../support/repo.js';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const browserPath: string | undefined = CANDIDATES.find((p): p is string => typeof p === 'string' && p !== '' && existsSync(p));

if (!browserPath && process.env.REQUIRE_BROWSER === '1') {
  // CI sets this: there the browser tests must run, never be skipped.
  throw new Error('REQUIRE_BROWSER=1 but no Chromium was found (set CHROMIUM_PATH or install chromium)');
}
if (!browserPath) {
  process.stdout.write('[test/app] no Chromium found (apt-get install chromium, or set CHROMIUM_PATH): browser tests skipped\n');
}

/** Test artifacts (screenshots), kept out of git. */
export const ARTIFACTS = join(repoRoot, 'test-artifacts');
/** Screenshots the README shows, committed. */
export const DOCS_IMAGES = join(repoRoot, 'docs', 'images');

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/**
 * Where a README screenshot goes: test-artifacts/ always, and docs/images/
 * (committed) only when asked (`npm run screenshots`), so that a test run
 * leaves the checkout clean.
 */
export function screenshotPaths(name: string): string[] {
  const paths = [artifactPath(name)];
  if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') {
    mkdirSync(DOCS_IMAGES, { recursive: true });
    paths.push(join(DOCS_IMAGES, name));
  }
  return paths;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: browserPath!,
    headless: true,
    // Flags for a closed network and a root user (node.md): no sandbox, no background traffic.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
