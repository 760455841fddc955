// The project's own process descriptions in the shapes of each server dialect
// (test/fixtures/dialects, see its README) become valid tools and valid execute
// requests. The same checks over the real documents are in corpus.test.ts.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeDescriptions } from '../../support/description-suite.js';
import { dialectsDir, processDescriptions } from '../../support/document-tree.js';
import { officialValidator } from '../../support/official-schemas.js';
import { sharedMissing } from '../../support/shared-data.js';

const entries = processDescriptions(dialectsDir);

describe('dialect fixtures of process descriptions', () => {
  it('cover the eight implementations and the specification', () => {
    expect([...new Set(entries.map((e) => e.implementation))]).toEqual([
      'dewberry-process-api',
      'eozilla',
      'javaps-52north',
      'ogc-spec',
      'pygeoapi',
      's2gos',
      'unity-sps',
      'weaver',
      'zoo-project',
    ]);
    expect(entries).toHaveLength(27);
  });

  describeDescriptions({
    entries,
    snapshotDir: path.join(import.meta.dirname, '__snapshots__', 'dialects'),
    // The official schema checks the same requests more strictly when the shared data is there.
    validateExecute: sharedMissing ? undefined : officialValidator('execute'),
  });
});
