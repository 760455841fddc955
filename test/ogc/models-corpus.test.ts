// The tolerant zod models over every real document in the shared corpus and
// the official examples. The same checks over the project's own documents, and
// what the models keep and normalize, are in models.test.ts.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentSchemas, type DocumentKind } from '../../src/ogc/models.js';
import { otherDocuments, processDescriptions, readJson } from '../support/document-tree.js';
import { itParsesEveryDescription, itParsesEveryDocument } from '../support/models-suite.js';
import { corpusDir, officialExamplesDir, sharedMissing } from '../support/shared-data.js';

describe.skipIf(sharedMissing)('corpus/*/other documents', () => {
  const files = sharedMissing ? [] : otherDocuments(corpusDir);

  it('are all there (39 documents from three implementations)', () => {
    expect(files.length).toBe(39);
  });

  itParsesEveryDocument(corpusDir, files);
});

describe.skipIf(sharedMissing)('corpus process descriptions', () => {
  const entries = sharedMissing ? [] : processDescriptions(corpusDir);

  it('are all 27 there', () => {
    expect(entries).toHaveLength(27);
  });

  itParsesEveryDescription(entries);
});

describe.skipIf(sharedMissing)('official examples', () => {
  const cases: Array<[string, DocumentKind]> = [
    ['ConfClasses.json', 'conformance'],
    ['Execute.json', 'execute'],
    ['JobList.json', 'jobList'],
    ['LandingPage.json', 'landingPage'],
    ['ProcessDescription.json', 'process'],
    ['ProcessList.json', 'processList'],
    ['Result.json', 'results'],
    ['StatusInfo.json', 'statusInfo'],
    ['StatusInfo-dismissed.json', 'statusInfo'],
  ];
  it.each(cases)('%s parses as %s', (file, kind) => {
    const result = documentSchemas[kind].safeParse(readJson(path.join(officialExamplesDir, file)));
    expect(result.error).toBeUndefined();
    expect(result.success).toBe(true);
  });
});
