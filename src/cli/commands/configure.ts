// configure: the settings file a person keeps. Asks for what is missing on a
// terminal, takes flags otherwise; a login fetches its tokens at once and
// keeps them instead of the password.
import { logIn } from '../../ogc/auth.js';
import { AUTH_TYPES, AuthSettingsError, parseAuthType, resolveAuth, type AuthType } from '../../config/auth.js';
import { configPathOf, flagLayerOf, readConfigFile, writeConfigFile, type ConfigField, type ConfigFileSettings, ConfigFileError } from '../../config/file.js';
import { EXIT, UsageError } from '../exit.js';
import { createAsker, type Asker } from '../prompt.js';
import type { Command } from './types.js';

const DEFAULT_API_URL = 'http://127.0.0.1:8008/';

/** The fields each auth type keeps; the others are dropped when the type changes. */
const FIELDS_OF: Record<AuthType, ConfigField[]> = {
  none: [],
  basic: ['username', 'password'],
  token: ['token', 'use_bearer', 'token_header'],
  'api-key': ['api_key', 'api_key_header'],
  login: ['auth_url', 'client_id', 'client_secret', 'username', 'password', 'grant_type', 'token', 'refresh_token', 'use_bearer', 'token_header'],
  'client-credentials': ['auth_url', 'client_id', 'client_secret', 'use_bearer', 'token_header'],
};

// Variables prefill the questions, as the reference client does for JupyterHub-like setups.
const ENV_OF: Partial<Record<ConfigField, string>> = {
  api_url: 'OGC_SERVER_URL',
  auth_type: 'OGC_AUTH_TYPE',
  auth_url: 'OGC_AUTH_URL',
  username: 'OGC_USERNAME',
  password: 'OGC_PASSWORD',
  client_id: 'OGC_CLIENT_ID',
  client_secret: 'OGC_CLIENT_SECRET',
  token: 'OGC_AUTH_TOKEN',
  token_header: 'OGC_TOKEN_HEADER',
  api_key: 'OGC_API_KEY',
  api_key_header: 'OGC_API_KEY_HEADER',
};

export const configure: Command = async (ctx) => {
  const v = ctx.parsed.values;
  const { path: file } = configPathOf(typeof v.config === 'string' ? v.config : undefined, ctx.env);
  let stored: ConfigFileSettings;
  try {
    stored = readConfigFile(file) ?? {};
  } catch (error) {
    if (error instanceof ConfigFileError) throw new UsageError(`${error.message} Fix or remove it, then configure again.`);
    throw error;
  }
  const fromEnv: ConfigFileSettings = {};
  for (const [field, name] of Object.entries(ENV_OF)) if (ctx.env[name]) fromEnv[field as ConfigField] = ctx.env[name];
  const given = flagsOf(v);
  const settings: ConfigFileSettings = { ...stored, ...fromEnv, ...given };

  const interactive = ctx.stdin.isTTY === true && ctx.stderr.isTTY === true;
  if (interactive) {
    const asker = createAsker(ctx.stdin, ctx.stderr);
    try {
      await ask(asker, settings, given);
    } finally {
      asker.close();
    }
  }
  settings.api_url = checkApiUrl(String(settings.api_url ?? (interactive ? DEFAULT_API_URL : '')));
  const type = settings.auth_type === undefined || settings.auth_type === '' ? 'none' : toType(String(settings.auth_type));
  settings.auth_type = type;
  for (const field of Object.keys(settings) as ConfigField[]) {
    if (field !== 'api_url' && field !== 'auth_type' && !FIELDS_OF[type].includes(field)) delete settings[field];
  }
  // A new login replaces the tokens of an earlier one.
  if (type === 'login') {
    delete settings.token;
    delete settings.refresh_token;
  }
  const layer = flagLayerOf(settings);
  let auth;
  try {
    auth = resolveAuth((flag) => layer[flag], labelOf);
  } catch (error) {
    if (error instanceof AuthSettingsError) throw new UsageError(error.message);
    throw error;
  }
  if (auth?.type === 'login') {
    const tokens = await logIn(auth);
    settings.token = tokens.token;
    if (tokens.refreshToken) settings.refresh_token = tokens.refreshToken;
    // The tokens are kept, not the password: a refresh token can be revoked, a password leaks further.
    delete settings.password;
    ctx.note('Logged in; the tokens are kept in the file (not the password).');
  }
  writeConfigFile(file, settings);
  process.stdout.write(`Client configuration written to ${file}\n`);
  return EXIT.ok;
};

function flagsOf(v: Record<string, unknown>): ConfigFileSettings {
  const out: ConfigFileSettings = {};
  const put = (field: ConfigField, value: unknown) => {
    if (typeof value === 'string' || typeof value === 'boolean') out[field] = value;
  };
  put('api_url', v['api-url'] ?? v['server-url']);
  put('auth_type', v['auth-type']);
  put('auth_url', v['auth-url']);
  put('username', v.username);
  put('password', v.password);
  put('client_id', v['client-id']);
  put('client_secret', v['client-secret']);
  put('token', v['auth-token'] ?? v.token);
  put('token_header', v['token-header']);
  put('api_key', v['api-key']);
  put('api_key_header', v['api-key-header']);
  if (v['no-use-bearer'] === true || (typeof v['token-header'] === 'string' && v['use-bearer'] !== true)) out.use_bearer = false;
  else if (v['use-bearer'] === true) out.use_bearer = true;
  return out;
}

async function ask(asker: Asker, s: ConfigFileSettings, given: ConfigFileSettings): Promise<void> {
  const text = async (field: ConfigField, question: string, fallback?: string) => {
    if (given[field] !== undefined) return;
    const answer = await asker.ask(question, typeof s[field] === 'string' && s[field] !== '' ? String(s[field]) : fallback);
    if (answer !== '') s[field] = answer;
    else delete s[field];
  };
  const secret = async (field: ConfigField, question: string) => {
    if (given[field] !== undefined) return;
    const answer = await asker.askSecret(question, typeof s[field] === 'string' && s[field] !== '');
    if (answer !== undefined) s[field] = answer;
  };
  await text('api_url', 'Server URL (the landing page)', DEFAULT_API_URL);
  for (;;) {
    await text('auth_type', `Authentication (${AUTH_TYPES.join(', ')})`, 'none');
    try {
      s.auth_type = toType(String(s.auth_type ?? 'none'));
      break;
    } catch (error) {
      if (given.auth_type !== undefined) throw error;
      process.stderr.write(`${(error as Error).message}\n`);
      delete s.auth_type;
    }
  }
  switch (s.auth_type as AuthType) {
    case 'basic':
      await text('username', 'User name');
      await secret('password', 'Password');
      break;
    case 'token':
      await secret('token', 'Token');
      break;
    case 'api-key':
      await secret('api_key', 'API key');
      await text('api_key_header', 'Header of the API key', 'X-API-Key');
      break;
    case 'login':
      await text('auth_url', 'Token URL (OAuth2)');
      await text('client_id', 'Client id');
      await secret('client_secret', 'Client secret (empty for a public client)');
      await text('username', 'User name');
      await secret('password', 'Password');
      break;
    case 'client-credentials':
      await text('auth_url', 'Token URL (OAuth2)');
      await text('client_id', 'Client id');
      await secret('client_secret', 'Client secret');
      break;
    default:
      break;
  }
}

function toType(value: string): AuthType {
  try {
    return parseAuthType(value, '--auth-type');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function checkApiUrl(value: string): string {
  if (value === '') throw new UsageError('configure needs the server: --api-url URL (there is no terminal to ask at).');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : undefined;
  let url: URL | undefined;
  try {
    url = new URL(withScheme ?? '');
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UsageError(`The server URL must be an http(s) URL${withScheme ? '' : `; did you mean http://${value} ?`}`);
  }
  if (url.username || url.password) throw new UsageError('The server URL must not carry credentials; choose an authentication instead.');
  if (/\/processes\/?$/.test(url.pathname)) {
    throw new UsageError(`The server URL must be the landing page, not its process list: try ${new URL(url.pathname.replace(/processes\/?$/, ''), url.origin).toString()}`);
  }
  return url.toString();
}

const LABELS: Record<string, string> = {
  'auth-token': '-t/--token',
  username: '-u/--username',
  password: '-p/--password',
};

function labelOf(flag: string): string {
  return LABELS[flag] ?? `--${flag}`;
}
