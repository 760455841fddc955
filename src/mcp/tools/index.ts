// tools/list and tools/call: the fixed tools plus one tool per process.
// Every failure a model can act on is an isError result (unknown tool, bad
// arguments, upstream errors); nothing is sent upstream for an invalid call.
import { LOG_LEVEL_META_KEY, type CallToolResult, type Server, type Tool } from '@modelcontextprotocol/server';
import { linkResultsView, requestClientCapabilities } from '../app-resource.js';
import type { BridgeContext } from '../context.js';
import { describeUpstreamError, ToolError, toolFailure } from '../errors.js';
import { forwardCallLogs } from '../call-logs.js';
import { ProgressReporter } from '../progress.js';
import type { ProtocolEra } from '../protocol-era.js';
import type { ToolCall } from './call.js';
import { FIXED_TOOLS } from './fixed-tools.js';
import { checkArguments, runProcess } from './process-tools.js';

const FIXED_BY_NAME = new Map(FIXED_TOOLS.map((t) => [t.name, t]));

// A client's first tools/list waits this long for the first process list, so
// that clients which never re-list still get the process tools.
const FIRST_LIST_WAIT_MS = 15_000;

export interface ToolHandlerOptions {
  era: ProtocolEra;
  /** The Server serves one HTTP request, so a call's log lines can only go on its own response. */
  perRequest: boolean;
  /** Whether an abort of a call's signal, now, is the client cancelling it (see ToolCall.sessionOpen). */
  cancelled(): boolean;
}

export function registerToolHandlers(server: Server, ctx: BridgeContext, options: ToolHandlerOptions): void {
  server.setRequestHandler('tools/list', async (_request, extra) => {
    await waitAtMost(ctx.catalog.ready(), FIRST_LIST_WAIT_MS);
    return { tools: linkResultsView(requestClientCapabilities(server, extra), toolList(ctx.catalog.toolDefinitions())) };
  });

  server.setRequestHandler('tools/call', async (request, extra) => {
    const { name } = request.params;
    const args = request.params.arguments ?? {};
    const token = extra.mcpReq._meta?.progressToken;
    const progress =
      token === undefined
        ? undefined
        : new ProgressReporter((update) =>
            extra.mcpReq.notify({ method: 'notifications/progress', params: { progressToken: token, ...update } }),
          );
    const call: ToolCall = {
      ctx,
      signal: extra.mcpReq.signal,
      ...(progress ? { progress } : {}),
      sessionOpen: options.cancelled,
    };
    // Log lines on the call's own response stream: a 2026-07-28 request asks for them itself (its
    // logLevel); a 2025-11-25 client without a session gets them there too (with one, they go to its session).
    const envelope: Record<string, unknown> = extra.mcpReq.envelope ?? {};
    const wantsLogs = options.era === 'modern' ? envelope[LOG_LEVEL_META_KEY] !== undefined : options.perRequest;
    const run = () => callTool(call, name, args);
    try {
      return wantsLogs ? await forwardCallLogs(ctx.logger, (level, message) => extra.mcpReq.log(level, message, 'ogc-processes-mcp'), run) : await run();
    } catch (error) {
      // The one error boundary: whatever a tool threw becomes an isError result.
      return toolFailure(error, { serverUrl: ctx.config.serverUrl, logger: ctx.logger, toolName: name });
    } finally {
      progress?.stop();
    }
  });
}

// Deterministic order, whatever order the OGC server lists its processes in:
// the fixed tools first, then the process tools by name (sorted once per catalog change).
const sortedLists = new WeakMap<readonly Tool[], Tool[]>();
function toolList(processTools: readonly Tool[]): Tool[] {
  let list = sortedLists.get(processTools);
  if (!list) {
    list = [...FIXED_TOOLS.map((t) => t.definition), ...[...processTools].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))];
    sortedLists.set(processTools, list);
  }
  return list;
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
