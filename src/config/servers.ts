// The OGC servers of one bridge when it has several: `--server NAME=URL`
// (repeatable, or OGC_SERVERS) and a servers file (--servers-file, YAML or
// JSON) mapping each name to the config file's own settings (api_url,
// auth_type, username, ...), secrets only as the names of environment
// variables that hold them (`token_env: EO_TOKEN`), never in the file. Each
// server's authentication is resolved the way the bridge's own is.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { AuthSettingsError, resolveAuth } from './auth.js';
import { CONFIG_FIELDS, SECRET_FIELDS, flagLayerOf, type ConfigField, type ConfigFileSettings } from './file.js';
import type { ServerSettings } from '../mcp/settings.js';
import { errorMessage } from '../util/errors.js';
import { isRecord } from '../util/records.js';

export class ServerListError extends Error {
  override name = 'ServerListError';
}

export interface ServerSource {
  name: string;
  url: string;
  /** Settings besides the URL, secrets already read from the environment. */
  settings: ConfigFileSettings;
  /** Where it was given, for messages ("--server", "servers.eo in FILE"). */
  origin: string;
}

/** `NAME=URL` from one --server flag. */
export function parseServerFlag(value: string): ServerSource {
  const at = value.indexOf('=');
  if (at <= 0 || at === value.length - 1) {
    throw new ServerListError(`--server takes NAME=URL (for example --server eo=https://example.org/ogc), got "${value}".`);
  }
  return { name: value.slice(0, at).trim(), url: value.slice(at + 1).trim(), settings: {}, origin: '--server' };
}

/** The `servers` section of a servers file: a map from server name to its settings. */
export function serversFromSection(section: unknown, env: NodeJS.ProcessEnv, file: string): ServerSource[] {
  if (!isRecord(section)) throw new ServerListError(`${file}: "servers" must map server names to their settings.`);
  return Object.entries(section).map(([name, entry]) => serverFromEntry(name, entry, env, `servers.${name} in ${file}`));
}

/** Reads a servers file (YAML, of which JSON is a part) and returns its `servers` section. */
export function readServersFile(file: string): unknown {
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ServerListError(`--servers-file ${file} cannot be read: ${errorMessage(error).split('\n')[0]}`);
  }
  const section = isRecord(doc) ? doc.servers : undefined;
  if (section === undefined) throw new ServerListError(`--servers-file ${file} must hold servers: {NAME: {api_url: URL, ...}}.`);
  return section;
}

/** A server's settings for the bridge: its URL (checked by `checkUrl`) and its authentication. */
export function serverSettings(source: ServerSource, checkUrl: (label: string, url: string) => string): ServerSettings {
  const serverUrl = checkUrl(`${source.origin} (${source.name})`, source.url);
  const layer = flagLayerOf(source.settings);
  let auth;
  try {
    auth = resolveAuth((flag) => layer[flag], (flag) => `${source.origin}: ${fieldOf(flag)}`);
  } catch (error) {
    throw error instanceof AuthSettingsError ? new ServerListError(error.message) : error;
  }
  return { name: source.name, serverUrl, ...(auth ? { auth } : {}) };
}

function serverFromEntry(name: string, entry: unknown, env: NodeJS.ProcessEnv, origin: string): ServerSource {
  if (!isRecord(entry)) throw new ServerListError(`${origin} must hold settings such as api_url.`);
  const settings: ConfigFileSettings = {};
  for (const [key, raw] of Object.entries(entry)) {
    const fromEnv = key.endsWith('_env');
    const field = (fromEnv ? key.slice(0, -4) : key) as ConfigField;
    if (!(CONFIG_FIELDS as readonly string[]).includes(field)) {
      throw new ServerListError(`${origin} has an unknown setting "${key}"; known: ${CONFIG_FIELDS.join(', ')} (each also as <name>_env).`);
    }
    if (raw === null || raw === undefined) continue;
    if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') throw new ServerListError(`${origin}: "${key}" must be a single value.`);
    if (!fromEnv) {
      if (SECRET_FIELDS.includes(field)) {
        throw new ServerListError(`${origin}: give "${field}" as ${field}_env: VARIABLE (the name of an environment variable that holds it), not in the file.`);
      }
      settings[field] = typeof raw === 'number' ? String(raw) : raw;
      continue;
    }
    const value = env[String(raw)];
    if (value === undefined || value === '') throw new ServerListError(`${origin}: ${key} names the environment variable ${String(raw)}, which is not set.`);
    settings[field] = value;
  }
  const url = settings.api_url;
  if (typeof url !== 'string') throw new ServerListError(`${origin} has no api_url (the landing page of the OGC server).`);
  delete settings.api_url;
  return { name, url, settings, origin };
}

/** A flag's setting under the file's name, for messages (auth-token -> token). */
function fieldOf(flag: string): string {
  return flag === 'auth-token' ? 'token' : flag.replace(/-/g, '_');
}
