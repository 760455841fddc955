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
import { linkResultsView } from '../app-resource.js';
import type { BridgeContext } from '../context.js';
import { describeUpstreamError, ToolError, toolFailure } from '../errors.js';
import { ProgressReporter } from '../progress.js';
import type { ToolCall } from './call.js';
import { FIXED_TOOLS } from './fixed-tools.js';
import { checkArguments, runProcess } from './process-tools.js';

const FIXED_BY_NAME = new Map(FIXED_TOOLS.map((t) => [t.name, t]));

// A client's first tools/list waits this long for the first process list, so
// that clients which never re-list still get the process tools.
const FIRST_LIST_WAIT_MS = 15_000;

export function registerToolHandlers(server: Server, ctx: BridgeContext): void {
  server.setRequestHandler(ListToolsRequestSchema, async () => {
    const fixed = FIXED_TOOLS.map((t) => t.definition);
    await waitAtMost(ctx.catalog.ready(), FIRST_LIST_WAIT_MS);
    const tools: Tool[] = [...fixed, ...ctx.catalog.toolDefinitions()];
    return { tools: linkResultsView(server, tools) };
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
    try {
      return await callTool(call, name, args);
    } catch (error) {
      // The one error boundary: whatever a tool threw becomes an isError result.
      return toolFailure(error, { serverUrl: ctx.config.serverUrl, logger: ctx.logger, toolName: name });
    } finally {
      progress?.stop();
    }
  });
}

async function callTool(call: ToolCall, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  const { ctx } = call;
  const fixed = FIXED_BY_NAME.get(name);
  if (fixed) {
    checkArguments(call, fixed.definition.inputSchema, args, name);
    return await fixed.run(args, call);
  }
  let tool = ctx.catalog.toolByName(name);
  if (!tool) {
    // A process added on the server since the last look.
    await ctx.catalog.refreshOnDemand();
    tool = ctx.catalog.toolByName(name);
  }
  if (!tool) throw unknownTool(ctx, name);
  return runProcess(call, tool, args, { waitSeconds: ctx.config.waitSeconds }, name);
}

function unknownTool(ctx: BridgeContext, name: string): ToolError {
  if (ctx.catalog.lastError !== undefined && ctx.catalog.tools().length === 0) {
    const why = describeUpstreamError(ctx.catalog.lastError, ctx.config.serverUrl);
    return new ToolError(`Unknown tool "${name}"; nothing was run. The process list cannot be read: ${why}`);
  }
  return new ToolError(
    `Unknown tool "${name}"; nothing was run. The fixed tools are ${[...FIXED_BY_NAME.keys()].join(', ')}; ` +
      `list_processes shows the ${ctx.catalog.tools().length} process tool(s), and execute_process runs any process by id.`,
  );
}

async function waitAtMost(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  if (timer) clearTimeout(timer);
}
