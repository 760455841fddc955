// Any process description a server may send, read once into one shape
// (ProcessDescription): Part 1 1.0 documents; `process` / `processOffering` /
// `processDescription` wrappers with their siblings (deploy payloads, old
// Weaver, Testbed-14); Dewberry's `info` block; PyWPS `identifier`/`abstract`;
// inputs and outputs as maps, lists with `id`, or lists of one-entry maps;
// minOccurs/maxOccurs as numbers, numeric strings or "unbounded". Input
// schemas are taken as given or translated from older forms (legacy-schema.ts).
import { schemaOfDefinition } from './legacy-schema.js';
import { plainText, quoteId } from './text.js';
import { isRecord, ownKeys, ownValue } from '../util/records.js';
import { truncateWords } from '../util/text.js';
import { errorMessage } from '../util/errors.js';

export const MAX_PARAMETERS = 1000;
export const MAX_ID_LENGTH = 1024;
/** A process that demands more values than this for one input cannot be called by a model. */
export const MAX_MIN_OCCURS = 10_000;
/** maxOccurs beyond this is as good as unbounded (and keeps maxItems a sane integer). */
const UNBOUNDED_ABOVE = 2 ** 31 - 1;
const MAX_WRAPPER_DEPTH = 5;

/** A process description brought to the Part 1 1.0 shape; schemas are still as the server wrote them. */
export interface ProcessDescription {
  id: string;
  title?: string;
  description?: string;
  version?: string;
  jobControlOptions: string[];
  outputTransmission: string[];
  inputs: ProcessParameter[];
  outputs: ProcessParameter[];
  /** Oddities met while reading, for humans (stderr, describe_process). */
  warnings: string[];
  /** The document as the server sent it: what `#/` references in the schemas point into, and what people are shown. */
  document: unknown;
}

/** One input or output, in description order. */
export interface ProcessParameter {
  id: string;
  title?: string;
  description?: string;
  /** 1 when absent (Part 1 default); outputs always 1. */
  minOccurs: number;
  /** A count, or 'unbounded'. */
  maxOccurs: number | 'unbounded';
  /** An OpenAPI 3.0 schema, as given or translated from an older form (literalDataDomain, formats, supportedCRS). */
  schema: unknown;
}

export type DescriptionReading = { ok: true; process: ProcessDescription } | { ok: false; processId?: string; reason: string };

export interface ReadDescriptionOptions {
  /** The id the server serves the process under; it wins over the description's own id. */
  processId?: string;
}

/** Reads a description; never throws: a document that cannot be used gives a reason. */
export function readProcessDescription(raw: unknown, options: ReadDescriptionOptions = {}): DescriptionReading {
  try {
    return read(raw, options);
  } catch (error) {
    // Only a hostile object (a throwing getter) gets here; JSON.parse output cannot throw.
    const processId = options.processId;
    return { ok: false, ...(processId !== undefined ? { processId } : {}), reason: `the description could not be read (${truncateWords(errorMessage(error), 200)})` };
  }
}

function read(raw: unknown, options: ReadDescriptionOptions): DescriptionReading {
  const { body, fallback } = unwrap(raw);
  const warnings: string[] = [];
  const describedId = idOf(body);
  const id = options.processId ?? describedId;
  if (id === undefined || id === '') {
    return { ok: false, reason: 'the description has no process id' };
  }
  if (id.length > MAX_ID_LENGTH) {
    return { ok: false, processId: truncateWords(id, 80), reason: `the process id is longer than ${MAX_ID_LENGTH} characters` };
  }
  if (describedId !== undefined && describedId !== id) warnings.push(`the description names the process ${quoteId(describedId)}`);

  const inputs = readParameters(ownValue(body, 'inputs'), 'input', warnings);
  if (typeof inputs === 'string') return { ok: false, processId: id, reason: inputs };
  const outputs = readParameters(ownValue(body, 'outputs'), 'output', warnings);
  if (typeof outputs === 'string') return { ok: false, processId: id, reason: outputs };

  const process: ProcessDescription = {
    id,
    jobControlOptions: stringList(ownValue(body, 'jobControlOptions') ?? fallback.jobControlOptions),
    outputTransmission: stringList(ownValue(body, 'outputTransmission') ?? fallback.outputTransmission),
    inputs,
    outputs,
    warnings,
    document: raw,
  };
  const title = plainText(ownValue(body, 'title'));
  if (title !== undefined) process.title = truncateWords(title, 200);
  const description = plainText(ownValue(body, 'description')) ?? plainText(ownValue(body, 'abstract'));
  if (description !== undefined) process.description = description;
  const version = versionOf(ownValue(body, 'version')) ?? versionOf(ownValue(body, 'processVersion')) ?? versionOf(fallback.version);
  if (version !== undefined) process.version = version;
  return { ok: true, process };
}

interface Fallback {
  jobControlOptions?: unknown;
  outputTransmission?: unknown;
  version?: unknown;
}

/** The object that holds the process itself, and what its wrappers say beside it. */
function unwrap(raw: unknown): { body: Record<string, unknown>; fallback: Fallback } {
  const fallback: Fallback = {};
  if (!isRecord(raw)) return { body: {}, fallback };
  let body = raw;
  for (let depth = 0; depth < MAX_WRAPPER_DEPTH && idOf(body) === undefined; depth++) {
    const key = ['processDescription', 'processOffering', 'process'].find((k) => isRecord(ownValue(body, k)));
    if (key !== undefined) {
      collectFallback(body, fallback);
      body = ownValue(body, key) as Record<string, unknown>;
      continue;
    }
    // Dewberry: {info: {id, title, ...}, inputs, outputs}.
    const info = ownValue(body, 'info');
    if (isRecord(info) && idOf(info) !== undefined) {
      collectFallback(body, fallback);
      body = { ...withoutKey(body, 'info'), ...info };
    }
    break;
  }
  return { body, fallback };
}

function collectFallback(wrapper: Record<string, unknown>, fallback: Fallback): void {
  fallback.jobControlOptions ??= ownValue(wrapper, 'jobControlOptions');
  fallback.outputTransmission ??= ownValue(wrapper, 'outputTransmission');
  fallback.version ??= ownValue(wrapper, 'processVersion') ?? ownValue(wrapper, 'version');
}

function withoutKey(obj: Record<string, unknown>, key: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ownKeys(obj)) if (k !== key) Object.defineProperty(out, k, { value: obj[k], enumerable: true, writable: true, configurable: true });
  return out;
}

function idOf(obj: unknown): string | undefined {
  const id = ownValue(obj, 'id') ?? ownValue(obj, 'identifier');
  if (typeof id === 'string') return id.trim() === '' ? undefined : id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return undefined;
}

function versionOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return truncateWords(value.trim(), 100);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function stringList(value: unknown): string[] {
  const list = Array.isArray(value) ? value.slice(0, 20) : value === undefined ? [] : [value];
  return [...new Set(list.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()))];
}

/** Inputs or outputs in description order, or a reason why the process cannot be used. */
function readParameters(value: unknown, kind: 'input' | 'output', warnings: string[]): ProcessParameter[] | string {
  const entries: [string, Record<string, unknown>][] = [];
  const seen = new Set<string>();
  const add = (id: unknown, def: unknown): void => {
    const name = typeof id === 'number' && Number.isFinite(id) ? String(id) : id;
    if (typeof name !== 'string' || name === '') {
      warnings.push(`an ${kind} without an id was ignored`);
    } else if (!isRecord(def)) {
      warnings.push(`${kind} ${quoteId(name)} has no description and was ignored`);
    } else if (seen.has(name)) {
      warnings.push(`${kind} ${quoteId(name)} is described twice; the first description is used`);
    } else if (name.length > MAX_ID_LENGTH) {
      warnings.push(`an ${kind} id longer than ${MAX_ID_LENGTH} characters was ignored`);
    } else {
      seen.add(name);
      entries.push([name, def]);
    }
  };

  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) {
    if (value.length > MAX_PARAMETERS) return `it has more than ${MAX_PARAMETERS} ${kind}s`;
    for (const item of value) {
      if (!isRecord(item)) {
        warnings.push(`an ${kind} entry that is not an object was ignored`);
        continue;
      }
      const id = ownValue(item, 'id') ?? ownValue(item, 'identifier');
      const keys = ownKeys(item);
      // [{"<id>": {...}}]: a list of one-entry maps, or of one map holding them all (unity-sps).
      if (id === undefined && keys.length === 1 && isRecord(item[keys[0]])) add(keys[0], item[keys[0]]);
      else if (id === undefined && keys.length > 1 && keys.every((k) => isRecord(item[k]) && !DEFINITION_KEYS.has(k))) for (const k of keys) add(k, item[k]);
      else add(id, item);
    }
  } else if (isRecord(value)) {
    const keys = ownKeys(value);
    if (keys.length > MAX_PARAMETERS) return `it has more than ${MAX_PARAMETERS} ${kind}s`;
    for (const key of keys) add(key, value[key]);
  } else {
    warnings.push(`its ${kind}s are neither a map nor a list and were ignored`);
    return [];
  }

  const parameters: ProcessParameter[] = [];
  for (const [id, def] of entries) {
    const parameter = readParameter(id, def, kind, warnings);
    if (typeof parameter === 'string') return parameter;
    parameters.push(parameter);
  }
  return parameters;
}

function readParameter(id: string, def: Record<string, unknown>, kind: 'input' | 'output', warnings: string[]): ProcessParameter | string {
  const warn = (message: string): void => {
    warnings.push(`${kind} ${quoteId(id)}: ${message}`);
  };
  let minOccurs = 1;
  let maxOccurs: number | 'unbounded' = 1;
  if (kind === 'input') {
    // PyWPS and Weaver's WPS providers write them in snake_case.
    const min = occurs(ownValue(def, 'minOccurs') ?? ownValue(def, 'min_occurs'));
    const rawMax = ownValue(def, 'maxOccurs') ?? ownValue(def, 'max_occurs');
    // No maxOccurs beside a minOccurs above 1 (javaPS leaves it out when unbounded) cannot mean 1.
    const max = rawMax === undefined && typeof min === 'number' && min > 1 ? 'unbounded' : occurs(rawMax);
    if (min === 'invalid' || min === 'unbounded') warn('minOccurs is not a number; 1 is assumed');
    else if (min !== undefined) minOccurs = min;
    if (max === 'invalid') warn('maxOccurs is not a number; 1 is assumed');
    else if (max !== undefined) maxOccurs = max === 'unbounded' || max > UNBOUNDED_ABOVE ? 'unbounded' : max;
    if (minOccurs > MAX_MIN_OCCURS) return `input ${quoteId(id)} requires at least ${minOccurs} values`;
    if (maxOccurs !== 'unbounded' && maxOccurs < Math.max(minOccurs, 1)) {
      warn(`maxOccurs ${maxOccurs} is below minOccurs ${minOccurs}; ${Math.max(minOccurs, 1)} is assumed`);
      maxOccurs = Math.max(minOccurs, 1);
    }
  }
  let schema = occurrencesInSchema(schemaOfDefinition(def, warn), maxOccurs);
  if (schema === undefined && kind === 'input' && maxOccurs === 1) {
    // Nothing said of the value (WPS-derived, only occurrences): one value, whatever it is, but not a list of them.
    schema = { type: ['string', 'number', 'boolean', 'object'] };
    warn('it has no schema; any single value is accepted');
  } else if (schema === undefined) {
    warn('it has no schema; any value is accepted');
  }
  const parameter: ProcessParameter = { id, minOccurs, maxOccurs, schema };
  const title = plainText(ownValue(def, 'title'));
  if (title !== undefined) parameter.title = truncateWords(title, 200);
  const description = plainText(ownValue(def, 'description')) ?? plainText(ownValue(def, 'abstract'));
  if (description !== undefined) parameter.description = description;
  return parameter;
}

// Keys of an input or output definition: a map holding one of these is a definition, not a map of them.
const DEFINITION_KEYS: ReadonlySet<string> = new Set(['schema', 'title', 'description', 'abstract', 'minOccurs', 'maxOccurs', 'formats', 'input', 'output', 'literalDataDomains', 'keywords', 'metadata']);

/**
 * Weaver writes the schema of an input that takes several values as the
 * array of them, maxItems being maxOccurs: the value schema is its items
 * (Part 1 describes one value; occurrences make the array).
 */
function occurrencesInSchema(schema: unknown, maxOccurs: number | 'unbounded'): unknown {
  if (!isRecord(schema) || maxOccurs === 1 || ownValue(schema, 'type') !== 'array') return schema;
  const items = ownValue(schema, 'items');
  if (!isRecord(items)) return schema;
  const maxItems = ownValue(schema, 'maxItems');
  const same = maxOccurs === 'unbounded' ? maxItems === undefined : maxItems === maxOccurs;
  return same ? items : schema;
}

/** minOccurs/maxOccurs as servers write them: 2, "2", "unbounded", 1e300 (kept huge; callers decide). */
function occurs(value: unknown): number | 'unbounded' | 'invalid' | undefined {
  if (value === undefined || value === null) return undefined;
  let n: number;
  if (typeof value === 'number') {
    n = value;
  } else if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'unbounded' || text === '*' || text === 'infinity') return 'unbounded';
    if (text === '' || !/^[+]?\d+(\.\d+)?(e[+]?\d+)?$/.test(text)) return 'invalid';
    n = Number(text);
  } else {
    return 'invalid';
  }
  if (Number.isNaN(n) || n < 0) return 'invalid';
  return Number.isFinite(n) ? Math.floor(n) : Number.MAX_VALUE;
}
