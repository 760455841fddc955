// Every real process description in the shared corpus becomes a valid tool (or
// is skipped on purpose, with its reason), and an example call of each tool
// maps to an execute request that the official OGC execute schema accepts.
// The same checks over the project's own fixtures are in dialects.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeDescriptions } from '../../support/description-suite.js';
import { processDescriptions } from '../../support/document-tree.js';
import { officialValidator } from '../../support/official-schemas.js';
import { corpusDir, sharedMissing } from '../../support/shared-data.js';

describe.skipIf(sharedMissing)('corpus of real process descriptions', () => {
  const entries = sharedMissing ? [] : processDescriptions(corpusDir);

  it('holds the 27 descriptions SOURCES.tsv lists', () => {
    const listed = fs
      .readFileSync(path.join(corpusDir, 'SOURCES.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t')[0])
      .filter((file) => file !== undefined && file !== '' && !file.includes('/other/'));
    expect(entries.map((e) => e.file).sort()).toEqual(listed.sort());
    expect(entries).toHaveLength(27);
  });

  describeDescriptions({
    entries,
    snapshotDir: path.join(import.meta.dirname, '__snapshots__', 'corpus'),
    validateExecute: sharedMissing ? undefined : officialValidator('execute'),
  });
});
