// The dialects the replay server speaks, by the folder of their recordings
// under test/fixtures/recorded/.
import { pygeoapiRules } from './pygeoapi.js';
import type { DialectRules } from './rules.js';
import { weaverRules } from './weaver.js';

export const DIALECTS = {
  'pygeoapi-0.21': pygeoapiRules,
  'weaver-6.15.0': weaverRules,
} satisfies Record<string, DialectRules>;

export type Dialect = keyof typeof DIALECTS;
