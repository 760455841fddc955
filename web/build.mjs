// Builds the front end into dist/web (run by `npm run build`):
// - the web app: index.html, app.js, app.css (Leaflet bundled: no CDN);
// - the MCP App: mcp-app.html, one file with every script and style inlined,
//   as MCP Apps hosts load it (no requests to anywhere).
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const out = here('../dist/web/');
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

const common = {
  bundle: true,
  minify: true,
  target: ['es2022'],
  loader: { '.png': 'dataurl', '.svg': 'dataurl' },
  legalComments: 'none',
  logLevel: 'warning',
};

await build({ ...common, entryPoints: { app: here('app/main.ts') }, outdir: out, format: 'esm' });
await copyFile(here('app/index.html'), `${out}index.html`);

const view = await build({ ...common, entryPoints: { view: here('mcp-app/main.ts') }, outdir: out, format: 'iife', write: false });
const pick = (ext) => view.outputFiles.filter((f) => f.path.endsWith(ext)).map((f) => f.text).join('\n');
// Inline text must not end its own element early.
const js = pick('.js').replace(/<\/(script)/gi, '<\\/$1');
const css = pick('.css').replace(/<\/(style)/gi, '<\\/$1');
const template = await readFile(here('mcp-app/index.html'), 'utf8');
await writeFile(`${out}mcp-app.html`, template.replace('/*CSS*/', () => css).replace('/*JS*/', () => js));
