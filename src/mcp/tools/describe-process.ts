// describe_process: one process as the OGC server publishes it, with the
// tool derived from it (or why there is none).
import { z } from 'zod';
import { isRecord } from '../../util/records.js';
import { defineTool, READ_ONLY } from './define.js';
import { findEntry } from './find-process.js';

export const describeProcess = defineTool({
  name: 'describe_process',
  title: 'Describe an OGC process',
  description: 'One process in full: every input with its schema and constraints, the outputs, job control options, and warnings.',
  args: z.strictObject({
    process_id: z.string().min(1).describe('Process id or tool name.'),
  }),
  annotations: READ_ONLY,
  async run({ process_id: processId }, { ctx }) {
    const entry = await findEntry(ctx, processId);
    const structured: Record<string, unknown> = {
      processId: entry.processId,
      ...(entry.tool ? { toolName: entry.tool.name } : {}),
      ...(entry.skipReason ? { skipped: entry.skipReason } : {}),
      warnings: entry.warnings,
      ...(entry.tool ? { inputSchema: entry.tool.inputSchema } : {}),
      // The inputs once: as the input schema derived from them, when there is one.
      description: entry.tool ? withoutInputs(entry.description?.document ?? entry.summary) : (entry.description?.document ?? entry.summary),
    };
    if (Buffer.byteLength(JSON.stringify(structured)) > ctx.config.maxResultBytes) {
      // A description too big for one result: keep what a model needs to call the tool.
      structured.description = `(${Buffer.byteLength(JSON.stringify(structured.description))} bytes, too large to show; the input schema above is derived from it)`;
    }
    const listed = entry.tool !== undefined && ctx.directory.isListed(entry.tool.name);
    const head = entry.tool
      ? listed
        ? `Process "${entry.processId}" runs as tool ${entry.tool.name} (or execute_process with process_id "${entry.processId}").`
        : `Process "${entry.processId}" runs with execute_process (process_id "${entry.processId}"); its inputs follow the input schema below.`
      : `Process "${entry.processId}" is not available as a tool: ${entry.skipReason ?? 'unknown reason'}.`;
    const warnings = entry.warnings.length > 0 ? `\nWarnings: ${entry.warnings.join('; ')}` : '';
    return { text: `${head}${warnings}`, structured, withJson: true };
  },
});

function withoutInputs(description: unknown): unknown {
  if (!isRecord(description) || !('inputs' in description)) return description;
  const { inputs: _inputs, ...rest } = description;
  return rest;
}
