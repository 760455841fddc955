// vitest globalSetup: says once, for the whole run, which tests are skipped
// because the shared data is missing (each file skips its own through
// describe.skipIf). Importing shared-data.ts throws when REQUIRE_SHARED=1.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './repo.js';
import { SHARED_SKIP_REASON, sharedMissing } from './shared-data.js';

/** Test files whose tests depend on the shared data, relative to the repository. */
function sharedDataTests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sharedDataTests(full);
    if (!entry.name.endsWith('.test.ts')) return [];
    return /\bsharedMissing\b/.test(fs.readFileSync(full, 'utf8')) ? [path.relative(repoRoot, full)] : [];
  });
}

export default function setup(): void {
  if (!sharedMissing) return;
  const files = sharedDataTests(path.join(repoRoot, 'test')).sort();
  console.log(`Skipped: the tests that read the official OGC schemas or the real-server corpus (in ${files.join(', ')}), because ${SHARED_SKIP_REASON}.`);
}
