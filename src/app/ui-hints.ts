// The reference GUI's `x-ui-*` hints, read from a process description as the
// server wrote it (the derived tool schema drops them). Three spellings are
// accepted, on the input and on its schema: `x-ui-widget`, `x-ui:widget` and a
// grouped `x-ui: {widget}`; the input's own wins over its schema's.
import { isRecord } from '../util/records.js';
import type { UiHints } from './form-types.js';

export type { UiHints };

const STRING_HINTS = ['widget', 'placeholder', 'separator'] as const;
const NUMBER_HINTS = ['order', 'minimum', 'maximum', 'step'] as const;

type Json = Record<string, unknown>;


/** The hints of every input of a raw description, by input id. */
export function uiHintsOf(description: unknown): Map<string, UiHints> {
  const out = new Map<string, UiHints>();
  if (!isRecord(description)) return out;
  for (const [id, input] of inputEntries(description.inputs)) out.set(id, hintsOfInput(input));
  return out;
}

/** Inputs as a Part 1 map, or as the older list of {id, ...}. */
function inputEntries(inputs: unknown): [string, Json][] {
  if (Array.isArray(inputs)) {
    return inputs.filter((i): i is Json => isRecord(i) && typeof i.id === 'string').map((i) => [i.id as string, i]);
  }
  if (isRecord(inputs)) return Object.entries(inputs).filter((e): e is [string, Json] => isRecord(e[1]));
  return [];
}

function hintsOfInput(input: Json): UiHints {
  const schema = isRecord(input.schema) ? input.schema : {};
  const hints: UiHints = { ...readHints(schemaWithParts(schema)), ...readHints(input) };
  const format = formatOf(schema);
  if (format !== undefined) hints.format = format;
  if (hints.widget === undefined && format === 'bbox') hints.widget = 'map';
  return hints;
}

/** The schema and the members of its allOf, where hints often sit. */
function schemaWithParts(schema: Json): Json {
  const merged: Json = {};
  for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) if (isRecord(part)) Object.assign(merged, part);
  return { ...merged, ...schema };
}

function formatOf(schema: Json): string | undefined {
  const all = schemaWithParts(schema);
  return typeof all.format === 'string' ? all.format : undefined;
}

function readHints(node: Json): UiHints {
  const raw: Json = {};
  if (isRecord(node['x-ui'])) Object.assign(raw, node['x-ui']);
  for (const [key, value] of Object.entries(node)) {
    const m = /^x-ui[-:](.+)$/.exec(key);
    if (m) raw[m[1]!] = value;
  }
  const hints: UiHints = {};
  for (const k of STRING_HINTS) if (typeof raw[k] === 'string') hints[k] = raw[k] as string;
  for (const k of NUMBER_HINTS) if (typeof raw[k] === 'number' && Number.isFinite(raw[k])) hints[k] = raw[k] as number;
  if (typeof raw.advanced === 'boolean') hints.advanced = raw.advanced;
  // The reference's app-specific level (`x-uiLevel: advanced`) means the same.
  if (node['x-uiLevel'] === 'advanced' && hints.advanced === undefined) hints.advanced = true;
  return hints;
}
