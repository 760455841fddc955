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
  description: 'Runs any process by id with inputs keyed by input id (describe_process shows them); answers like a process tool.',
  args: z.strictObject({
    process_id: z.string().min(1).describe('Process id or tool name.'),
    inputs: z.record(z.string(), z.unknown()).default({}),
    outputs: z.array(z.string()).meta({ uniqueItems: true }).optional().describe('Only these outputs.'),
    response: z.enum(['document', 'raw']).optional(),
    wait_seconds: z.number().min(0).max(3600).optional().describe('Wait for the job this long at most (default: the bridge\'s).'),
  }),
  annotations: { destructiveHint: false },
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
