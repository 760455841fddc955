// Generators of tool calls that are invalid by construction, from the tools'
// own input schemas (all of which forbid unknown inputs): wrong types, values
// out of range, missing required inputs, unknown inputs (odd unicode, huge,
// __proto__ and constructor among them), huge strings, deep nesting, unknown
// tool names. Shared by the normal suite and the stress run.
import fc from 'fast-check';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';

export interface BadCall {
  name: string;
  arguments: Record<string, unknown>;
  /** What makes it invalid, for failure messages. */
  why: string;
}

type Schema = Record<string, unknown>;

const KINDS = ['string', 'number', 'boolean', 'null', 'array', 'object'] as const;
type Kind = (typeof KINDS)[number];

/** Keys that would pollute or confuse a careless object merge. */
export const NASTY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];

/** An object with these own properties, __proto__ included (never the setter). */
export function ownObject(entries: Iterable<readonly [string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/** Nested arrays or objects `depth` deep around a leaf. */
export function deeplyNested(depth: number, shape: 'array' | 'object', leaf: unknown = 1): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = shape === 'array' ? [value] : { nested: value };
  return value;
}

const oddUnicode = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('\u0000', '\uFEFF', '\u202E', '\uD800', '\uDFFF', 'e\u0301', '🧨'.repeat(10), 'ｐｒｉｍｅｓ', '\n\r\t', '%2e%2e/%2f', '../../etc/passwd', '{"$ref":"#"}'),
);

const hugeString = fc
  .tuple(fc.integer({ min: 10_000, max: 200_000 }), fc.constantFrom('x', 'é', '🧨', '\u0000', 'ab"\\'))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));

const deep = fc.tuple(fc.integer({ min: 50, max: 2_000 }), fc.constantFrom('array' as const, 'object' as const)).map(([d, s]) => deeplyNested(d, s));

const smallJson = fc.jsonValue({ maxDepth: 3 });

/** A JSON value of the given kind (after JSON serialization, still of that kind). */
function valueOfKind(kind: Kind): fc.Arbitrary<unknown> {
  switch (kind) {
    case 'string':
      return fc.oneof(oddUnicode, hugeString);
    case 'number':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1e308, -1e308, 0.5, 2 ** 53 + 1));
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.oneof(fc.array(smallJson, { maxLength: 5 }), deep.filter(Array.isArray));
    case 'object':
      return fc.oneof(
        fc.dictionary(fc.oneof(oddUnicode, fc.constantFrom(...NASTY_KEYS)), smallJson, { maxKeys: 5 }).map((d) => ownObject(Object.entries(d))),
        fc.constant(ownObject([['__proto__', { polluted: true }]])),
        deep.filter((v) => !Array.isArray(v)),
      );
  }
}

function allowedKinds(schema: Schema): Set<Kind> | undefined {
  const type = schema.type;
  const types = typeof type === 'string' ? [type] : Array.isArray(type) ? (type as string[]) : undefined;
  if (!types) return undefined;
  const kinds = new Set<Kind>();
  for (const t of types) {
    if (t === 'integer' || t === 'number') kinds.add('number');
    else if ((KINDS as readonly string[]).includes(t)) kinds.add(t as Kind);
  }
  return kinds;
}

/** An input name the tool does not take (so the call is invalid: every schema has additionalProperties false). */
function unknownKey(known: Set<string>): fc.Arbitrary<string> {
  // __proto__ is left out here: the SDK strips it while parsing the request, so alone it invalidates nothing.
  return fc
    .oneof(oddUnicode, fc.constantFrom(...NASTY_KEYS.filter((k) => k !== '__proto__')), hugeString.map((s) => s.slice(0, 20_000)))
    .filter((k) => !known.has(k) && k !== '__proto__');
}

/** One change that makes the arguments invalid, as [key, value] pairs to set, or 'empty' (missing required). */
function invalidating(schema: Schema): fc.Arbitrary<{ entries: Array<[string, unknown]>; why: string }> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const known = new Set(Object.keys(properties));
  const options: Array<fc.Arbitrary<{ entries: Array<[string, unknown]>; why: string }>> = [
    fc.tuple(unknownKey(known), fc.oneof(smallJson, hugeString, deep)).map(([k, v]) => ({ entries: [[k, v]], why: `unknown input ${JSON.stringify(k.slice(0, 30))}` })),
  ];
  for (const [name, prop] of Object.entries(properties)) {
    const kinds = allowedKinds(prop);
    if (kinds) {
      const wrong = KINDS.filter((k) => !kinds.has(k));
      if (wrong.length > 0) {
        options.push(
          fc.constantFrom(...wrong).chain((kind) => valueOfKind(kind).map((v) => ({ entries: [[name, v]] as Array<[string, unknown]>, why: `${name} as ${kind}` }))),
        );
      }
    }
    if (typeof prop.maximum === 'number') {
      const max = prop.maximum;
      options.push(fc.integer({ min: 1, max: 1e9 }).map((d) => ({ entries: [[name, max + d]], why: `${name} above its maximum` })));
    }
    if (typeof prop.minimum === 'number') {
      const min = prop.minimum;
      options.push(fc.integer({ min: 1, max: 1e9 }).map((d) => ({ entries: [[name, min - d]], why: `${name} below its minimum` })));
    }
    if (Array.isArray(prop.enum) && kinds?.has('string')) {
      const allowed = new Set(prop.enum);
      options.push(fc.oneof(oddUnicode, hugeString).filter((v) => !allowed.has(v)).map((v) => ({ entries: [[name, v]], why: `${name} outside its enum` })));
    }
  }
  if (Array.isArray(schema.required) && schema.required.length > 0) {
    options.push(fc.constant({ entries: [], why: 'required inputs missing' }));
  }
  return fc.oneof(...options);
}

/** Invalid arguments for a schema: one to three invalidating changes, sometimes with a __proto__ key on top. */
export function invalidArguments(schema: Schema): fc.Arbitrary<{ args: Record<string, unknown>; why: string }> {
  return fc
    .tuple(fc.array(invalidating(schema), { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([changes, withProto]) => {
      const entries = changes.flatMap((c) => c.entries);
      if (withProto) entries.push(['__proto__', { polluted: 'yes', isAdmin: true }]);
      return { args: ownObject(entries), why: changes.map((c) => c.why).join(' + ') };
    });
}

const UNKNOWN_NAMES = [
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', ' ', 'GET_JOB', 'get_job ', 'primes_between\u0000',
  '../processes/primes_between', 'primes_between/execution', 'mcp__ogc__primes_between', 'primes between', '%70rimes_between',
];

/** Calls that are invalid by construction for these tools (and execute_process naming their processes). */
export function badCalls(tools: readonly Tool[]): fc.Arbitrary<BadCall> {
  const names = new Set(tools.map((t) => t.name));
  const processTools = tools.filter((t) => t._meta?.['ogc-processes-mcp/processId'] !== undefined);
  const unknownTool = fc
    .tuple(fc.oneof(fc.constantFrom(...UNKNOWN_NAMES), oddUnicode, hugeString.map((s) => s.slice(0, 5_000))), fc.oneof(smallJson, deep).map((v) => ({ value: v })))
    .filter(([name]) => !names.has(name))
    .map(([name, args]): BadCall => ({ name, arguments: args, why: `unknown tool ${JSON.stringify(name.slice(0, 30))}` }));
  const knownTool = fc.constantFrom(...tools).chain((tool) =>
    invalidArguments(tool.inputSchema as Schema).map(({ args, why }): BadCall => ({ name: tool.name, arguments: args, why: `${tool.name}: ${why}` })),
  );
  const viaExecuteProcess = fc.constantFrom(...processTools).chain((tool) =>
    invalidArguments(tool.inputSchema as Schema).map(({ args, why }): BadCall => ({
      name: 'execute_process',
      arguments: { process_id: String(tool._meta!['ogc-processes-mcp/processId']), inputs: args },
      why: `execute_process ${tool.name}: ${why}`,
    })),
  );
  return fc.oneof({ weight: 1, arbitrary: unknownTool }, { weight: 4, arbitrary: knownTool }, { weight: 2, arbitrary: viaExecuteProcess });
}

/** Every own property Object.prototype has, to compare before and after. */
export function prototypeSnapshot(): string {
  const proto = Object.prototype as unknown as Record<string, unknown>;
  return JSON.stringify(Object.getOwnPropertyNames(proto).sort().map((k) => [k, typeof proto[k]]));
}

/** Sends one bad call; returns how it was answered. Any answer is fine, no answer is not. */
export async function answerOf(client: Client, call: BadCall): Promise<'isError' | 'protocol-error' | 'success'> {
  try {
    const result = (await client.callTool({ name: call.name, arguments: call.arguments }, undefined, { timeout: 60_000 })) as CallToolResult;
    return result.isError === true ? 'isError' : 'success';
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'number' && code !== -32001 /* request timeout: no answer */) return 'protocol-error';
    throw error;
  }
}
