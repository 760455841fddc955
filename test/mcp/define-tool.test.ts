// defineTool and the error boundary, on their own: the inputSchema comes from
// the zod arguments (defaults included), run() gets the parsed arguments with
// their defaults, an Answer becomes one result shape, and whatever a tool
// throws becomes an isError result with the right text.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger } from '../../src/log.js';
import { OgcApiError, OgcTransportError } from '../../src/ogc/index.js';
import { about, ToolError, toolFailure } from '../../src/mcp/errors.js';
import { answerResult, defineTool } from '../../src/mcp/tools/define.js';
import type { ToolCall } from '../../src/mcp/tools/call.js';

const call = {} as ToolCall; // the tools below never look at it

describe('defineTool', () => {
  const seen: unknown[] = [];
  const tool = defineTool({
    name: 'count_things',
    title: 'Count things',
    description: 'Counts things.',
    args: z.strictObject({
      kind: z.enum(['a', 'b']).describe('Which things.'),
      limit: z.int().min(1).max(10).default(3).describe('Most things.'),
    }),
    output: z.looseObject({ count: z.int().nonnegative() }),
    annotations: { readOnlyHint: true },
    async run(args) {
      seen.push(args);
      return { text: `${args.limit} ${args.kind}`, structured: { count: args.limit } };
    },
  });

  it('publishes the JSON Schema of its arguments, with defaults, and its output schema', () => {
    expect(tool.definition).toMatchObject({
      name: 'count_things',
      title: 'Count things',
      annotations: { readOnlyHint: true },
      inputSchema: {
        type: 'object',
        properties: {
          kind: { type: 'string', enum: ['a', 'b'], description: 'Which things.' },
          limit: { type: 'integer', minimum: 1, maximum: 10, default: 3 },
        },
        required: ['kind'],
        additionalProperties: false,
      },
      // The top-level fields and their types only.
      outputSchema: { type: 'object', properties: { count: { type: 'integer' } }, required: ['count'] },
    });
    expect(tool.definition.annotations).not.toHaveProperty('title');
    expect(tool.definition.inputSchema).not.toHaveProperty('$schema');
  });

  it('runs with the defaults applied and answers with text and structured content', async () => {
    const result = await tool.run({ kind: 'b' }, call);
    expect(seen.at(-1)).toEqual({ kind: 'b', limit: 3 });
    expect(result).toEqual({ content: [{ type: 'text', text: '3 b' }], structuredContent: { count: 3 } });
  });

  it('appends the structured facts as JSON only when asked', () => {
    expect(answerResult({ text: 'x', structured: { a: 1 }, withJson: true }).content).toEqual([{ type: 'text', text: 'x\n{"a":1}' }]);
  });
});

describe('the error boundary', () => {
  const lines: string[] = [];
  const context = {
    serverUrl: 'http://user:pw@ogc.example.org/api?key=secret',
    logger: createLogger({ level: 'debug', write: (line) => void lines.push(line) }),
    toolName: 'get_job',
  };
  const text = (error: unknown) => {
    const result = toolFailure(error, context);
    expect(result.isError).toBe(true);
    return (result.content[0] as { text: string }).text;
  };

  it('says a ToolError as it is', () => {
    expect(text(new ToolError('No such thing.'))).toBe('No such thing.');
  });

  it('names the job an upstream failure concerns, and shows the server without credentials or query', async () => {
    const notFound = new OgcApiError('HTTP 404 Not Found: no job', { status: 404, problem: { title: 'Not Found', detail: 'no job' } });
    const failure = await about({ jobId: 'j1' }, Promise.reject(notFound)).catch((error: unknown) => error);
    const said = text(failure);
    expect(said).toContain('There is no job "j1"');
    expect(said).toContain('http://ogc.example.org/api');
    expect(said).not.toMatch(/pw|secret/);
  });

  it('takes a server\'s own no-such-job answer for one, whatever its status (Weaver: 400 NoSuchJob)', async () => {
    const noSuchJob = new OgcApiError('HTTP 400 Bad Request: NoSuchJob', { status: 400, problem: { title: 'NoSuchJob', detail: 'not a UUID' } });
    const failure = await about({ jobId: 'j-1' }, Promise.reject(noSuchJob)).catch((error: unknown) => error);
    expect(text(failure)).toContain('There is no job "j-1"');
    const badRequest = new OgcApiError('HTTP 400 Bad Request: bad input', { status: 400, problem: { title: 'Bad Request' } });
    expect(text(await about({ jobId: 'j-1' }, Promise.reject(badRequest)).catch((error: unknown) => error))).not.toContain('There is no job');
  });

  it('gives an OGC error thrown without a subject the generic hint', () => {
    const refused = new OgcTransportError('connection refused', { kind: 'refused' });
    expect(text(refused)).toMatch(/^Could not get an answer from the OGC server at http:\/\/ogc\.example\.org\/api: .*--server-url/);
    // The hint names where the URL is set with several servers too.
    expect(text(refused)).toContain('--server NAME=URL');
  });

  it('calls anything else an internal error, with the stack in the log', () => {
    expect(text(new TypeError('x is not a function'))).toBe(
      'Internal error in the bridge while running get_job: x is not a function. A job may have started (list_jobs shows it).',
    );
    expect(lines.join('')).toMatch(/Internal error while running get_job: TypeError: x is not a function\n\s+at /);
  });
});
