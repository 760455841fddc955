// Builds the front end into dist/web (run by `npm run build`):
// - the web app: index.html, app.js, app.css (Leaflet bundled: no CDN);
// - the MCP App: mcp-app.html, one file with every script and style inlined,
//   as MCP Apps hosts load it (no requests to anywhere).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
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
  // Bundled libraries keep their license comments; their full licenses go to THIRD-PARTY-NOTICES.txt.
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
};

const page = await build({ ...common, entryPoints: { app: here('app/main.ts') }, outdir: out, format: 'esm' });
await copyFile(here('app/index.html'), `${out}index.html`);

const view = await build({ ...common, entryPoints: { view: here('mcp-app/main.ts') }, outdir: out, format: 'iife', write: false });
const pick = (ext) => view.outputFiles.filter((f) => f.path.endsWith(ext)).map((f) => f.text).join('\n');
// Inline text must not end its own element early.
const js = pick('.js').replace(/<\/(script)/gi, '<\\/$1');
const css = pick('.css').replace(/<\/(style)/gi, '<\\/$1');
const template = await readFile(here('mcp-app/index.html'), 'utf8');
await writeFile(`${out}mcp-app.html`, template.replace('/*CSS*/', () => css).replace('/*JS*/', () => js));

// The license of every package bundled into the two outputs, as their licenses ask.
const packages = new Set();
for (const result of [page, view]) {
  for (const input of Object.keys(result.metafile.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) packages.add(m[1]);
  }
}
// ext-apps' app-with-deps build carries the MCP SDK and zod inside it.
if (packages.has('@modelcontextprotocol/ext-apps')) for (const name of ['@modelcontextprotocol/sdk', 'zod']) packages.add(name);
const notices = ['Third-party software bundled into dist/web (app.js, app.css, mcp-app.html):', ''];
for (const name of [...packages].sort()) {
  const dir = here(`../node_modules/${name}/`);
  const { version, license } = JSON.parse(await readFile(`${dir}package.json`, 'utf8'));
  const file = (await readdir(dir)).find((f) => /^(licen[cs]e|copying)/i.test(f));
  notices.push(`== ${name} ${version} (${license})`, file && existsSync(dir + file) ? (await readFile(dir + file, 'utf8')).trim() : '(no license file in the package)', '');
}
await writeFile(`${out}THIRD-PARTY-NOTICES.txt`, notices.join('\n'));
