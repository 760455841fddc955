// Every results shape real servers send, brought to one map keyed by the
// process's declared output ids:
// - the Part 1 map `{outputId: value}`;
// - a document `{outputs: [...]}` whose items carry an `id` (`{id, value}`,
//   `{id, href}`, `{id, ...qualified}`) or none (pygeoapi: the whole output),
//   or hold a nested list of such items (pygeoapi with several outputs);
// - `{outputs: {...}}`, a map inside a wrapper;
// - a raw single output: `{id, value}`, a list of `{id, value}`, or any JSON
//   value for the only output (a bare object whose keys are not output ids).
// Items without an id go to the declared (or requested) outputs no item named,
// in order; whatever cannot be placed keeps the id `return_value`.

import { isRecord } from '../util/records.js';

/** The output id used for a value whose id nobody told us. */
export const DEFAULT_OUTPUT_ID = 'return_value';

export type ResultsMap = Record<string, unknown>;

export interface ResultsContext {
  /** Output ids of the process description, in order (undefined: not known). */
  declared?: readonly string[];
  /** Output ids the execute request asked for (undefined: all). */
  requested?: readonly string[];
  /** The response mode asked for: `raw` means the body is the output itself. */
  response?: 'raw' | 'document';
}


// Keys a results wrapper may carry beside `outputs`.
const WRAPPER_KEYS = new Set(['outputs', 'links', '$schema', 'jobID', 'processID', 'status', 'id', 'type']);
// Keys of an `{id, ...}` output item besides its value.
const ITEM_KEYS = new Set(['id', 'value', 'href', 'mediaType', 'encoding', 'schema', 'type', 'rel', 'title', 'format', 'hreflang', 'uom', 'dataType']);

/** The outputs a response may hold, in order: those asked for, else those declared. */
function expectedIds(ctx: ResultsContext): readonly string[] | undefined {
  if (ctx.requested && ctx.requested.length > 0) return ctx.requested;
  return ctx.declared;
}

function isKnownId(id: string, ctx: ResultsContext): boolean {
  const expected = expectedIds(ctx);
  return expected === undefined || expected.length === 0 || expected.includes(id) || (ctx.declared?.includes(id) ?? false);
}

/** `{id, value}`-like: an id and nothing but item keys, with a value or a link. */
function isIdItem(value: unknown, ctx: ResultsContext): value is Record<string, unknown> & { id: string } {
  if (!isRecord(value) || typeof value.id !== 'string') return false;
  if (!('value' in value) && typeof value.href !== 'string') return false;
  if (!Object.keys(value).every((k) => ITEM_KEYS.has(k))) return false;
  return isKnownId(value.id, ctx);
}

/** The value of an `{id, ...}` item: its plain value, or a qualified value / link without the id. */
function itemValue(item: Record<string, unknown>): unknown {
  const { id: _id, ...rest } = item;
  if ('value' in rest) {
    const qualifiers = Object.keys(rest).filter((k) => k !== 'value');
    return qualifiers.length === 0 ? rest.value : rest;
  }
  return rest;
}

/** Files items with ids under their ids, and the others under the expected ids nobody named. */
function fromItems(items: readonly unknown[], ctx: ResultsContext): ResultsMap {
  const flat: unknown[] = [];
  for (const item of items) {
    // pygeoapi's document of a multi-output process: a list inside the list.
    if (Array.isArray(item) && item.every((i) => isIdItem(i, ctx))) flat.push(...item);
    else flat.push(item);
  }
  const map: ResultsMap = {};
  const anonymous: unknown[] = [];
  for (const item of flat) {
    if (isIdItem(item, ctx)) map[item.id] = itemValue(item);
    else anonymous.push(item);
  }
  const free = (expectedIds(ctx) ?? []).filter((id) => !Object.hasOwn(map, id));
  anonymous.forEach((item, i) => {
    const id = free[i] ?? (i === 0 && !Object.hasOwn(map, DEFAULT_OUTPUT_ID) ? DEFAULT_OUTPUT_ID : `${DEFAULT_OUTPUT_ID}_${i + 1}`);
    map[id] = item;
  });
  return map;
}

/** The one output a response may stand for, if there is exactly one. */
export function onlyOutputId(ctx: ResultsContext): string | undefined {
  const expected = expectedIds(ctx);
  return expected !== undefined && expected.length === 1 ? expected[0] : undefined;
}

/** Whether a map's keys are output ids of the process (all of them known, at least one). */
function keysAreOutputIds(doc: Record<string, unknown>, ctx: ResultsContext): boolean {
  const keys = Object.keys(doc);
  if (keys.length === 0) return true;
  const known = ctx.declared ?? ctx.requested;
  if (known === undefined || known.length === 0) return true;
  return keys.every((k) => known.includes(k) || (ctx.requested?.includes(k) ?? false));
}

/**
 * Results by output id, from a parsed JSON body of a results response (or of
 * a synchronous execution). `null` (a process without outputs) is an empty map.
 */
export function resultsFromJson(doc: unknown, ctx: ResultsContext = {}): ResultsMap {
  if (doc === null || doc === undefined) return {};
  const only = onlyOutputId(ctx);
  if (Array.isArray(doc)) {
    if (doc.length > 0 && doc.every((i) => isIdItem(i, ctx) || (Array.isArray(i) && i.every((j) => isIdItem(j, ctx))))) return fromItems(doc, ctx);
    return { [only ?? DEFAULT_OUTPUT_ID]: doc };
  }
  if (!isRecord(doc)) return { [only ?? DEFAULT_OUTPUT_ID]: doc };

  const outputsIsAnOutput = ctx.declared?.includes('outputs') ?? false;
  const wrapperOnly = Object.keys(doc).every((k) => WRAPPER_KEYS.has(k));
  if (!outputsIsAnOutput && wrapperOnly && 'outputs' in doc) {
    const outputs = doc.outputs;
    if (Array.isArray(outputs)) return fromItems(outputs, ctx);
    if (isRecord(outputs) && keysAreOutputIds(outputs, ctx) && !('value' in outputs) && typeof outputs.href !== 'string') return { ...outputs };
  }
  if (isIdItem(doc, ctx) && !(ctx.declared ?? []).some((id) => id === 'id' || id === 'value')) return { [doc.id]: itemValue(doc) };
  // response=raw: the body is the value of the one output asked for.
  if (ctx.response === 'raw') return { [only ?? DEFAULT_OUTPUT_ID]: doc };
  if (keysAreOutputIds(doc, ctx)) return doc;
  // A bare JSON value standing for the process's only output.
  if (only !== undefined) return { [only]: doc };
  return doc;
}
