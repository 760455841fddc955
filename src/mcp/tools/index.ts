// tools/list and tools/call: the fixed tools plus one tool per process.
// Every failure a model can act on is an isError result (unknown tool, bad
// arguments, upstream errors); nothing is sent upstream for an invalid call.
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ListToolsRequestSchema,
  type CallToolResult,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import { OgcError } from '../../ogc/index.js';
import type { BridgeContext } from '../context.js';
import { errorResult, upstreamErrorResult } from '../errors.js';
import { ProgressReporter } from '../progress.js';
import { describeProcess, getServerInfo, listProcesses } from './discovery.js';
import { executeProcess } from './execute.js';
import { dismissJob, getJob, getJobResults, listJobs } from './jobs.js';
import { invalidArguments, runProcess } from './process-tools.js';
import type { FixedTool, ToolCall } from './types.js';
import { errorMessage } from '../../util/errors.js';

export const FIXED_TOOLS: readonly FixedTool[] = [
  getServerInfo,
  listProcesses,
  describeProcess,
  executeProcess,
  listJobs,
  getJob,
  getJobResults,
  dismissJob,
];

const FIXED_BY_NAME = new Map(FIXED_TOOLS.map((t) => [t.definition.name, t]));
const FIXED_DEFINITIONS: readonly Tool[] = FIXED_TOOLS.map((t) => t.definition);

// A client's first tools/list waits this long for the first process list, so
// that clients which never re-list still get the process tools.
const FIRST_LIST_WAIT_MS = 15_000;

export function registerToolHandlers(server: Server, ctx: BridgeContext): void {
  server.setRequestHandler(ListToolsRequestSchema, async () => {
    await waitAtMost(ctx.catalog.ready(), FIRST_LIST_WAIT_MS);
    const tools: Tool[] = [...FIXED_DEFINITIONS, ...ctx.catalog.toolDefinitions()];
    return { tools };
  });

  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const { name } = request.params;
    const args = request.params.arguments ?? {};
    const token = request.params._meta?.progressToken;
    const progress =
      token === undefined
        ? undefined
        : new ProgressReporter((update) =>
            extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, ...update } }),
          );
    const call: ToolCall = {
      ctx,
      signal: extra.signal,
      ...(progress ? { progress } : {}),
      sessionOpen: () => server.transport !== undefined,
    };
    let result: CallToolResult;
    try {
      result = await callTool(call, name, args);
    } catch (error) {
      // Upstream failures not handled closer to their cause; anything else is a bug of the bridge.
      result = error instanceof OgcError ? upstreamErrorResult(error, ctx.config.serverUrl) : internalErrorResult(ctx, name, error);
    } finally {
      progress?.stop();
    }
    return result;
  });
}

async function callTool(call: ToolCall, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  const { ctx } = call;
  const fixed = FIXED_BY_NAME.get(name);
  if (fixed) {
    const invalid = invalidArguments(call, fixed.definition.inputSchema, args, name);
    return invalid ?? (await fixed.run(args, call));
  }
  let tool = ctx.catalog.toolByName(name);
  if (!tool) {
    // A process added on the server since the last look.
    await ctx.catalog.refreshOnDemand();
    tool = ctx.catalog.toolByName(name);
  }
  if (!tool) return unknownTool(ctx, name);
  return runProcess(call, tool, args, { waitSeconds: ctx.config.waitSeconds }, name);
}

/** A failure that is not the OGC server's (a TypeError in the bridge): logged with its stack for the operator. */
function internalErrorResult(ctx: BridgeContext, name: string, error: unknown): CallToolResult {
  const message = errorMessage(error);
  const stack = error instanceof Error && error.stack ? error.stack : message;
  ctx.logger.error(`Internal error while running ${name}: ${stack}`);
  return errorResult(
    `Internal error in the bridge while running ${name}: ${message.replace(/[.\s]+$/, '')}. A job may have started (list_jobs shows it).`,
  );
}

function unknownTool(ctx: BridgeContext, name: string): CallToolResult {
  if (ctx.catalog.lastError !== undefined && ctx.catalog.tools().length === 0) {
    const cause = upstreamErrorResult(ctx.catalog.lastError, ctx.config.serverUrl).content[0];
    const why = cause?.type === 'text' ? ` The process list cannot be read: ${cause.text}` : '';
    return errorResult(`Unknown tool "${name}"; nothing was run.${why}`);
  }
  return errorResult(
    `Unknown tool "${name}"; nothing was run. The fixed tools are ${[...FIXED_BY_NAME.keys()].join(', ')}; ` +
      `list_processes shows the ${ctx.catalog.tools().length} process tool(s), and execute_process runs any process by id.`,
  );
}

async function waitAtMost(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  if (timer) clearTimeout(timer);
}
