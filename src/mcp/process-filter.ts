// Which processes the bridge serves: the include/exclude patterns (`*` a
// wildcard), compiled once per catalog.
export interface ProcessPatterns {
  /** Empty means every process. */
  include: readonly string[];
  exclude: readonly string[];
}

/** One pattern as a whole-id RegExp. */
export function processIdPattern(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

/** True for the process ids to serve. */
export function processFilter(patterns: ProcessPatterns): (processId: string) => boolean {
  const include = patterns.include.map(processIdPattern);
  const exclude = patterns.exclude.map(processIdPattern);
  return (processId) => (include.length === 0 || include.some((r) => r.test(processId))) && !exclude.some((r) => r.test(processId));
}
