// One typed Config from command-line flags and environment variables.
// A single table (FLAGS) drives parsing, the environment mirror and --help, so
// the three cannot drift apart. Flags win over the environment.
import { parseArgs } from 'node:util';
import { isLogLevel, LOG_LEVELS } from './log.js';
import type { BridgeSettings, HttpSettings, ServerSettings } from './mcp/settings.js';
import { TOOL_LISTINGS, type ToolListing } from './bridge/search/index.js';
import { serverNamesProblems } from './bridge/naming/index.js';
import { ServerListError, parseServerFlag, readServersFile, serverSettings, serversFromSection } from './config/servers.js';
import { credentialSecrets } from './util/secrets.js';
import { displayUrl } from './util/display-url.js';
import { AUTH_TYPES } from './config/auth.js';
import { settingsFromFile } from './config/layer.js';
import { closestMatches } from './util/near-miss.js';

/**
 * The bridge's settings as the command line gives them, plus what only the
 * command line decides: the server may be the demo one (its URL is known once
 * it runs) and which transport to serve.
 */
export interface Config extends Omit<BridgeSettings, 'serverUrl'> {
  /** The OGC API - Processes landing page; undefined only with --demo until the demo server is up. */
  serverUrl?: string;
  demo: boolean;
  /** The config file the settings were read from, when there was one. */
  configFile?: string;
  transport: 'stdio' | 'http';
  http: HttpSettings;
}

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'serve'; config: Config }
  | { kind: 'inspect'; config: Config }
  | { kind: 'demo-server'; host: string; port: number; latencyMs: number; apiVersion: '1.0' | '2.0' };

/** A bad flag or variable; the CLI prints the message and exits with code 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

interface FlagSpec {
  flag: string;
  env?: string;
  type: 'string' | 'boolean';
  /** Placeholder shown in --help. */
  value?: string;
  help: string;
  default?: string;
  secret?: boolean;
  /** May be given more than once (the variable then holds a comma-separated list). */
  multiple?: boolean;
  group: 'server' | 'bridge' | 'mcp';
}

export const DEFAULTS = {
  waitSeconds: 45,
  // About 20k tokens of JSON at ~4 bytes a token: below the ~25k-token limit of Claude Code.
  maxResultBytes: 80_000,
  maxImageBytes: 524_288,
  timeoutSeconds: 30,
  refreshSeconds: 300,
  httpHost: '127.0.0.1',
  httpPort: 3000,
  maxSessions: 100,
  sessionIdleSeconds: 1800,
  maxBodyBytes: 4 * 1024 * 1024,
  // Calls answer within --wait-seconds (plus fetching results): the default grace outlasts that.
  shutdownGraceMarginSeconds: 15,
  demoServerHost: '127.0.0.1',
  demoServerPort: 8008,
} as const;

const FLAGS: readonly FlagSpec[] = [
  { group: 'server', flag: 'server-url', env: 'OGC_SERVER_URL', type: 'string', value: 'URL', help: 'Landing page of the OGC API - Processes server to bridge.' },
  { group: 'server', flag: 'demo', env: 'OGC_DEMO', type: 'boolean', help: 'Start the embedded demo OGC server on a free loopback port and bridge it (instead of --server-url).' },
  { group: 'server', flag: 'config', env: 'OGC_CONFIG', type: 'string', value: 'PATH', help: 'Settings file written by `ogc-processes-mcp configure` (read when it exists). Default: config.yaml in the user\'s config directory (e.g. ~/.config/ogc-processes-mcp/). Variables and flags win over it.' },
  { group: 'server', flag: 'auth-type', env: 'OGC_AUTH_TYPE', type: 'string', value: AUTH_TYPES.join('|'), help: 'How to authenticate to the OGC server; inferred from the credentials given when not set.' },
  { group: 'server', flag: 'server', env: 'OGC_SERVERS', type: 'string', multiple: true, value: 'NAME=URL', help: 'An OGC server under a short name; repeat for several servers in one bridge (their tool names then start with the name). The variable holds a comma-separated list.' },
  { group: 'server', flag: 'servers-file', env: 'OGC_SERVERS_FILE', type: 'string', value: 'FILE', help: 'YAML or JSON file: servers: {NAME: {api_url, and the config file\'s other settings; secrets as token_env, password_env, api_key_env, client_secret_env: names of environment variables}}.' },
  { group: 'server', flag: 'auth-token', env: 'OGC_AUTH_TOKEN', type: 'string', value: 'TOKEN', secret: true, help: 'Bearer token sent to the OGC server.' },
  { group: 'server', flag: 'token-header', env: 'OGC_TOKEN_HEADER', type: 'string', value: 'NAME', help: 'Header that carries the token instead of Authorization: Bearer (e.g. X-Auth-Token).' },
  { group: 'server', flag: 'auth-url', env: 'OGC_AUTH_URL', type: 'string', value: 'URL', help: 'OAuth2 token URL for --auth-type login (password grant) and client-credentials.' },
  { group: 'server', flag: 'client-id', env: 'OGC_CLIENT_ID', type: 'string', value: 'ID', help: 'OAuth2 client id (login, client-credentials).' },
  { group: 'server', flag: 'client-secret', env: 'OGC_CLIENT_SECRET', type: 'string', value: 'SECRET', secret: true, help: 'OAuth2 client secret (optional for login with a public client).' },
  { group: 'server', flag: 'username', env: 'OGC_USERNAME', type: 'string', value: 'NAME', help: 'User name for HTTP basic authentication or login (with --password).' },
  { group: 'server', flag: 'password', env: 'OGC_PASSWORD', type: 'string', value: 'PASSWORD', secret: true, help: 'Password for HTTP basic authentication or login.' },
  { group: 'server', flag: 'api-key', env: 'OGC_API_KEY', type: 'string', value: 'KEY', secret: true, help: 'API key sent in a header to the OGC server.' },
  { group: 'server', flag: 'api-key-header', env: 'OGC_API_KEY_HEADER', type: 'string', value: 'NAME', default: 'X-API-Key', help: 'Header that carries the API key.' },
  { group: 'server', flag: 'timeout-seconds', env: 'OGC_TIMEOUT_SECONDS', type: 'string', value: 'S', default: String(DEFAULTS.timeoutSeconds), help: 'Timeout for connecting, for response headers and for a response body, each.' },
  { group: 'server', flag: 'allowed-link-origins', env: 'OGC_ALLOWED_LINK_ORIGINS', type: 'string', value: 'LIST', help: 'Comma-separated origins, besides the server\'s own, from which links in results may be fetched.' },
  { group: 'bridge', flag: 'wait-seconds', env: 'OGC_WAIT_SECONDS', type: 'string', value: 'S', default: String(DEFAULTS.waitSeconds), help: 'How long a tool call waits for its job before returning it as still running (keep below your client\'s tool timeout, ~60 s in Claude Desktop).' },
  { group: 'bridge', flag: 'max-result-bytes', env: 'OGC_MAX_RESULT_BYTES', type: 'string', value: 'N', default: String(DEFAULTS.maxResultBytes), help: 'Size budget of one tool result; larger outputs are cut and stay readable whole as resources.' },
  { group: 'bridge', flag: 'max-image-bytes', env: 'OGC_MAX_IMAGE_BYTES', type: 'string', value: 'N', default: String(DEFAULTS.maxImageBytes), help: 'Largest image passed inline as image content; larger ones become links.' },
  { group: 'bridge', flag: 'refresh-seconds', env: 'OGC_REFRESH_SECONDS', type: 'string', value: 'S', default: String(DEFAULTS.refreshSeconds), help: 'How often the process list is re-checked (0: only at start and on unknown names).' },
  { group: 'bridge', flag: 'include', env: 'OGC_INCLUDE', type: 'string', value: 'LIST', help: 'Comma-separated process ids to serve (`*` wildcard); others are hidden from every tool.' },
  { group: 'bridge', flag: 'exclude', env: 'OGC_EXCLUDE', type: 'string', value: 'LIST', help: 'Comma-separated process ids to hide (`*` wildcard).' },
  { group: 'bridge', flag: 'tools', env: 'OGC_TOOLS', type: 'string', value: 'auto|all|search', default: 'auto', help: 'Which processes are tools: all; search (the fixed tools and search_processes, plus --pin and the processes run most); auto: search when all would exceed --max-tools tools or 25,000 bytes of tool list.' },
  { group: 'bridge', flag: 'max-tools', env: 'OGC_MAX_TOOLS', type: 'string', value: 'N', default: '40', help: 'With --tools auto: the most tools listed before switching to search.' },
  { group: 'bridge', flag: 'pin', env: 'OGC_PIN', type: 'string', value: 'LIST', help: 'Comma-separated process ids or tool names kept as tools in search mode.' },
  { group: 'bridge', flag: 'object-inputs', env: 'OGC_OBJECT_INPUTS', type: 'string', value: 'raw|qualified', default: 'raw', help: 'How object-valued inputs are sent: as the raw object, or as a qualified {value, mediaType}.' },
  { group: 'mcp', flag: 'transport', env: 'MCP_TRANSPORT', type: 'string', value: 'stdio|http', default: 'stdio', help: 'MCP transport: stdio, or Streamable HTTP at /mcp.' },
  { group: 'mcp', flag: 'host', env: 'MCP_HOST', type: 'string', value: 'HOST', default: DEFAULTS.httpHost, help: 'Address the HTTP transport binds to.' },
  { group: 'mcp', flag: 'port', env: 'MCP_PORT', type: 'string', value: 'PORT', default: String(DEFAULTS.httpPort), help: 'Port of the HTTP transport.' },
  { group: 'mcp', flag: 'stateless', env: 'MCP_STATELESS', type: 'boolean', help: 'HTTP without sessions (for several instances behind a load balancer).' },
  { group: 'mcp', flag: 'http-token', env: 'MCP_HTTP_TOKEN', type: 'string', value: 'TOKEN', secret: true, help: 'Bearer token every HTTP request must carry.' },
  { group: 'mcp', flag: 'allowed-hosts', env: 'MCP_ALLOWED_HOSTS', type: 'string', value: 'LIST', help: 'Comma-separated Host values (name, name:port, or * for any) accepted by the HTTP transport, besides loopback names and the bound address; others get 403.' },
  { group: 'mcp', flag: 'allowed-origins', env: 'MCP_ALLOWED_ORIGINS', type: 'string', value: 'LIST', help: 'Comma-separated Origin values (such as https://app.example.org, or * for any) accepted by the HTTP transport, besides loopback origins on a loopback bind; others get 403.' },
  { group: 'mcp', flag: 'max-sessions', env: 'MCP_MAX_SESSIONS', type: 'string', value: 'N', default: String(DEFAULTS.maxSessions), help: 'HTTP sessions open at once; a new session past it gets 503.' },
  { group: 'mcp', flag: 'session-idle-seconds', env: 'MCP_SESSION_IDLE_SECONDS', type: 'string', value: 'S', default: String(DEFAULTS.sessionIdleSeconds), help: 'An HTTP session without requests for this long is closed (the client must start a new one).' },
  { group: 'mcp', flag: 'max-body-bytes', env: 'MCP_MAX_BODY_BYTES', type: 'string', value: 'N', default: String(DEFAULTS.maxBodyBytes), help: 'Largest HTTP request body accepted; larger ones get 413.' },
  { group: 'mcp', flag: 'shutdown-grace-seconds', env: 'MCP_SHUTDOWN_GRACE_SECONDS', type: 'string', value: 'S', help: `On SIGINT/SIGTERM the HTTP transport stops taking requests and lets calls in flight answer for this long; jobs still running stay on the OGC server. Default: --wait-seconds + ${DEFAULTS.shutdownGraceMarginSeconds}.` },
  { group: 'mcp', flag: 'log-level', env: 'LOG_LEVEL', type: 'string', value: LOG_LEVELS.join('|'), default: 'info', help: 'Lowest level logged to stderr and to MCP clients.' },
];

export function helpText(version: string): string {
  const lines: string[] = [
    `ogc-processes-mcp ${version}: an MCP server for any OGC API - Processes server.`,
    '',
    'Usage:',
    '  ogc-processes-mcp --server-url URL [options]   MCP over stdio, bridging URL',
    '  ogc-processes-mcp --demo [options]             the same, against the embedded demo server',
    '  ogc-processes-mcp inspect (--server-url URL | --demo) [options]',
    '                                                 print each process with its derived tool and warnings',
    '  ogc-processes-mcp demo-server [--port 8008] [--host 127.0.0.1] [--latency-ms 0] [--api-version 1.0|2.0]',
    '                                                 run only the demo OGC server, in the foreground',
    '                                                 (--latency-ms: added to every answer; --api-version: OGC API - Processes edition)',
    '  ogc-processes-mcp --help | --version',
    '',
  ];
  const titles = { server: 'OGC server', bridge: 'Bridge', mcp: 'MCP side' } as const;
  for (const group of ['server', 'bridge', 'mcp'] as const) {
    lines.push(`${titles[group]}:`);
    for (const f of FLAGS.filter((x) => x.group === group)) {
      const head = `  --${f.flag}${f.value ? ` ${f.value}` : ''}`;
      const env = f.env ? `  [env ${f.env}]` : '';
      lines.push(`${head}${env}`);
      let text = f.help;
      if (f.default !== undefined) text += ` Default: ${f.default}.`;
      if (f.secret) text += ` Secret: prefer ${f.env} over the flag, since flags are visible in process lists.`;
      for (const l of wrap(text, 72)) lines.push(`      ${l}`);
    }
    lines.push('');
  }
  lines.push('Boolean variables accept 1/true/yes and 0/false/no. Flags win over variables, variables over the config file.');
  lines.push('Exit codes: 0 done, 1 failure at run time, 2 bad flags or variables.');
  return lines.join('\n') + '\n';
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

/** Parses the whole command line (without `node` and the script). */
export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv): CliCommand {
  const [first, ...rest] = argv;
  if (first === 'demo-server') return parseDemoServer(rest);
  if (first === 'inspect') {
    const parsed = parseFlags(rest);
    if (parsed === 'help' || parsed === 'version') return { kind: parsed };
    return { kind: 'inspect', config: buildConfig(parsed, env) };
  }
  const parsed = parseFlags(argv);
  if (parsed === 'help' || parsed === 'version') return { kind: parsed };
  return { kind: 'serve', config: buildConfig(parsed, env) };
}

type RawFlags = Record<string, string | string[] | boolean | undefined>;

function parseFlags(argv: readonly string[]): RawFlags | 'help' | 'version' {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
  };
  for (const f of FLAGS) options[f.flag] = { type: f.type, ...(f.multiple ? { multiple: true } : {}) };
  let values: RawFlags;
  try {
    ({ values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }) as { values: RawFlags });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new ConfigError(`${message}.${nearFlagHint(message, Object.keys(options))} See --help.`);
  }
  if (values.help) return 'help';
  if (values.version) return 'version';
  return values;
}

function apiVersionFlag(value: string | undefined): '1.0' | '2.0' {
  if (value === undefined || value === '1.0' || value === '2.0') return value ?? '1.0';
  throw new ConfigError(`demo-server: --api-version must be 1.0 or 2.0, got ${JSON.stringify(value)}`);
}

function parseDemoServer(argv: readonly string[]): CliCommand {
  let values: RawFlags;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'latency-ms': { type: 'string' },
        'api-version': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }) as { values: RawFlags });
  } catch (error) {
    throw new ConfigError(`demo-server: ${(error as Error).message}. Usage: demo-server [--port 8008] [--host 127.0.0.1] [--latency-ms 0] [--api-version 1.0|2.0]`);
  }
  if (values.help) return { kind: 'help' };
  return {
    kind: 'demo-server',
    host: (values.host as string | undefined) ?? DEFAULTS.demoServerHost,
    port: values.port === undefined ? DEFAULTS.demoServerPort : parseIntInRange('--port', values.port as string, 0, 65_535),
    latencyMs: values['latency-ms'] === undefined ? 0 : parseIntInRange('--latency-ms', values['latency-ms'] as string, 0, 60_000),
    apiVersion: apiVersionFlag(values['api-version'] as string | undefined),
  };
}

/** Builds and checks a Config from parsed flags and the environment. */
export function buildConfig(flags: RawFlags, env: NodeJS.ProcessEnv): Config {
  // ---- config file (src/config/layer.ts): the layer between the defaults and the environment ----
  const file = settingsFromFile(flags['config'] as string | undefined, env, (message) => new ConfigError(message));
  const read = (flag: string): string | undefined => {
    const spec = FLAGS.find((f) => f.flag === flag);
    if (!spec) throw new Error(`unknown flag table entry ${flag}`);
    const fromFlag = flags[flag];
    if (typeof fromFlag === 'string') return fromFlag;
    if (fromFlag === true) return 'true';
    const fromEnv = spec.env ? env[spec.env] : undefined;
    return fromEnv === undefined || fromEnv === '' ? (file.layer[flag] ?? spec.default) : fromEnv;
  };
  const name = (flag: string): string => {
    const spec = FLAGS.find((f) => f.flag === flag);
    return spec?.env ? `--${flag} (${spec.env})` : `--${flag}`;
  };

  // --demo given as a flag beats a server URL from the environment, and the reverse.
  const demoFlag = flags['demo'] === true;
  const urlFlag = typeof flags['server-url'] === 'string';
  if (demoFlag && urlFlag) throw new ConfigError('--demo and --server-url exclude each other: give one.');
  if (!demoFlag && !urlFlag && env.OGC_SERVER_URL && parseBool('OGC_DEMO', env.OGC_DEMO) === true) {
    throw new ConfigError('OGC_DEMO and OGC_SERVER_URL exclude each other: set one.');
  }
  const demo = demoFlag || (!urlFlag && parseBool(name('demo'), read('demo')) === true);
  const named = namedServers(flags, env, read('servers-file'));
  let serverUrl = demo ? undefined : checkServerUrl(name('server-url'), read('server-url'));
  if (!demo && serverUrl === undefined && named.length === 0) {
    throw new ConfigError('No OGC server given: pass --server-url URL (or set OGC_SERVER_URL), --server NAME=URL, or --demo for the embedded demo server, or keep one in a config file with `ogc-processes-mcp configure`. See --help.');
  }

  // ---- auth modes (src/config/auth.ts) ----
  let auth = file.auth(read, name);
  // --server-url (or --demo, whose URL is known once it runs) beside named servers is one more, "main" (or "demo").
  let servers: ServerSettings[] | undefined;
  if (named.length > 0) {
    servers = serverUrl !== undefined ? [{ name: 'main', serverUrl, ...(auth ? { auth } : {}) }, ...named] : named;
    if (!demo) ({ serverUrl, auth } = servers[0]!);
    const problems = serverNamesProblems([...(demo ? ['demo'] : []), ...servers.map((s) => s.name)]);
    if (problems.length > 0) throw new ConfigError(`Bad server names: ${problems.join('; ')}.`);
  }
  const tools = read('tools');
  if (!(TOOL_LISTINGS as readonly string[]).includes(tools!)) throw new ConfigError(`${name('tools')} must be one of ${TOOL_LISTINGS.join(', ')}, got "${tools}".`);

  const objectInputs = read('object-inputs');
  if (objectInputs !== 'raw' && objectInputs !== 'qualified') {
    throw new ConfigError(`${name('object-inputs')} must be raw or qualified, got "${objectInputs}".`);
  }
  const transport = read('transport');
  if (transport !== 'stdio' && transport !== 'http') {
    throw new ConfigError(`${name('transport')} must be stdio or http, got "${transport}".`);
  }
  const logLevel = read('log-level') ?? 'info';
  if (!isLogLevel(logLevel)) throw new ConfigError(`${name('log-level')} must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}".`);

  const waitSeconds = parseNumberInRange(name('wait-seconds'), read('wait-seconds')!, 0, 3600);
  const config: Config = {
    serverUrl,
    demo,
    ...(auth ? { auth } : {}),
    ...(file.path ? { configFile: file.path } : {}),
    ...(servers ? { servers } : {}),
    tools: tools as ToolListing,
    maxTools: parseIntInRange(name('max-tools'), read('max-tools')!, 1, 10_000),
    pin: parseList(read('pin')),
    waitSeconds,
    maxResultBytes: parseIntInRange(name('max-result-bytes'), read('max-result-bytes')!, 1024, 100 * 1024 * 1024),
    maxImageBytes: parseIntInRange(name('max-image-bytes'), read('max-image-bytes')!, 0, 10 * 1024 * 1024),
    timeoutSeconds: parseNumberInRange(name('timeout-seconds'), read('timeout-seconds')!, 0.1, 3600),
    refreshSeconds: parseNumberInRange(name('refresh-seconds'), read('refresh-seconds')!, 0, 86_400),
    include: parseList(read('include')),
    exclude: parseList(read('exclude')),
    objectInputs,
    allowedLinkOrigins: parseList(read('allowed-link-origins')).map((o) => checkOrigin(name('allowed-link-origins'), o)),
    transport,
    http: {
      host: read('host') ?? DEFAULTS.httpHost,
      port: parseIntInRange(name('port'), read('port')!, 0, 65_535),
      stateless: parseBool(name('stateless'), read('stateless')) === true,
      token: read('http-token') || undefined,
      allowedHosts: parseList(read('allowed-hosts')),
      allowedOrigins: parseList(read('allowed-origins')),
      maxSessions: parseIntInRange(name('max-sessions'), read('max-sessions')!, 1, 100_000),
      sessionIdleSeconds: parseNumberInRange(name('session-idle-seconds'), read('session-idle-seconds')!, 0.1, 7 * 86_400),
      maxBodyBytes: parseIntInRange(name('max-body-bytes'), read('max-body-bytes')!, 1024, 1024 * 1024 * 1024),
      shutdownGraceSeconds: read('shutdown-grace-seconds') === undefined
        ? waitSeconds + DEFAULTS.shutdownGraceMarginSeconds
        : parseNumberInRange(name('shutdown-grace-seconds'), read('shutdown-grace-seconds')!, 0, 3600),
    },
    logLevel,
  };
  rejectHttpOnlyFlags(flags, transport);
  return config;
}

/** The secret values of a config (OGC credentials, the HTTP token), for masking in logs and results. */
export function secretsOf(config: Pick<Config, 'auth' | 'http' | 'servers'>): string[] {
  const servers = (config.servers ?? []).flatMap((s) => credentialSecrets(s.auth));
  return [...credentialSecrets(config.auth), ...servers, ...(config.http.token ? [config.http.token] : [])];
}

function checkServerUrl(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  // `localhost:8008` parses as a URL of scheme "localhost:": no scheme is the likelier reading.
  const noScheme = !/^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim());
  const suggestion = noScheme ? ` Did you mean http://${value.trim()} ?` : '';
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, got "${displayUrl(value)}".${suggestion}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(noScheme ? `${name} needs a scheme.${suggestion}` : `${name} must be an http(s) URL, got a ${url.protocol} URL.`);
  }
  if (/\/processes\/?$/.test(url.pathname)) {
    const landing = new URL(url.pathname.replace(/processes\/?$/, ''), url.origin).toString();
    throw new ConfigError(`${name} must be the server's landing page, not its process list: try ${landing}`);
  }
  if (url.username || url.password) {
    throw new ConfigError(`${name} must not carry credentials; use OGC_USERNAME/OGC_PASSWORD or OGC_AUTH_TOKEN instead.`);
  }
  return url.toString();
}

const HTTP_ONLY_FLAGS = ['host', 'port', 'stateless', 'http-token', 'allowed-hosts', 'allowed-origins', 'max-sessions', 'session-idle-seconds', 'max-body-bytes', 'shutdown-grace-seconds'];

/** Flags of the HTTP transport mean nothing over stdio: most likely --transport http was forgotten. */
function rejectHttpOnlyFlags(flags: RawFlags, transport: string | undefined): void {
  if (transport === 'http') return;
  const given = HTTP_ONLY_FLAGS.filter((f) => flags[f] !== undefined).map((f) => `--${f}`);
  if (given.length > 0) {
    throw new ConfigError(`${given.join(', ')} ${given.length > 1 ? 'apply' : 'applies'} to the HTTP transport only: add --transport http, or leave ${given.length > 1 ? 'them' : 'it'} out for stdio.`);
  }
}

/** " Did you mean --x?" for parseArgs' unknown-option message; '' when nothing is close. */
function nearFlagHint(message: string, known: readonly string[]): string {
  const unknown = /Unknown option '--?([^']+)'/.exec(message)?.[1];
  if (unknown === undefined) return '';
  const near = closestMatches(unknown, known);
  return near.length > 0 ? ` Did you mean --${near[0]}?` : '';
}

function checkOrigin(name: string, value: string): string {
  try {
    const u = new URL(value);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.origin;
  } catch {
    // fall through to the error below
  }
  throw new ConfigError(`${name} takes origins such as https://data.example.org, got "${value}".`);
}

/** The servers of --server NAME=URL (or OGC_SERVERS) and of --servers-file, each URL checked and each secret from the environment. */
/** The servers of --server NAME=URL (or OGC_SERVERS) and of --servers-file, each URL checked and each secret from the environment. */
function namedServers(flags: RawFlags, env: NodeJS.ProcessEnv, file: string | undefined): ServerSettings[] {
  const given = flags['server'];
  const pairs = Array.isArray(given) ? given : typeof given === 'string' ? [given] : parseList(env.OGC_SERVERS);
  try {
    const sources = [...pairs.map(parseServerFlag), ...(file !== undefined ? serversFromSection(readServersFile(file), env, file) : [])];
    return sources.map((source) => serverSettings(source, (label, url) => checkServerUrl(label, url)!));
  } catch (error) {
    throw error instanceof ServerListError ? new ConfigError(error.message) : error;
  }
}

function parseList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

function parseBool(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(v)) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}".`);
}

function parseNumberInRange(name: string, value: string, min: number, max: number): number {
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n)) throw new ConfigError(`${name} must be a number, got "${value}".`);
  if (n < min || n > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${n}.`);
  return n;
}

function parseIntInRange(name: string, value: string, min: number, max: number): number {
  const n = parseNumberInRange(name, value, min, max);
  if (!Number.isInteger(n)) throw new ConfigError(`${name} must be a whole number, got ${n}.`);
  return n;
}
