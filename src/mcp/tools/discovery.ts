// Fixed tools that tell the model what the OGC server is and what it can run:
// get_server_info, list_processes, describe_process. They work for clients that
// ignore tools/list_changed, and they say why a process is not a tool.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { displayUrl } from '../../config.js';
import type { BridgeContext } from '../context.js';
import type { CatalogEntry } from '../catalog.js';
import { errorResult, upstreamErrorResult } from '../errors.js';
import { structuredResult, type FixedTool } from './types.js';
import { truncate } from '../../util/text.js';

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true } as const;
const SUMMARY_DESCRIPTION_CHARS = 200;

export const getServerInfo: FixedTool = {
  definition: {
    name: 'get_server_info',
    title: 'OGC server information',
    description:
      'Describes the OGC API - Processes server behind this bridge: its title, the conformance classes it declares (for example whether it lists jobs or lets them be dismissed), and how many of its processes are available as tools.',
    inputSchema: { type: 'object', properties: {}, additionalProperties: false },
    annotations: { title: 'OGC server information', ...READ_ONLY },
  },
  async run(_args, { ctx, signal }) {
    const [landing, conformance] = await Promise.allSettled([
      ctx.client.getCapabilities({ signal }),
      ctx.client.getConformance({ signal }),
    ]);
    if (landing.status === 'rejected' && conformance.status === 'rejected') {
      return upstreamErrorResult(landing.reason, ctx.config.serverUrl);
    }
    const conformsTo = conformance.status === 'fulfilled' ? conformance.value.conformsTo : [];
    const classes = conformsTo.map((uri) => uri.replace(/\/+$/, '').split('/').pop() ?? uri);
    const entries = ctx.catalog.allEntries();
    const info: Record<string, unknown> = {
      serverUrl: displayUrl(ctx.config.serverUrl),
      ...(landing.status === 'fulfilled' && landing.value.title ? { title: landing.value.title } : {}),
      ...(landing.status === 'fulfilled' && landing.value.description ? { description: landing.value.description } : {}),
      conformsTo,
      jobList: classes.includes('job-list'),
      dismiss: classes.includes('dismiss'),
      processTools: entries.filter((e) => e.tool).length,
      skippedProcesses: entries.filter((e) => !e.tool).length,
    };
    if (conformance.status === 'rejected') info.conformanceError = errorText(ctx, conformance.reason);
    if (landing.status === 'rejected') info.landingPageError = errorText(ctx, landing.reason);
    const title = typeof info.title === 'string' ? `"${info.title}" ` : '';
    const summary =
      `OGC API - Processes server ${title}at ${info.serverUrl}. ` +
      `Conformance classes: ${classes.length > 0 ? classes.join(', ') : 'unknown'}. ` +
      `${info.processTools} process(es) available as tools, ${info.skippedProcesses} skipped; list_processes lists them.`;
    return structuredResult(summary, info);
  },
};

export const listProcesses: FixedTool = {
  definition: {
    name: 'list_processes',
    title: 'List OGC processes',
    description:
      'Lists the processes of the OGC server: id, title, short description, the tool that runs each one, and why a process could not become a tool. Use describe_process for a process\'s inputs, and its tool (or execute_process) to run it.',
    inputSchema: {
      type: 'object',
      properties: {
        filter: { type: 'string', description: 'Only processes whose id, title or description contains this text (case-insensitive).' },
        limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100, description: 'Most processes to list.' },
      },
      additionalProperties: false,
    },
    outputSchema: {
      type: 'object',
      properties: {
        processes: { type: 'array', items: { type: 'object' } },
        total: { type: 'integer' },
        shown: { type: 'integer' },
      },
      required: ['processes', 'total', 'shown'],
    },
    annotations: { title: 'List OGC processes', ...READ_ONLY },
  },
  async run(args, { ctx }) {
    const problem = await catalogProblem(ctx);
    if (problem) return problem;
    const filter = typeof args.filter === 'string' ? args.filter.toLowerCase() : '';
    const limit = typeof args.limit === 'number' ? args.limit : 100;
    const matching = ctx.catalog.allEntries().filter((e) => !filter || e.searchText.includes(filter));
    const shown = matching.slice(0, limit).map(processSummary);
    const lines = shown.map((p) =>
      p.tool ? `- ${p.processId}${p.title ? ` (${p.title})` : ''}: tool ${p.tool}` : `- ${p.processId}: not a tool (${p.skipped})`,
    );
    const stale = ctx.catalog.lastError !== undefined ? ` (The server cannot be reached right now: this list is from earlier.)` : '';
    const summary = `${matching.length} process(es)${filter ? ` matching "${filter}"` : ''}, ${shown.length} shown.${stale}\n${lines.join('\n')}`;
    return {
      content: [{ type: 'text', text: summary }],
      structuredContent: { processes: shown, total: matching.length, shown: shown.length },
    };
  },
};

export const describeProcess: FixedTool = {
  definition: {
    name: 'describe_process',
    title: 'Describe an OGC process',
    description:
      'Shows everything about one process: its description as the OGC server publishes it (inputs, outputs, job control options), the input schema of the tool that runs it, and any warnings or the reason it could not become a tool.',
    inputSchema: {
      type: 'object',
      properties: {
        process_id: { type: 'string', minLength: 1, description: 'The process id (or the name of its tool).' },
      },
      required: ['process_id'],
      additionalProperties: false,
    },
    annotations: { title: 'Describe an OGC process', ...READ_ONLY },
  },
  async run(args, { ctx }) {
    const processId = args.process_id as string;
    const found = await findEntry(ctx, processId);
    if (!found.ok) return found.result;
    const entry = found.entry;
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
    let json = JSON.stringify(structured);
    if (Buffer.byteLength(json) > ctx.config.maxResultBytes) {
      // A description too big for one result: keep what a model needs to call the tool.
      structured.description = `(${Buffer.byteLength(JSON.stringify(structured.description))} bytes, too large to show; the input schema above is derived from it)`;
      json = JSON.stringify(structured);
    }
    const head = entry.tool
      ? `Process "${entry.processId}" runs as tool ${entry.tool.name} (or execute_process with process_id "${entry.processId}").`
      : `Process "${entry.processId}" is not available as a tool: ${entry.skipReason ?? 'unknown reason'}.`;
    const warnings = entry.warnings.length > 0 ? `\nWarnings: ${entry.warnings.join('; ')}` : '';
    return { content: [{ type: 'text', text: `${head}${warnings}\n${json}` }], structuredContent: structured };
  },
};

/** An isError result when the catalog has nothing to show because the server is unreachable. */
async function catalogProblem(ctx: BridgeContext): Promise<CallToolResult | undefined> {
  if (ctx.catalog.lastError !== undefined || !ctx.catalog.isLoaded) await ctx.catalog.refreshOnDemand();
  return unreachableProblem(ctx);
}

/** catalogProblem without the refresh, for a caller that has just refreshed. */
function unreachableProblem(ctx: BridgeContext): CallToolResult | undefined {
  if (ctx.catalog.lastError !== undefined && ctx.catalog.allEntries().length === 0) {
    return upstreamErrorResult(ctx.catalog.lastError, ctx.config.serverUrl);
  }
  return undefined;
}

/** The catalog entry for a process id or tool name, re-reading the list once if it is unknown. */
export async function findEntry(
  ctx: BridgeContext,
  processIdOrToolName: string,
): Promise<{ ok: true; entry: CatalogEntry } | { ok: false; result: CallToolResult }> {
  let entry = ctx.catalog.entry(processIdOrToolName);
  if (!entry) {
    await ctx.catalog.refreshOnDemand();
    entry = ctx.catalog.entry(processIdOrToolName);
  }
  if (entry) return { ok: true, entry };
  // The refresh above was the one look at the server; a second would double the wait on a down server.
  const problem = unreachableProblem(ctx);
  if (problem) return { ok: false, result: problem };
  const known = ctx.catalog.allEntries().length;
  return { ok: false, result: errorResult(
    `No process "${processIdOrToolName}" on the OGC server at ${displayUrl(ctx.config.serverUrl)} (or it is hidden by the bridge's include/exclude filters). ` +
      `list_processes shows the ${known} available one(s).`,
  ) };
}

function processSummary(e: CatalogEntry): Record<string, unknown> & { processId: string; tool?: string; title?: string; skipped?: string } {
  const title = e.summary.title;
  const description = e.summary.description;
  return {
    processId: e.processId,
    ...(e.tool ? { tool: e.tool.name } : {}),
    ...(title ? { title } : {}),
    ...(description ? { description: shorten(description, SUMMARY_DESCRIPTION_CHARS) } : {}),
    ...(e.summary.version !== undefined ? { version: String(e.summary.version) } : {}),
    ...(e.summary.jobControlOptions ? { jobControlOptions: e.summary.jobControlOptions } : {}),
    ...(e.skipReason ? { skipped: e.skipReason } : {}),
  };
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return truncate(flat, max);
}

function errorText(ctx: BridgeContext, error: unknown): string {
  const result = upstreamErrorResult(error, ctx.config.serverUrl);
  const first = result.content[0];
  return first && first.type === 'text' ? first.text : 'failed';
}
