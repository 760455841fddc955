// --include/--exclude patterns that match no process are most likely typos:
// each one is named, with the process ids closest to it.
import { processIdPattern, type ProcessPatterns } from './process-filter.js';
import { closestMatches } from '../util/near-miss.js';

export function unmatchedFilterWarnings(config: ProcessPatterns, processIds: readonly string[]): string[] {
  const warnings: string[] = [];
  for (const flag of ['include', 'exclude'] as const) {
    for (const pattern of config[flag]) {
      const re = processIdPattern(pattern);
      if (processIds.some((id) => re.test(id))) continue;
      const near = closestMatches(pattern.replace(/\*/g, ''), processIds);
      const hint = near.length > 0 ? `did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : `the server has ${processIds.length} process(es)${processIds.length ? `, such as ${processIds.slice(0, 3).map((n) => `"${n}"`).join(', ')}` : ''}.`;
      warnings.push(`--${flag} "${pattern}" matches no process; ${hint}`);
    }
  }
  return warnings;
}
