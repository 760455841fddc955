// Server names (`--server NAME=URL`) and the namespaces they give tool names.
// A name is also what a model passes as the `server` argument of the fixed
// tools, so it is checked, not rewritten: a name that is not plain is an error
// the person who wrote it can fix.

export const MAX_SERVER_NAME_LENGTH = 16;
const SERVER_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Why a server name cannot be used; undefined when it is fine. */
export function serverNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'a server name must not be empty';
  if (name.length > MAX_SERVER_NAME_LENGTH) return `server name "${name}" is longer than ${MAX_SERVER_NAME_LENGTH} characters`;
  if (!SERVER_NAME_PATTERN.test(name)) {
    return `server name "${name}" must start with a letter and hold only letters, digits, '-' and '_'`;
  }
  return undefined;
}

/** Problems with a set of server names: each name's own, then names that differ only in case. */
export function serverNamesProblems(names: readonly string[]): string[] {
  const problems = names.map(serverNameProblem).filter((p): p is string => p !== undefined);
  const seen = new Map<string, string>();
  for (const name of names) {
    const key = name.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) problems.push(`server names "${earlier}" and "${name}" are the same (names ignore case)`);
    else seen.set(key, name);
  }
  return problems;
}
