// Execution requests as the reference client takes them: a file or stdin
// (JSON or YAML, `{process_id, dotpath, inputs, outputs, subscriber}`), the
// PROCESS_ID argument, `-i NAME=VALUE` and `-s EVENT=URL`, later ones winning;
// and request templates from the inputs' schema defaults.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { UsageError } from './exit.js';

export interface ExecutionRequestDoc {
  process_id?: string;
  dotpath?: boolean;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  subscriber?: Record<string, string>;
  response?: string;
}

export interface RequestArguments {
  /** -r: a path, or `-` for stdin. */
  requestFile?: string;
  processId?: string;
  inputs?: readonly string[];
  subscribers?: readonly string[];
  dotpath?: boolean;
}

const SUBSCRIBER_KEYS: Record<string, string> = { success: 'successUri', failed: 'failedUri', progress: 'inProgressUri' };
const REQUEST_KEYS = new Set(['process_id', 'dotpath', 'inputs', 'outputs', 'subscriber', 'response']);

/** Reads and merges a request; the result has a process id and object-valued parts. */
export async function buildRequest(args: RequestArguments, stdin: NodeJS.ReadableStream = process.stdin): Promise<ExecutionRequestDoc & { process_id: string }> {
  const doc: ExecutionRequestDoc = args.requestFile !== undefined ? await readRequestFile(args.requestFile, stdin) : {};
  if (args.processId !== undefined) doc.process_id = args.processId;
  if (args.dotpath) doc.dotpath = true;
  const inputs: Record<string, unknown> = { ...(doc.inputs ?? {}) };
  for (const arg of args.inputs ?? []) {
    const [name, value] = parseInputArgument(arg);
    inputs[name] = value;
  }
  doc.inputs = doc.dotpath ? nestDotted(inputs) : inputs;
  if ((args.subscribers ?? []).length > 0) {
    doc.subscriber = { ...(doc.subscriber ?? {}) };
    for (const arg of args.subscribers ?? []) {
      const [key, url] = parseSubscriberArgument(arg);
      doc.subscriber[key] = url;
    }
  }
  if (!doc.process_id) throw new UsageError('Missing process id: give PROCESS_ID, or process_id in the request file.');
  return doc as ExecutionRequestDoc & { process_id: string };
}

async function readRequestFile(source: string, stdin: NodeJS.ReadableStream): Promise<ExecutionRequestDoc> {
  let text: string;
  try {
    text = source === '-' ? await readAll(stdin) : await readFile(source, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the request file ${source}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = source.toLowerCase().endsWith('.json') || (source === '-' && text.trimStart().startsWith('{')) ? JSON.parse(text) : parse(text);
  } catch (error) {
    throw new UsageError(`The request ${source === '-' ? 'on stdin' : `file ${source}`} is not valid ${source.toLowerCase().endsWith('.json') ? 'JSON' : 'JSON or YAML'}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new UsageError(`The request ${source === '-' ? 'on stdin' : `file ${source}`} must be an object such as {process_id: ..., inputs: {...}}.`);
  }
  const record = doc as Record<string, unknown>;
  const unknown = Object.keys(record).filter((k) => !REQUEST_KEYS.has(k));
  if (unknown.length > 0) throw new UsageError(`The request has unknown keys ${unknown.join(', ')}; known: ${[...REQUEST_KEYS].join(', ')}.`);
  for (const key of ['inputs', 'outputs', 'subscriber'] as const) {
    const value = record[key];
    if (value !== undefined && value !== null && (typeof value !== 'object' || Array.isArray(value))) {
      throw new UsageError(`The request's ${key} must be an object (name: value).`);
    }
  }
  if (record.process_id !== undefined && typeof record.process_id !== 'string') throw new UsageError("The request's process_id must be a string.");
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null)) as ExecutionRequestDoc;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** `-i name=value`: the value as JSON when it parses, else as a string; `-i name` alone is true. */
export function parseInputArgument(arg: string): [string, unknown] {
  const at = arg.indexOf('=');
  const name = (at < 0 ? arg : arg.slice(0, at)).trim();
  if (!/^[A-Za-z_][\w.-]*$/.test(name)) throw new UsageError(`-i ${arg}: the input name must start with a letter, as in -i NAME=VALUE.`);
  if (at < 0) return [name, true];
  const raw = arg.slice(at + 1);
  if (raw === '') throw new UsageError(`-i ${arg}: missing input value (for an empty string write -i '${name}=""').`);
  try {
    return [name, JSON.parse(raw)];
  } catch {
    return [name, raw];
  }
}

/** `-s event=url`: success, failed or progress, to an http(s) URL. */
export function parseSubscriberArgument(arg: string): [string, string] {
  const at = arg.indexOf('=');
  const event = at < 0 ? arg : arg.slice(0, at);
  const key = SUBSCRIBER_KEYS[event.trim().toLowerCase()];
  if (!key) throw new UsageError(`-s ${arg}: the event must be success, failed or progress, as in -s success=https://example.org/done.`);
  const url = arg.slice(at + 1).trim();
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hostname === '') {
    throw new UsageError(`-s ${arg}: the callback must be an http(s) URL with a host.`);
  }
  return [key, url];
}

/** `{"a.b.0": 1}` -> `{a: {b: [1]}}`: numeric segments index lists. */
export function nestDotted(flat: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const path = key.split('.');
    let node: Record<string, unknown> | unknown[] = root;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      const last = i === path.length - 1;
      const index = Array.isArray(node) ? Number(segment) : segment;
      if (Array.isArray(node) && !Number.isInteger(index)) throw new UsageError(`--dotpath: "${key}" uses "${segment}" as a list index.`);
      if (last) {
        (node as Record<string | number, unknown>)[index] = value;
        break;
      }
      const wantList = /^\d+$/.test(path[i + 1]!);
      let child = (node as Record<string | number, unknown>)[index];
      if (typeof child !== 'object' || child === null) {
        child = wantList ? [] : {};
        (node as Record<string | number, unknown>)[index] = child;
      }
      node = child as Record<string, unknown> | unknown[];
    }
  }
  return root;
}

/** `{a: {b: 1}}` -> `{"a.b": 1}` (objects only; lists stay values). */
export function flattenDotted(nested: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(nested)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0) {
      Object.assign(out, flattenDotted(value as Record<string, unknown>, name));
    } else {
      out[name] = value;
    }
  }
  return out;
}

/** The request template of a process: each input's default, as the reference client makes it. */
export function requestTemplate(processId: string, description: unknown, dotpath: boolean): ExecutionRequestDoc {
  const inputs: Record<string, unknown> = {};
  const declared = (description as { inputs?: unknown }).inputs;
  const entries: Array<[string, unknown]> = Array.isArray(declared)
    ? declared.map((d) => [String((d as { id?: unknown }).id), d])
    : Object.entries((declared as Record<string, unknown> | undefined) ?? {});
  for (const [id, input] of entries) inputs[id] = defaultOf((input as { schema?: unknown }).schema);
  return { process_id: processId, ...(dotpath ? { dotpath: true } : {}), inputs: dotpath ? flattenDotted(inputs) : inputs };
}

const TYPE_DEFAULTS: Record<string, unknown> = { null: null, boolean: false, integer: 0, number: 0, string: '', array: [], object: {} };

/** schema.default, else the first enum value, else the object's properties' defaults, else the type's zero. */
function defaultOf(schema: unknown, depth = 0): unknown {
  if (typeof schema !== 'object' || schema === null || depth > 10) return null;
  const s = schema as Record<string, unknown>;
  if ('default' in s) return s.default;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type === 'object' && typeof s.properties === 'object' && s.properties !== null) {
    return Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, defaultOf(v, depth + 1)]));
  }
  if (typeof type === 'string' && type in TYPE_DEFAULTS) {
    const zero = TYPE_DEFAULTS[type];
    return Array.isArray(zero) ? [] : typeof zero === 'object' && zero !== null ? {} : zero;
  }
  for (const key of ['oneOf', 'anyOf', 'allOf']) {
    const options = s[key];
    if (Array.isArray(options) && options.length > 0) return defaultOf(options[0], depth + 1);
  }
  return null;
}
