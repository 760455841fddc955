// The package version, for the default User-Agent. Read from package.json at
// run time: it sits two levels up from both src/util/ and dist/util/.
import { createRequire } from 'node:module';

function readVersion(): string {
  try {
    const pkg = createRequire(import.meta.url)('../../package.json') as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export const PACKAGE_VERSION: string = readVersion();

export const DEFAULT_USER_AGENT = `ogc-processes-mcp/${PACKAGE_VERSION}`;
