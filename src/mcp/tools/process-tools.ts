// Per-process tools: one MCP tool per OGC process, derived by the bridge, and
// the path every run takes (validate, then execute), shared with execute_process.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { DerivedTool } from '../../bridge/describe/index.js';
import { errorResult } from '../errors.js';
import { executeTool, type ExecutionOptions } from '../execution.js';
import type { ToolCall } from './types.js';

/** Checks the inputs against the tool's schema; starts the job only when they pass. */
export async function runProcess(
  call: ToolCall,
  tool: DerivedTool,
  inputs: Record<string, unknown>,
  options: ExecutionOptions,
  calledAs: string,
): Promise<CallToolResult> {
  const invalid = invalidArguments(call, tool.inputSchema, inputs, calledAs, tool.processId);
  if (invalid) return invalid;
  return executeTool(call, tool, inputs, options);
}

/** An isError result naming each bad input, its constraint and its value; undefined when all is well. */
export function invalidArguments(
  call: ToolCall,
  schema: object,
  args: unknown,
  calledAs: string,
  processId?: string,
): CallToolResult | undefined {
  const outcome = call.ctx.validator.validate(schema, args);
  if (outcome.ok) return undefined;
  const accepted = Object.keys((schema as { properties?: Record<string, unknown> }).properties ?? {});
  const hints: string[] = [];
  if (outcome.problems.some((p) => p.startsWith('unknown input'))) {
    hints.push(accepted.length > 0 ? `Accepted inputs: ${accepted.join(', ')}.` : 'This tool takes no inputs.');
  }
  if (processId !== undefined) hints.push(`describe_process with process_id ${JSON.stringify(processId)} shows every input.`);
  return errorResult(
    `Invalid arguments for ${calledAs}; nothing was run:\n${outcome.problems.map((p) => `- ${p}`).join('\n')}${hints.length > 0 ? `\n${hints.join(' ')}` : ''}`,
  );
}
