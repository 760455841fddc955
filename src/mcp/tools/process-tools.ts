// Per-process tools: one MCP tool per OGC process, derived by the bridge, and
// the path every run takes (validate, then execute), shared with execute_process.
import type { CallToolResult } from '@modelcontextprotocol/server';
import type { DerivedTool } from '../../bridge/describe/index.js';
import { ToolError } from '../errors.js';
import { executeTool, type ExecutionOptions } from '../execution.js';
import type { ToolCall } from './call.js';

/** Checks the inputs against the tool's schema; starts the job only when they pass. */
export async function runProcess(
  call: ToolCall,
  tool: DerivedTool,
  inputs: Record<string, unknown>,
  options: ExecutionOptions,
  calledAs: string,
): Promise<CallToolResult> {
  checkArguments(call, tool.inputSchema, inputs, calledAs, tool.processId);
  return executeTool(call, tool, inputs, options);
}

/** Throws a ToolError naming each bad input, its constraint and its value; nothing is run then. */
export function checkArguments(call: ToolCall, schema: object, args: unknown, calledAs: string, processId?: string): void {
  const outcome = call.ctx.validator.validate(schema, args);
  if (outcome.ok) return;
  const accepted = Object.keys((schema as { properties?: Record<string, unknown> }).properties ?? {});
  const hints: string[] = [];
  if (outcome.problems.some((p) => p.startsWith('unknown input'))) {
    hints.push(accepted.length > 0 ? `Accepted inputs: ${accepted.join(', ')}.` : 'This tool takes no inputs.');
  }
  if (processId !== undefined) hints.push(`describe_process with process_id ${JSON.stringify(processId)} shows every input.`);
  throw new ToolError(
    `Invalid arguments for ${calledAs}; nothing was run:\n${outcome.problems.map((p) => `- ${p}`).join('\n')}${hints.length > 0 ? `\n${hints.join(' ')}` : ''}`,
  );
}
