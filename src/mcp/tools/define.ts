// defineTool: one fixed tool in one place. Its arguments are a zod schema,
// from which come the inputSchema clients see (z.toJSONSchema), the defaults
// (stated once, in the schema) and the type of what run() gets. Its answer is
// text for the model plus the same facts structured; failures are thrown and
// become isError results at the one boundary (errors.ts, toolFailure).
import { z } from 'zod';
import type { CallToolResult, Tool, ToolAnnotations } from '@modelcontextprotocol/server';
import type { ToolCall } from './call.js';
import { setOwn } from '../../util/records.js';

type Structured = Record<string, unknown>;

/**
 * The annotations of a tool that only reads from the OGC server. Hints that
 * equal the MCP defaults are left out (openWorld true; destructive and
 * idempotent mean nothing for a read-only tool): tools/list is paid for in
 * every conversation.
 */
export const READ_ONLY = { readOnlyHint: true } as const;

/** What a fixed tool answers: text a model reads, and the same facts as structuredContent. */
export interface Answer<S extends Structured = Structured> {
  text: string;
  structured: S;
  /** Also append the structured facts as JSON to the text, for clients that read only text. */
  withJson?: boolean;
}

/** One server's answer, when a tool is asked on several servers at once. */
export interface ServerAnswer<S extends Structured = Structured> {
  server: string;
  structured: S;
}

export interface ToolSpec<A extends z.ZodObject, S extends Structured> {
  /** snake_case, like the argument names. */
  name: string;
  /** Shown by clients. */
  title: string;
  description: string;
  /** The arguments (a strict object: unknown ones are refused). */
  args: A;
  /** The structuredContent's shape, published as outputSchema; leave out for free-form structured content. */
  output?: z.ZodType<S>;
  annotations: Omit<ToolAnnotations, 'title'>;
  /**
   * Runs with the arguments validated and their defaults applied. Returns an
   * Answer, or a whole result when it hands over to the process run path.
   */
  run(args: z.output<A>, call: ToolCall): Promise<Answer<S> | CallToolResult>;
  /**
   * Several servers and none named: how their answers become one, within
   * call.ctx.config.maxResultBytes. Each answer was made with that whole
   * budget. Without it the answers are put together generically (servers/routing.ts).
   */
  merge?(answers: ReadonlyArray<ServerAnswer<S>>, args: z.output<A>, call: ToolCall): Answer;
}

export interface FixedTool {
  readonly name: string;
  /** As tools/list shows it. */
  readonly definition: Tool;
  /** Gets arguments already validated against definition.inputSchema. */
  run(args: Record<string, unknown>, call: ToolCall): Promise<CallToolResult>;
  /** How the answers of several servers become one, when the tool says (ToolSpec.merge). */
  readonly merge?: (answers: readonly ServerAnswer[], args: Record<string, unknown>, call: ToolCall) => CallToolResult;
}

export function defineTool<A extends z.ZodObject, S extends Structured = Structured>(spec: ToolSpec<A, S>): FixedTool {
  let definition: Tool | undefined;
  return {
    name: spec.name,
    // Written on first use, not at start-up: the first tools/list computes it while the process list is on its way.
    get definition(): Tool {
      definition ??= {
        name: spec.name,
        title: spec.title,
        description: spec.description,
        // Input mode: an argument with a default is optional to the caller.
        inputSchema: jsonSchema(spec.args, 'input') as Tool['inputSchema'],
        ...(spec.output ? { outputSchema: topLevelShape(jsonSchema(spec.output, 'output')) as Tool['outputSchema'] } : {}),
        annotations: spec.annotations,
      };
      return definition;
    },
    async run(args, call) {
      // The arguments passed the JSON Schema check already; parsing adds the defaults and the types.
      const answer = await spec.run(spec.args.parse(args), call);
      return isAnswer(answer) ? answerResult(answer) : answer;
    },
    ...(spec.merge ? { merge: mergeWith(spec, spec.merge) } : {}),
  };
}

function mergeWith<A extends z.ZodObject, S extends Structured>(spec: ToolSpec<A, S>, merge: NonNullable<ToolSpec<A, S>['merge']>): NonNullable<FixedTool['merge']> {
  // The answers are the tool's own (its run made them), so they have its output's shape.
  return (answers, args, call) => answerResult(merge(answers as ReadonlyArray<ServerAnswer<S>>, spec.args.parse(args), call));
}

/** The one way an Answer becomes a tool result. */
export function answerResult(answer: Answer): CallToolResult {
  const text = answer.withJson ? `${answer.text}\n${JSON.stringify(answer.structured)}` : answer.text;
  return { content: [{ type: 'text', text }], structuredContent: answer.structured };
}

function isAnswer(value: Answer | CallToolResult): value is Answer {
  return typeof (value as Answer).text === 'string' && !('content' in value);
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  // Reused parts are written out in place: many clients do not resolve $ref.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, reused: 'inline', unrepresentable: 'throw' }) as Record<string, unknown>;
  return rest;
}

/**
 * The published outputSchema: the top-level fields with their types and which
 * are required. The zod schema still types what run() returns; the details of
 * nested items would only add to every tools/list.
 */
function topLevelShape(schema: Record<string, unknown>): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const shape: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(properties)) setOwn(shape, key, property.type !== undefined ? { type: property.type } : {});
  return { type: 'object', properties: shape, ...(Array.isArray(schema.required) ? { required: schema.required } : {}) };
}
