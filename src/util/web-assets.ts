// Where the built front end lives (dist/web, made by `npm run build`): beside
// the compiled modules, or in dist/ when they run from source (tests, tsx).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the built web assets; throws with what to do when it is missing. */
export function webAssetsDir(file = 'index.html'): string {
  const candidates = [fileURLToPath(new URL('../web/', import.meta.url)), fileURLToPath(new URL('../../dist/web/', import.meta.url))];
  const found = candidates.find((dir) => existsSync(join(dir, file)));
  if (!found) throw new Error(`The web front end is not built (no ${file} in ${candidates.join(' or ')}); run npm run build.`);
  return found;
}
