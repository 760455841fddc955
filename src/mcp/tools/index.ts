// tools/list and tools/call: the fixed tools plus the process tools, as the
// tool directory lists them (every process, or search_processes and the most
// used ones), on every server of the bridge. Every failure a model can act on
// is an isError result (unknown tool, bad arguments, upstream errors); nothing
// is sent upstream for an invalid call.
import { LOG_LEVEL_META_KEY, type CallToolResult, type Server, type Tool } from '@modelcontextprotocol/server';
import { linkResultsView, requestClientCapabilities } from '../app-resource.js';
import type { BridgeContext } from '../context.js';
import { describeUpstreamError, ToolError, toolFailure } from '../errors.js';
import { forwardCallLogs } from '../call-logs.js';
import { ProgressReporter } from '../progress.js';
import type { ProtocolEra } from '../protocol-era.js';
import type { ToolCall } from './call.js';
import type { FixedTool } from './define.js';
import { FIXED_TOOLS } from './fixed-tools.js';
import { checkArguments, runProcess } from './process-tools.js';
import { searchProcesses } from './search-processes.js';
import { runFixedTool, serverContext, withServer } from '../servers/routing.js';
import type { FixedDefinitions } from '../servers/directory.js';

// search_processes is listed in search mode only, but answers whenever called.
const FIXED_BY_NAME = new Map<string, FixedTool>([...FIXED_TOOLS, searchProcesses].map((t) => [t.name, t]));
// Written on first use, as the definitions themselves are (define.ts).
let fixedDefinitions: FixedDefinitions | undefined;
const FIXED_DEFINITIONS = (): FixedDefinitions =>
  (fixedDefinitions ??= { always: FIXED_TOOLS.map((t) => t.definition), search: searchProcesses.definition });

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
    await waitAtMost(Promise.all(ctx.servers.map((s) => s.catalog.ready())), FIRST_LIST_WAIT_MS);
    return { tools: linkResultsView(requestClientCapabilities(server, extra), ctx.directory.list(FIXED_DEFINITIONS())) };
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

async function callTool(call: ToolCall, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  const { ctx } = call;
  const fixed = FIXED_BY_NAME.get(name);
  if (fixed) {
    checkArguments(call, ctx.directory.adapt(fixed.definition).inputSchema, args, name);
    return await runFixedTool(call, fixed, args);
  }
  let found = ctx.directory.lookup(name);
  if (!found) {
    // A process added on a server since the last look.
    await Promise.all(ctx.servers.map((s) => s.catalog.refreshOnDemand()));
    found = ctx.directory.lookup(name);
  }
  if (!found) throw unknownTool(ctx, name);
  const { handle, tool } = found;
  ctx.directory.recordUse(handle, tool.processId);
  let result: CallToolResult;
  try {
    result = await runProcess({ ...call, ctx: serverContext(ctx, handle) }, tool, args, { waitSeconds: ctx.config.waitSeconds }, name);
  } catch (error) {
    result = toolFailure(error, { serverUrl: handle.url, logger: ctx.logger, toolName: name });
  }
  return withServer(ctx, handle, result);
}

function unknownTool(ctx: BridgeContext, name: string): ToolError {
  const down = ctx.servers.filter((s) => s.catalog.lastError !== undefined && s.catalog.tools().length === 0);
  if (down.length === ctx.servers.length) {
    const why = down.map((s) => describeUpstreamError(s.catalog.lastError, s.url)).join(' ');
    return new ToolError(`Unknown tool "${name}"; nothing was run. The process list cannot be read: ${why}`);
  }
  const processTools = ctx.servers.reduce((n, s) => n + s.catalog.tools().length, 0);
  const fixedNames = ctx.directory.list(FIXED_DEFINITIONS()).filter((t) => t._meta === undefined).map((t) => t.name);
  return new ToolError(
    `Unknown tool "${name}"; nothing was run. The fixed tools are ${fixedNames.join(', ')}; ` +
      `${ctx.directory.searching ? 'search_processes finds' : 'list_processes shows'} the ${processTools} process tool(s), and execute_process runs any process by id.`,
  );
}

async function waitAtMost(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  if (timer) clearTimeout(timer);
}
