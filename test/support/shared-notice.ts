// vitest globalSetup: says once, for the whole run, which tests are skipped
// because the shared data is missing (each file skips its own through
// describe.skipIf). Importing shared-data.ts throws when REQUIRE_SHARED=1.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './repo.js';
import { SHARED_SKIP_REASON, sharedMissing } from './shared-data.js';

/** Test files that import the shared-data helper, relative to the repository. */
function sharedDataTests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sharedDataTests(full);
    if (!entry.name.endsWith('.test.ts')) return [];
    return fs.readFileSync(full, 'utf8').includes("support/shared-data.js'") ? [path.relative(repoRoot, full)] : [];
  });
}

export default function setup(): void {
  if (!sharedMissing) return;
  const files = sharedDataTests(path.join(repoRoot, 'test')).sort();
  console.log(`Skipping the tests that read ../shared in ${files.length} files (${files.join(', ')}): ${SHARED_SKIP_REASON}.`);
}
