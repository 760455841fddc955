// The configuration file a person keeps (written by `configure`): YAML with
// the reference client's field names, in the user's config directory unless
// -c/--config (OGC_CONFIG) names another, readable by its owner only (0600).
// It is the layer between the defaults and the environment, for the commands
// for people and the MCP bridge alike.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { closestMatches } from '../util/near-miss.js';

export const CONFIG_FIELDS = [
  'api_url',
  'auth_type',
  'auth_url',
  'username',
  'password',
  'client_id',
  'client_secret',
  'grant_type',
  'token',
  'refresh_token',
  'use_bearer',
  'token_header',
  'api_key',
  'api_key_header',
] as const;

export type ConfigField = (typeof CONFIG_FIELDS)[number];
export type ConfigFileSettings = Partial<Record<ConfigField, string | boolean>>;

/** The fields whose values are credentials. */
export const SECRET_FIELDS: readonly ConfigField[] = ['password', 'client_secret', 'token', 'refresh_token', 'api_key'];

/** Where the file lives unless named: the platform's per-user configuration directory. */
export function defaultConfigPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  const home = env.HOME || env.USERPROFILE || homedir();
  let dir: string;
  if (platform === 'win32') dir = env.APPDATA || path.join(home, 'AppData', 'Roaming');
  else if (platform === 'darwin') dir = path.join(home, 'Library', 'Application Support');
  else dir = env.XDG_CONFIG_HOME || path.join(home, '.config');
  return path.join(dir, 'ogc-processes-mcp', 'config.yaml');
}

/** The file named by -c/--config, else OGC_CONFIG, else the default path; `named` when given explicitly. */
export function configPathOf(flag: string | undefined, env: NodeJS.ProcessEnv): { path: string; named: boolean } {
  const given = flag ?? (env.OGC_CONFIG || undefined);
  return given !== undefined ? { path: path.resolve(given), named: true } : { path: defaultConfigPath(env), named: false };
}

/** A file that cannot be read or holds something else than settings. */
export class ConfigFileError extends Error {
  override name = 'ConfigFileError';
}

/** Reads the file; undefined when it does not exist. */
export function readConfigFile(file: string): ConfigFileSettings | undefined {
  if (!existsSync(file)) return undefined;
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigFileError(`The config file ${file} cannot be read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new ConfigFileError(`The config file ${file} must hold key: value settings.`);
  const settings: ConfigFileSettings = {};
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    if (!(CONFIG_FIELDS as readonly string[]).includes(key)) {
      const near = closestMatches(key, CONFIG_FIELDS);
      throw new ConfigFileError(`The config file ${file} has an unknown setting '${key}'${near.length ? ` (did you mean ${near.join(' or ')}?)` : ''}; known: ${CONFIG_FIELDS.join(', ')}.`);
    }
    if (value === null || value === undefined) continue;
    if (typeof value !== 'string' && typeof value !== 'boolean' && typeof value !== 'number') {
      throw new ConfigFileError(`The config file ${file}: '${key}' must be a single value.`);
    }
    settings[key as ConfigField] = typeof value === 'number' ? String(value) : value;
  }
  return settings;
}

/** Writes the settings (empty ones left out), readable by the owner only. */
export function writeConfigFile(file: string, settings: ConfigFileSettings): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const clean = Object.fromEntries(CONFIG_FIELDS.filter((k) => settings[k] !== undefined && settings[k] !== '').map((k) => [k, settings[k]]));
  const text = `# ogc-processes-mcp settings (written by \`ogc-processes-mcp configure\`); keep it private.\n${stringify(clean)}`;
  // Written beside and renamed: a reader never sees half a file, and the secret is never world-readable.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

/** Updates some fields of the file, keeping the others. */
export function updateConfigFile(file: string, changes: ConfigFileSettings): void {
  writeConfigFile(file, { ...(readConfigFile(file) ?? {}), ...changes });
}

/** True when others than the owner may read the file (it may hold secrets). */
export function isReadableByOthers(file: string): boolean {
  if (process.platform === 'win32') return false;
  try {
    return (statSync(file).mode & 0o077) !== 0;
  } catch {
    return false;
  }
}

// Settings and the flags they stand for; refresh_token and grant_type have no flag, only this name.
const FLAG_OF: Partial<Record<ConfigField, string>> = {
  api_url: 'server-url',
  auth_type: 'auth-type',
  auth_url: 'auth-url',
  username: 'username',
  password: 'password',
  client_id: 'client-id',
  client_secret: 'client-secret',
  token: 'auth-token',
  refresh_token: 'refresh-token',
  grant_type: 'grant-type',
  api_key: 'api-key',
  api_key_header: 'api-key-header',
};

/**
 * The file's settings under the names of the command-line flags, as the
 * layer below the environment. `refresh-token` and `grant-type` have no flag.
 */
export function flagLayerOf(settings: ConfigFileSettings): Record<string, string> {
  const layer: Record<string, string> = {};
  const put = (flag: string, value: string | boolean | undefined) => {
    if (value !== undefined && value !== '') layer[flag] = String(value);
  };
  for (const [field, flag] of Object.entries(FLAG_OF)) put(flag, settings[field as ConfigField]);
  const useBearer = settings.use_bearer;
  // As in the reference client: the token goes in token_header only when use_bearer is false.
  if (useBearer === false || useBearer === 'false') put('token-header', settings.token_header ?? 'X-Auth-Token');
  return layer;
}
