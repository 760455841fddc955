// execute_process: any process by id, for clients that never saw its own tool
// (they ignore tools/list_changed, or cap the number of tools), with the
// options a per-process tool leaves out: outputs, response mode, wait time.
import { z } from 'zod';
import { argumentsFromInputIds } from '../../bridge/request/index.js';
import { ToolError } from '../errors.js';
import { defineTool } from './define.js';
import { findEntry } from './find-process.js';
import { runProcess } from './process-tools.js';

export const executeProcess = defineTool({
  name: 'execute_process',
  title: 'Run an OGC process',
  description:
    'Runs any process of the OGC server by id with the given inputs (describe_process shows them), then waits for the job up to wait_seconds. ' +
    'Returns the outputs when the job finishes in time; otherwise the job id and status, to follow with get_job and get_job_results. ' +
    'Processes may take a long time; a failed job comes back as an error with the server\'s message.',
  args: z.strictObject({
    process_id: z.string().min(1).describe('The process id (or the name of its tool).'),
    inputs: z.record(z.string(), z.unknown()).default({}).describe('The process inputs by id, as describe_process shows them.'),
    outputs: z.array(z.string()).meta({ uniqueItems: true }).optional().describe('Only these outputs (default: all).'),
    response: z.enum(['document', 'raw']).optional().describe('OGC response mode (default: the server\'s).'),
    wait_seconds: z.number().min(0).max(3600).optional().describe(
      'How long to wait for the job before returning its status (default: the bridge\'s --wait-seconds). Waits longer than your client\'s tool timeout end the call early.',
    ),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async run(args, call) {
    const entry = await findEntry(call.ctx, args.process_id);
    const tool = entry.tool;
    if (!tool) {
      throw new ToolError(`Process "${entry.processId}" cannot be run through this bridge: ${entry.skipReason ?? 'its description could not be read'}.`);
    }
    const known = tool.outputs.map((o) => o.id);
    const unknown = args.outputs?.filter((o) => !known.includes(o)) ?? [];
    if (unknown.length > 0 && known.length > 0) {
      throw new ToolError(`Invalid arguments for execute_process; nothing was run:\n- outputs: process "${tool.processId}" has no output ${unknown.map((o) => JSON.stringify(o)).join(', ')}; its outputs are: ${known.join(', ')}.`);
    }
    // Callers write inputs by input id (as describe_process shows them); the tool's arguments differ for ids that are not valid names.
    const inputs = argumentsFromInputIds(tool, args.inputs);
    return runProcess(
      call,
      tool,
      inputs,
      {
        ...(args.outputs ? { outputs: args.outputs } : {}),
        ...(args.response ? { response: args.response } : {}),
        waitSeconds: args.wait_seconds ?? call.ctx.config.waitSeconds,
      },
      `execute_process (process "${tool.processId}")`,
    );
  },
});
