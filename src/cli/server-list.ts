// The OGC servers of one bridge when it has several: `--server NAME=URL`
// (repeatable) and the `servers:` section of a config file, where each server
// has the reference client's settings and takes its secrets from environment
// variables (`token_env: EO_TOKEN`), never from the file itself. Pure: the
// caller reads the file and hands over the environment.
import { serverNamesProblems } from '../bridge/naming/server-names.js';

/** The per-server settings, under the config file's field names. */
export const SERVER_FIELDS = [
  'api_url',
  'auth_type',
  'auth_url',
  'username',
  'password',
  'client_id',
  'client_secret',
  'token',
  'token_header',
  'use_bearer',
  'api_key',
  'api_key_header',
] as const;
export type ServerField = (typeof SERVER_FIELDS)[number];

/** Fields that hold credentials: only ever given as `<field>_env`. */
const SECRET_FIELDS: ReadonlySet<ServerField> = new Set(['password', 'client_secret', 'token', 'api_key']);

export interface ServerSource {
  name: string;
  url: string;
  /** Settings besides the URL (auth), with secrets already read from the environment. */
  settings: Partial<Record<ServerField, string>>;
  /** Where it was given, for messages ("--server", "servers.eo in FILE"). */
  origin: string;
}

export class ServerListError extends Error {
  override name = 'ServerListError';
}

/** `NAME=URL` from one --server flag. */
export function parseServerFlag(value: string): ServerSource {
  const at = value.indexOf('=');
  if (at <= 0 || at === value.length - 1) {
    throw new ServerListError(`--server takes NAME=URL (for example --server eo=https://example.org/ogc), got "${value}".`);
  }
  const name = value.slice(0, at).trim();
  const url = value.slice(at + 1).trim();
  return { name, url, settings: {}, origin: '--server' };
}

/** The `servers:` section of a config file: a map from server name to its settings. */
export function serversFromSection(section: unknown, env: NodeJS.ProcessEnv, file: string): ServerSource[] {
  if (!isPlainObject(section)) throw new ServerListError(`${file}: "servers" must map server names to their settings.`);
  return Object.entries(section).map(([name, entry]) => serverFromEntry(name, entry, env, `servers.${name} in ${file}`));
}

function serverFromEntry(name: string, entry: unknown, env: NodeJS.ProcessEnv, origin: string): ServerSource {
  if (!isPlainObject(entry)) throw new ServerListError(`${origin} must hold settings such as api_url.`);
  const settings: Partial<Record<ServerField, string>> = {};
  for (const [key, raw] of Object.entries(entry)) {
    const fromEnv = key.endsWith('_env');
    const field = (fromEnv ? key.slice(0, -4) : key) as ServerField;
    if (!(SERVER_FIELDS as readonly string[]).includes(field)) {
      throw new ServerListError(`${origin} has an unknown setting "${key}"; known: ${SERVER_FIELDS.join(', ')} (each also as <name>_env).`);
    }
    if (raw === null || raw === undefined) continue;
    if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') throw new ServerListError(`${origin}: "${key}" must be a single value.`);
    if (!fromEnv) {
      if (SECRET_FIELDS.has(field)) {
        throw new ServerListError(`${origin}: give "${field}" as ${field}_env: VARIABLE (the name of an environment variable that holds it), not in the file.`);
      }
      settings[field] = String(raw);
      continue;
    }
    const variable = String(raw);
    const value = env[variable];
    if (value === undefined || value === '') throw new ServerListError(`${origin}: ${key} names the environment variable ${variable}, which is not set.`);
    settings[field] = value;
  }
  const url = settings.api_url;
  if (url === undefined) throw new ServerListError(`${origin} has no api_url (the landing page of the OGC server).`);
  delete settings.api_url;
  return { name, url, settings, origin };
}

/** Checks the whole list: at least one server, valid and distinct names. */
export function checkServerList(servers: readonly ServerSource[]): void {
  const problems = serverNamesProblems(servers.map((s) => s.name));
  if (problems.length > 0) throw new ServerListError(`Bad server names: ${problems.join('; ')}.`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
