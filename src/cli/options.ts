// The command line of one command for people: the options every command
// takes (server, authentication, config file, format) and its own, parsed
// with node:util parseArgs.
import { parseArgs } from 'node:util';
import { closestMatches } from '../util/near-miss.js';
import type { PeopleCommandName } from './command-names.js';
import { UsageError } from './exit.js';
import { FORMATS, type Format } from './output.js';

type OptionSpec = { type: 'string' | 'boolean'; short?: string; multiple?: boolean };

/** Where the server is and how to authenticate: passed on to config.ts's buildConfig. */
export const SERVER_OPTIONS: Record<string, OptionSpec> = {
  'server-url': { type: 'string' },
  demo: { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  'auth-type': { type: 'string' },
  'auth-token': { type: 'string' },
  'token-header': { type: 'string' },
  'auth-url': { type: 'string' },
  'client-id': { type: 'string' },
  'client-secret': { type: 'string' },
  username: { type: 'string' },
  password: { type: 'string' },
  'api-key': { type: 'string' },
  'api-key-header': { type: 'string' },
  'timeout-seconds': { type: 'string' },
};

const COMMON_OPTIONS: Record<string, OptionSpec> = {
  ...SERVER_OPTIONS,
  format: { type: 'string', short: 'f' },
  help: { type: 'boolean', short: 'h' },
};

const REQUEST_OPTIONS: Record<string, OptionSpec> = {
  input: { type: 'string', short: 'i', multiple: true },
  request: { type: 'string', short: 'r' },
  dotpath: { type: 'boolean', short: 'd' },
};

/** Each command's own options. */
export const COMMAND_OPTIONS: Record<string, Record<string, OptionSpec>> = {
  'list-processes': {},
  'get-process': {},
  'create-request': { dotpath: { type: 'boolean', short: 'd' } },
  'validate-request': { ...REQUEST_OPTIONS, subscriber: { type: 'string', short: 's', multiple: true } },
  'execute-process': { ...REQUEST_OPTIONS, subscriber: { type: 'string', short: 's', multiple: true }, wait: { type: 'string' } },
  'list-jobs': {},
  'get-job': {},
  'dismiss-job': {},
  'get-job-results': { output: { type: 'string', short: 'o' } },
  configure: {
    'api-url': { type: 'string' },
    'auth-type': { type: 'string', short: 'a' },
    username: { type: 'string', short: 'u' },
    password: { type: 'string', short: 'p' },
    'auth-token': { type: 'string', short: 't' },
    token: { type: 'string' },
    'use-bearer': { type: 'boolean' },
    'no-use-bearer': { type: 'boolean' },
  },
};

export interface ParsedCommand {
  values: Record<string, string | boolean | string[] | undefined>;
  positional?: string;
  format: Format;
  help: boolean;
}

export function parseCommand(command: PeopleCommandName, argv: readonly string[]): ParsedCommand {
  const options = { ...COMMON_OPTIONS, ...COMMAND_OPTIONS[command.name] };
  let parsed: { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: command.name === 'execute-process' ? optionalWaitValue(argv) : [...argv], options, strict: true, allowPositionals: true }) as typeof parsed;
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '').replace(/\.$/, '');
    const unknown = /Unknown option '--?([^']+)'/.exec(message)?.[1];
    const near = unknown !== undefined ? closestMatches(unknown, Object.keys(options)) : [];
    throw new UsageError(`${command.name}: ${message}.${near.length ? ` Did you mean --${near[0]}?` : ''} See \`ogc-processes-mcp help ${command.name}\`.`);
  }
  const help = parsed.values.help === true;
  const format = (parsed.values.format as string | undefined) ?? 'yaml';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`-f/--format must be one of ${FORMATS.join(', ')}, got "${format}".`);
  }
  const takes = command.argument !== undefined;
  const [positional, ...extra] = parsed.positionals;
  if (!help) {
    if (!takes && positional !== undefined) throw new UsageError(`${command.name} takes no argument, got "${positional}".`);
    if (extra.length > 0) throw new UsageError(`${command.name} takes one ${command.argument}, got also "${extra.join('", "')}".`);
    if (takes && !command.argument!.startsWith('[') && positional === undefined) {
      throw new UsageError(`${command.name} needs a ${command.argument}: ogc-processes-mcp ${command.name} ${command.argument}`);
    }
  }
  return { values: parsed.values, ...(positional !== undefined ? { positional } : {}), format: format as Format, help };
}

/** `--wait` takes an optional number of seconds: `--wait 30` and `--wait` alone both work. */
function optionalWaitValue(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (arg !== '--wait') {
      out.push(arg);
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && /^\d+(\.\d+)?$/.test(next)) {
      out.push(`--wait=${next}`);
      i++;
    } else {
      out.push('--wait=');
    }
  }
  return out;
}

/** The values among `values` that buildConfig reads (server, authentication, config file). */
export function serverFlags(values: ParsedCommand['values']): Record<string, string | boolean | undefined> {
  const flags: Record<string, string | boolean | undefined> = {};
  for (const key of Object.keys(SERVER_OPTIONS)) {
    const value = values[key];
    if (typeof value === 'string' || typeof value === 'boolean') flags[key] = value;
  }
  return flags;
}

export function usageOf(command: PeopleCommandName): string {
  const own = Object.entries(COMMAND_OPTIONS[command.name] ?? {}).map(([name, spec]) => `${spec.short ? `-${spec.short}, ` : ''}--${name}`);
  const lines = [
    `Usage: ogc-processes-mcp ${command.name}${command.argument ? ` ${command.argument}` : ''} [options]${command.alias ? `   (alias: ${command.alias})` : ''}`,
    '',
    command.summary,
    '',
  ];
  const help = COMMAND_HELP[command.name];
  if (help) lines.push(...help, '');
  if (own.length > 0) lines.push(`Options: ${own.join(', ')}`);
  lines.push(
    'Server:  --server-url URL | --demo | the configured server (-c/--config PATH, OGC_CONFIG; see `configure`)',
    'Auth:    --auth-type none|basic|token|api-key|login|client-credentials, --auth-token, --token-header,',
    '         --username, --password, --api-key, --api-key-header, --auth-url, --client-id, --client-secret',
    '         (each also as an OGC_* variable; flags > variables > config file)',
    'Output:  -f, --format simple|json|yaml (default yaml); json and yaml print only the document on stdout',
    'Exit:    0 done, 1 wrong usage or invalid request, 2 the server answered with an error, 3 no answer',
  );
  return `${lines.join('\n')}\n`;
}

const REQUEST_HELP = [
  'A request comes from -r FILE (JSON or YAML; - for stdin), the PROCESS_ID argument and -i options, later ones winning:',
  '  -i NAME=VALUE  an input (VALUE read as JSON, else as a string; -i NAME alone is true); repeatable',
  '  -d, --dotpath  NAME may be a dotted path (scene.size.0) into nested objects and lists',
  '  -s EVENT=URL   a callback: EVENT is success, failed or progress; repeatable',
];

const COMMAND_HELP: Record<string, string[]> = {
  'create-request': ['-d, --dotpath  write nested inputs as dotted names (scene.size) instead of objects'],
  'validate-request': [...REQUEST_HELP, 'The request is checked against the inputs of the process description; nothing is executed.'],
  'execute-process': [
    ...REQUEST_HELP,
    '  --wait [SECONDS]  follow the job to its end (a progress bar on a terminal), then print its results;',
    '                    Ctrl+C asks whether to dismiss the job',
  ],
  'get-job-results': ['-o, --output DIR  write each output to DIR/<output><ext> (decoded, links fetched) and list the files'],
  configure: [
    'Asks for what is missing on a terminal; otherwise takes flags: --api-url (or --server-url), -a/--auth-type,',
    '--auth-url, -u/--username, -p/--password, --client-id, --client-secret, -t/--token, --use-bearer/--no-use-bearer,',
    '--token-header, --api-key, --api-key-header. Login (OAuth2 password grant) fetches the tokens at once and keeps',
    'them (not the password); the file is readable by you only (0600).',
  ],
};
