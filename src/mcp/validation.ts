// Tool arguments checked against the tool's JSON Schema (2020-12) before
// anything reaches the OGC server. Validators are compiled once per schema
// object: the catalog hands out new schema objects only when a process changes.
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { createAjv } from '../util/ajv.js';
import { hasOwnKey, ownValue } from '../util/records.js';
import { truncate } from '../util/text.js';

export type ValidationOutcome = { ok: true } | { ok: false; problems: string[] };

const MAX_PROBLEMS = 5;
const MAX_VALUE_CHARS = 80;

export class ArgumentValidator {
  private ajv: Ajv2020 | undefined;
  private readonly compiled = new WeakMap<object, ValidateFunction | Error>();

  validate(schema: object, args: unknown): ValidationOutcome {
    const validator = this.compile(schema);
    if (validator instanceof Error) {
      return { ok: false, problems: [`the tool's input schema could not be compiled (${validator.message}); this is a bug in the bridge`] };
    }
    if (validator(args)) return { ok: true };
    return { ok: false, problems: describeErrors(validator.errors ?? [], args) };
  }

  private compile(schema: object): ValidateFunction | Error {
    let entry = this.compiled.get(schema);
    if (!entry) {
      try {
        this.ajv ??= createAjv();
        entry = this.ajv.compile(schema);
      } catch (error) {
        entry = error instanceof Error ? error : new Error(String(error));
      }
      this.compiled.set(schema, entry);
    }
    return entry;
  }
}

/** Turns ajv errors into lines that name the input, the constraint and the value. */
function describeErrors(errors: readonly ErrorObject[], args: unknown): string[] {
  // Branch errors of anyOf/oneOf are noise next to the error of the choice itself,
  // unless they are all there is; keep the most specific ones first.
  const combinators = new Set(['anyOf', 'oneOf', 'if', 'not']);
  const specific = errors.filter((e) => !combinators.has(e.keyword) && !e.schemaPath.includes('/anyOf/') && !e.schemaPath.includes('/oneOf/'));
  const chosen = specific.length > 0 ? specific : errors;
  const lines: string[] = [];
  for (const e of chosen) {
    const line = describeError(e, args);
    if (!lines.includes(line)) lines.push(line);
  }
  // A choice that failed is reported once, after the direct errors.
  for (const e of errors.filter((x) => x.keyword === 'anyOf' || x.keyword === 'oneOf')) {
    if (chosen.includes(e)) continue;
    const line = describeError(e, args);
    if (!lines.includes(line)) lines.push(line);
  }
  if (lines.length > MAX_PROBLEMS) {
    const more = lines.length - MAX_PROBLEMS;
    return [...lines.slice(0, MAX_PROBLEMS), `(${more} more problem${more === 1 ? '' : 's'})`];
  }
  return lines;
}

function describeError(e: ErrorObject, args: unknown): string {
  const path = pointerToPath(e.instancePath);
  const subject = path ? `input "${path}"` : 'the arguments';
  const value = valueAt(args, e.instancePath);
  const got = `; got ${showValue(value)}`;
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return path
        ? `input "${path}" is missing its required property "${String(p.missingProperty)}"`
        : `missing required input "${String(p.missingProperty)}"`;
    case 'additionalProperties':
      return path
        ? `input "${path}" has an unknown property "${String(p.additionalProperty)}" (not allowed)`
        : `unknown input "${String(p.additionalProperty)}" (this tool does not take it)`;
    case 'type':
      return `${subject} must be of type ${String(p.type)} (type)${got}`;
    case 'enum':
      return `${subject} must be one of ${(p.allowedValues as unknown[]).map(showValue).join(', ')} (enum)${got}`;
    case 'const':
      return `${subject} must be ${showValue(p.allowedValue)} (const)${got}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${subject} must be ${String(p.comparison)} ${String(p.limit)} (${e.keyword})${got}`;
    case 'format':
      return `${subject} must be a valid ${String(p.format)} (format)${got}`;
    case 'pattern':
      return `${subject} must match the pattern ${String(p.pattern)} (pattern)${got}`;
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'maxLength':
    case 'minProperties':
    case 'maxProperties':
      return `${subject} ${e.message ?? 'is out of bounds'} (${e.keyword})${got}`;
    case 'anyOf':
    case 'oneOf':
      return `${subject} must match exactly one of the allowed forms (${e.keyword}; see describe_process)${got}`;
    default:
      return `${subject} ${e.message ?? 'is invalid'} (${e.keyword})${got}`;
  }
}

function pointerToPath(pointer: string): string {
  if (!pointer) return '';
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}

function valueAt(root: unknown, pointer: string): unknown {
  let cur: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!hasOwnKey(cur, seg)) return undefined;
    cur = ownValue(cur, seg);
  }
  return cur;
}

function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // Only a value nested thousands deep gets here (JSON has no cycles); String() would overflow too.
    text = '(a value nested too deeply to show)';
  }
  return text.length > MAX_VALUE_CHARS ? `${truncate(text, MAX_VALUE_CHARS + 1)} (${text.length} characters)` : text;
}
