// The shape of a fixed tool: its MCP definition and what runs it.
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { BridgeContext } from '../context.js';
import type { ProgressReporter } from '../progress.js';

/** One tools/call as the tool modules see it. */
export interface ToolCall {
  ctx: BridgeContext;
  /** Aborted when the client cancels the request (notifications/cancelled) or the session ends. */
  signal: AbortSignal;
  /** Present when the request carried a progressToken. */
  progress?: ProgressReporter;
  /**
   * False once the session is gone. The signal fires both when the client
   * cancels the call and when the connection closes; only the first dismisses
   * the call's job (a closed connection leaves it to run, findable by list_jobs).
   */
  sessionOpen(): boolean;
}

export interface FixedTool {
  definition: Tool;
  /** Gets arguments already validated against definition.inputSchema. */
  run(args: Record<string, unknown>, call: ToolCall): Promise<CallToolResult>;
}

/** A result with structured content and the same facts as text, for clients that read only text. */
export function structuredResult(summary: string, structured: Record<string, unknown>): CallToolResult {
  return {
    content: [{ type: 'text', text: `${summary}\n${JSON.stringify(structured)}` }],
    structuredContent: structured,
  };
}
