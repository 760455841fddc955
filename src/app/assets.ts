// Files of the built front end (dist/web), served by the app server.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
export { webAssetsDir } from '../util/web-assets.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/** A file of the folder for a URL path ('/' is index.html); undefined outside the folder or when missing. */
export async function readAsset(dir: string, urlPath: string): Promise<{ type: string; body: Buffer } | undefined> {
  const relative = urlPath === '/' ? 'index.html' : decodeURIComponent(urlPath).replace(/^\/+/, '');
  const file = normalize(join(dir, relative));
  if (!file.startsWith(normalize(dir.endsWith(sep) ? dir : dir + sep))) return undefined;
  const type = TYPES[extname(file)];
  if (!type) return undefined;
  try {
    return { type, body: await readFile(file) };
  } catch {
    return undefined;
  }
}
