// The data beside the repository: the official OGC API - Processes schemas and
// examples, and the corpus of documents from real servers. CI puts a `shared`
// folder next to the checkout; a lone clone has none, and the tests that read it
// are skipped (describe.skipIf(sharedMissing)). With REQUIRE_SHARED=1 (set by
// .ci/run) a missing folder is an error instead, so CI cannot skip them silently.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './repo.js';

export const sharedDir: string = path.resolve(repoRoot, '..', 'shared');

/** The official Part 1 1.0 OpenAPI schemas (YAML) and JSON examples. */
export const officialSchemasDir: string = path.join(sharedDir, 'ogcapi-processes', 'core', 'openapi', 'schemas');
export const officialExamplesDir: string = path.join(sharedDir, 'ogcapi-processes', 'core', 'examples', 'json');

/** Real process descriptions and other documents, one folder per implementation. */
export const corpusDir: string = path.join(sharedDir, 'corpus');

export const sharedMissing: boolean = !fs.existsSync(officialSchemasDir) || !fs.existsSync(corpusDir);

export const SHARED_SKIP_REASON = `${sharedDir} (official OGC schemas and real-server corpus) is not beside the repository`;

if (sharedMissing && process.env.REQUIRE_SHARED === '1') {
  throw new Error(`REQUIRE_SHARED=1 but ${SHARED_SKIP_REASON}: the tests that read it would be skipped.`);
}
