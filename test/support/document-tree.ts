// Reading a folder of server documents laid out one folder per implementation:
// <root>/<implementation>/*.json are process descriptions and
// <root>/<implementation>/other/*.json are the other documents (status, results,
// lists, errors). The shared corpus and the project's own dialect fixtures
// (test/fixtures/dialects) share this layout, so one set of tests reads both.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './repo.js';

/** The project's own documents in the shapes of the eight implementations and the spec. */
export const dialectsDir: string = path.join(repoRoot, 'test', 'fixtures', 'dialects');

export interface DescriptionEntry {
  /** "<implementation>/<name>.json" */
  file: string;
  implementation: string;
  raw: unknown;
}

export function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function implementations(root: string): string[] {
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function processDescriptions(root: string): DescriptionEntry[] {
  return implementations(root).flatMap((implementation) =>
    fs
      .readdirSync(path.join(root, implementation))
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => ({ file: `${implementation}/${name}`, implementation, raw: readJson(path.join(root, implementation, name)) })),
  );
}

/** Every <implementation>/other/<name>.json, as that relative path ('/'-separated). */
export function otherDocuments(root: string): string[] {
  return implementations(root)
    .filter((implementation) => fs.existsSync(path.join(root, implementation, 'other')))
    .flatMap((implementation) =>
      fs
        .readdirSync(path.join(root, implementation, 'other'))
        .filter((name) => name.endsWith('.json'))
        .map((name) => `${implementation}/other/${name}`),
    )
    .sort();
}
