// Where the repository and the shared data beside it live, wherever the checkout is.
// CI puts ../shared next to the repository, so nothing here may name an absolute path.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot: string = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const sharedDir: string = path.resolve(repoRoot, '..', 'shared');
