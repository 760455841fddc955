// Which processes the bridge serves: the include/exclude patterns (`*` a
// wildcard), compiled once per catalog.
export interface ProcessPatterns {
  /** Empty means every process. */
  include: readonly string[];
  exclude: readonly string[];
}

/** True for the process ids to serve. */
export function processFilter(patterns: ProcessPatterns): (processId: string) => boolean {
  const compile = (pattern: string) =>
    new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  const include = patterns.include.map(compile);
  const exclude = patterns.exclude.map(compile);
  return (processId) => (include.length === 0 || include.some((r) => r.test(processId))) && !exclude.some((r) => r.test(processId));
}
