// execute_process: any process by id, for clients that never saw its own tool
// (they ignore tools/list_changed, or cap the number of tools), with the
// options a per-process tool leaves out: outputs, response mode, wait time.
import { argumentsFromInputIds } from '../../bridge/request/index.js';
import { errorResult } from '../errors.js';
import { findEntry } from './discovery.js';
import { runProcess } from './process-tools.js';
import type { FixedTool } from './types.js';

export const executeProcess: FixedTool = {
  definition: {
    name: 'execute_process',
    title: 'Run an OGC process',
    description:
      'Runs any process of the OGC server by id with the given inputs (describe_process shows them), then waits for the job up to wait_seconds. ' +
      'Returns the outputs when the job finishes in time; otherwise the job id and status, to follow with get_job and get_job_results. ' +
      'Processes may take a long time; a failed job comes back as an error with the server\'s message.',
    inputSchema: {
      type: 'object',
      properties: {
        process_id: { type: 'string', minLength: 1, description: 'The process id (or the name of its tool).' },
        inputs: { type: 'object', description: 'The process inputs by id, as describe_process shows them.', default: {} },
        outputs: {
          type: 'array',
          items: { type: 'string' },
          uniqueItems: true,
          description: 'Only these outputs (default: all).',
        },
        response: { type: 'string', enum: ['document', 'raw'], default: 'document', description: 'OGC response mode.' },
        wait_seconds: {
          type: 'number',
          minimum: 0,
          maximum: 3600,
          description: 'How long to wait for the job before returning its status (default: the bridge\'s --wait-seconds). Waits longer than your client\'s tool timeout end the call early.',
        },
      },
      required: ['process_id'],
      additionalProperties: false,
    },
    annotations: { title: 'Run an OGC process', readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  },
  async run(args, call) {
    const { ctx } = call;
    const processId = args.process_id as string;
    const found = await findEntry(ctx, processId);
    if (!found.ok) return found.result;
    const tool = found.entry.tool;
    if (!tool) {
      return errorResult(`Process "${found.entry.processId}" cannot be run through this bridge: ${found.entry.skipReason ?? 'its description could not be read'}.`);
    }
    const outputs = Array.isArray(args.outputs) ? (args.outputs as string[]) : undefined;
    const known = tool.outputs.map((o) => o.id);
    const unknown = outputs?.filter((o) => !known.includes(o)) ?? [];
    if (unknown.length > 0 && known.length > 0) {
      return errorResult(`Invalid arguments for execute_process; nothing was run:\n- outputs: process "${tool.processId}" has no output ${unknown.map((o) => JSON.stringify(o)).join(', ')}; its outputs are: ${known.join(', ')}.`);
    }
    // Callers write inputs by input id (as describe_process shows them); the tool's arguments differ for ids that are not valid names.
    const inputs = argumentsFromInputIds(tool, (args.inputs ?? {}) as Record<string, unknown>);
    return runProcess(
      call,
      tool,
      inputs,
      {
        ...(outputs ? { outputs } : {}),
        ...(args.response === 'raw' || args.response === 'document' ? { response: args.response } : {}),
        waitSeconds: typeof args.wait_seconds === 'number' ? args.wait_seconds : ctx.config.waitSeconds,
      },
      `execute_process (process "${tool.processId}")`,
    );
  },
};
