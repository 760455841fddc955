// Tool names from process ids, and argument names from input ids.
//
// Clients reject a tool whose name is outside ^[a-zA-Z0-9_-]{1,64}$ (and some
// drop every tool of the server with it), Claude Code prefixes
// `mcp__<server>__` and wants the whole within 64, and the Anthropic API wants
// top-level argument names within ^[a-zA-Z0-9_.-]{1,64}$. Valid ids are kept as
// they are; anything else gets a readable slug plus a short hash of the id, so
// two ids never share a name and the way back is a table lookup, never a
// string replacement.
import { isInheritedName } from '../schema/index.js';

/** The fixed tools of the MCP layer; no process may take their names. */
export const FIXED_TOOL_NAMES: readonly string[] = [
  'get_server_info',
  'list_processes',
  'describe_process',
  'execute_process',
  'list_jobs',
  'get_job',
  'get_job_results',
  'dismiss_job',
  'search_processes',
];

export const DEFAULT_TOOL_NAME_LENGTH = 48;
export const MAX_TOOL_NAME_LENGTH = 64;
const MIN_NAME_LENGTH = 8;
const HASH_LENGTH = 6;

export const TOOL_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;
export const ARGUMENT_NAME_PATTERN = /^[a-zA-Z0-9_.-]{1,64}$/;

/** Anything that can answer "is this name taken?" (a Set, or a view over several). */
export type NameLookup = Pick<ReadonlySet<string>, 'has'>;

interface NameRules {
  /** Characters allowed in a name. */
  allowed: RegExp;
  /** One character that is not allowed (global), for replacement. */
  disallowed: RegExp;
  maxLength: number;
  /** Names that are valid but must not be used as they are. */
  forbidden?: (name: string) => boolean;
  fallback: string;
}

const TOOL_RULES = { allowed: /^[a-zA-Z0-9_-]+$/, disallowed: /[^a-zA-Z0-9_-]+/g, fallback: 'process' };
const ARGUMENT_RULES: NameRules = {
  allowed: /^[a-zA-Z0-9_.-]+$/,
  disallowed: /[^a-zA-Z0-9_.-]+/g,
  fallback: 'input',
  maxLength: MAX_TOOL_NAME_LENGTH,
  forbidden: isInheritedName,
};

/**
 * A tool name for a process id: the id itself when it is valid, short enough
 * and free, else a slug of it with a short hash. Deterministic for a given
 * `taken` set.
 */
export function toolNameFor(processId: string, taken: NameLookup, maxLength: number = DEFAULT_TOOL_NAME_LENGTH): string {
  const length = clampLength(maxLength, MAX_TOOL_NAME_LENGTH);
  return uniqueName(processId, taken, { ...TOOL_RULES, maxLength: length });
}

/**
 * A top-level argument name for a process input id. Names every object
 * inherits (`constructor`, `__proto__`, ...) are never used as they are: a
 * validator would read the inherited member when the argument is absent.
 */
export function argumentNameFor(inputId: string, taken: NameLookup): string {
  return uniqueName(inputId, taken, ARGUMENT_RULES);
}

function clampLength(requested: number, max: number): number {
  if (!Number.isFinite(requested)) return max;
  return Math.min(max, Math.max(MIN_NAME_LENGTH, Math.floor(requested)));
}

function uniqueName(id: string, taken: NameLookup, rules: NameRules): string {
  const keepAsIs = id.length <= rules.maxLength && rules.allowed.test(id) && !(rules.forbidden?.(id) ?? false);
  if (keepAsIs && !taken.has(id)) return id;
  const base = slug(id, rules).slice(0, rules.maxLength - HASH_LENGTH - 1).replace(/[_.-]+$/, '') || rules.fallback;
  for (let salt = 0; ; salt++) {
    const name = `${base}_${shortHash(salt === 0 ? id : `${id}\u0000${salt}`)}`;
    if (!taken.has(name)) return name;
  }
}

function slug(id: string, rules: Pick<NameRules, 'disallowed' | 'fallback'>): string {
  // Accented letters keep their base letter (é -> e) so the name stays readable.
  const ascii = id
    .slice(0, 200)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  return ascii.replace(rules.disallowed, '_').replace(/^[_.-]+|[_.-]+$/g, '') || rules.fallback;
}

/** FNV-1a (32 bit) in base 36, HASH_LENGTH characters. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % 36 ** HASH_LENGTH).toString(36).padStart(HASH_LENGTH, '0');
}
