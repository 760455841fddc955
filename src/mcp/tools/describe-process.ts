// describe_process: one process as the OGC server publishes it, with the
// tool derived from it (or why there is none).
import { z } from 'zod';
import { defineTool, READ_ONLY } from './define.js';
import { findEntry } from './find-process.js';

export const describeProcess = defineTool({
  name: 'describe_process',
  title: 'Describe an OGC process',
  description:
    'Shows everything about one process: its description as the OGC server publishes it (inputs, outputs, job control options), the input schema of the tool that runs it, and any warnings or the reason it could not become a tool.',
  args: z.strictObject({
    process_id: z.string().min(1).describe('The process id (or the name of its tool).'),
  }),
  annotations: READ_ONLY,
  async run({ process_id: processId }, { ctx }) {
    const entry = await findEntry(ctx, processId);
    const structured: Record<string, unknown> = {
      processId: entry.processId,
      ...(entry.tool ? { toolName: entry.tool.name } : {}),
      ...(entry.skipReason ? { skipped: entry.skipReason } : {}),
      warnings: entry.warnings,
      ...(entry.tool
        ? { inputSchema: entry.tool.inputSchema, ...(entry.tool.outputSchema ? { outputSchema: entry.tool.outputSchema } : {}) }
        : {}),
      description: entry.description?.document ?? entry.summary,
    };
    if (Buffer.byteLength(JSON.stringify(structured)) > ctx.config.maxResultBytes) {
      // A description too big for one result: keep what a model needs to call the tool.
      structured.description = `(${Buffer.byteLength(JSON.stringify(structured.description))} bytes, too large to show; the input schema above is derived from it)`;
    }
    const head = entry.tool
      ? `Process "${entry.processId}" runs as tool ${entry.tool.name} (or execute_process with process_id "${entry.processId}").`
      : `Process "${entry.processId}" is not available as a tool: ${entry.skipReason ?? 'unknown reason'}.`;
    const warnings = entry.warnings.length > 0 ? `\nWarnings: ${entry.warnings.join('; ')}` : '';
    return { text: `${head}${warnings}`, structured, withJson: true };
  },
});
