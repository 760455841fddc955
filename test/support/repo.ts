// Where the repository lives, wherever the checkout is (nothing here may name
// an absolute path). The data beside it is in shared-data.ts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot: string = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
