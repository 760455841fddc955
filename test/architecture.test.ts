// The import graph of src/ as the layers promise it: cli -> mcp -> bridge ->
// ogc -> util, the demo server apart, no cycles, and the rooms of the bridge
// entered through their index.ts only. Read from the sources themselves, so
// that a new import that breaks the picture fails here.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');

// Higher layers may import lower ones and their own, never the other way.
const LAYERS: Readonly<Record<string, number>> = {
  util: 0,
  log: 1,
  ogc: 1,
  bridge: 2,
  mcp: 3,
  // The command line's flags and environment: only the entry points read them.
  config: 4,
  cli: 5,
  app: 5,
  index: 6,
};
// The demo server is a separate part: it uses only the OGC models and the helpers.
const DEMO_MAY_IMPORT = new Set(['demo', 'ogc', 'util']);
// Who may start the demo server.
const DEMO_IMPORTERS = new Set(['demo', 'cli', 'app', 'index']);
// Cycles being taken apart elsewhere; each must still exist (remove it here once it is gone).
const KNOWN_CYCLES: readonly string[] = [];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

// `import x from '...'`, `export ... from '...'`, `import '...'` and `import('...')`.
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|\bimport\s*\(?\s*['"](\.[^'"]+)['"]/g;

/** Relative imports of a file, as src-relative paths of .ts files. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => {
    const target = path.resolve(path.dirname(file), (m[1] ?? m[2]) as string).replace(/\.js$/, '.ts');
    return path.relative(srcDir, target);
  });
}

/** The top-level part a src-relative path belongs to: its first folder, or a top-level file's name. */
function areaOf(relative: string): string {
  const [first] = relative.split(path.sep);
  return (first as string).replace(/\.ts$/, '');
}

const files = sourceFiles(srcDir).map((f) => path.relative(srcDir, f));
const graph = new Map(files.map((f) => [f, importsOf(path.join(srcDir, f))]));

describe('import graph of src/', () => {
  it('finds the sources and their imports', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(graph.get(path.join('bridge', 'describe', 'tool.ts'))).toContain(path.join('ogc', 'index.ts'));
  });

  it('imports only files that exist', () => {
    const missing = [...graph].flatMap(([from, targets]) => targets.filter((t) => !graph.has(t)).map((t) => `${from} -> ${t}`));
    expect(missing).toEqual([]);
  });

  it('knows the layer of every part', () => {
    const unknown = [...new Set(files.map(areaOf))].filter((area) => area !== 'demo' && LAYERS[area] === undefined);
    expect(unknown, 'add new top-level parts to LAYERS').toEqual([]);
  });

  it('points every import down the layers (cli -> mcp -> bridge -> ogc -> util), the demo apart', () => {
    const wrong: string[] = [];
    for (const [from, targets] of graph) {
      const source = areaOf(from);
      for (const target of targets) {
        const to = areaOf(target);
        if (source === to) continue;
        if (source === 'demo') {
          if (!DEMO_MAY_IMPORT.has(to)) wrong.push(`${from} -> ${target} (the demo uses only ogc and util)`);
        } else if (to === 'demo') {
          if (!DEMO_IMPORTERS.has(source)) wrong.push(`${from} -> ${target} (only the entry points start the demo)`);
        } else if ((LAYERS[to] ?? Infinity) > (LAYERS[source] ?? -Infinity)) {
          wrong.push(`${from} -> ${target} (points up)`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('enters each room of the bridge through its index.ts', () => {
    const wrong: string[] = [];
    for (const [from, targets] of graph) {
      for (const target of targets) {
        const parts = target.split(path.sep);
        if (parts[0] !== 'bridge' || parts.length < 3) continue;
        const room = path.join(parts[0], parts[1] as string);
        if (!from.startsWith(room + path.sep) && parts[2] !== 'index.ts') wrong.push(`${from} -> ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const trail: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      trail.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') cycles.push([...trail.slice(trail.indexOf(next)), next].join(' -> '));
        else if (!state.has(next) && graph.has(next)) visit(next);
      }
      trail.pop();
      state.set(file, 'done');
    };
    for (const file of [...files].sort()) if (!state.has(file)) visit(file);
    const known = KNOWN_CYCLES.map((c) => c.split('/').join(path.sep));
    expect(cycles.filter((c) => !known.includes(c))).toEqual([]);
    expect(known.filter((c) => !cycles.includes(c)), 'gone: remove from KNOWN_CYCLES').toEqual([]);
  });
});
