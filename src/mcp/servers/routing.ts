// Fixed tools on a bridge with several servers. A call names its server
// (`server`), or the bridge finds it: by the tool name or process id for
// describe_process and execute_process, by the job id for the job tools (the
// owner learnt when the job was started or listed, else the one server that
// knows the job). The list tools without a server ask every server and put the
// answers together; one server down is a line in the answer, not a failure.
// Each call then runs on that server's context: its client, catalog and URL.
import type { CallToolResult } from '@modelcontextprotocol/server';
import { isRecord } from '../../util/records.js';
import type { BridgeContext } from '../context.js';
import { ToolError, toolFailure } from '../errors.js';
import type { ToolCall } from '../tools/call.js';
import type { FixedTool } from '../tools/define.js';
import type { ServerHandle } from './handles.js';

// Tools that, without a server, ask every server and merge the answers.
const FAN_OUT = new Set(['get_server_info', 'list_processes', 'list_jobs']);
const BY_PROCESS = new Set(['describe_process', 'execute_process']);
const BY_JOB = new Set(['get_job', 'get_job_results', 'dismiss_job']);

/** The context a tool runs on for one server: that server's client, catalog and URL. */
export function serverContext(ctx: BridgeContext, handle: ServerHandle): BridgeContext {
  if (handle.client === ctx.client && handle.catalog === ctx.catalog && handle.url === ctx.config.serverUrl) return ctx;
  const { auth: _auth, ...config } = ctx.config;
  return { ...ctx, client: handle.client, catalog: handle.catalog, config: { ...config, serverUrl: handle.url, ...(handle.auth ? { auth: handle.auth } : {}) } };
}

/** Runs a fixed tool, on the right server(s) when the bridge has several. */
export async function runFixedTool(call: ToolCall, fixed: FixedTool, args: Record<string, unknown>): Promise<CallToolResult> {
  const { ctx } = call;
  // A process run by id counts towards making it a listed tool (search mode).
  if (fixed.name === 'execute_process') countUse(ctx, args);
  // search_processes covers every server itself; `server` is one of its filters.
  if (!ctx.directory.several || fixed.name === 'search_processes') return fixed.run(args, call);
  const { server: named, ...rest } = args;
  if (typeof named === 'string') {
    const handle = ctx.directory.server(named);
    if (!handle) throw new ToolError(`No server "${named}"; the servers are ${serverList(ctx)}.`);
    return runOn(call, handle, fixed, rest);
  }
  if (FAN_OUT.has(fixed.name)) return fanOut(call, fixed, rest);
  if (BY_PROCESS.has(fixed.name)) return runOn(call, await serverForProcess(ctx, String(rest.process_id)), fixed, rest);
  if (BY_JOB.has(fixed.name)) return runOn(call, await serverForJob(ctx, String(rest.job_id), call.signal), fixed, rest);
  throw new ToolError(`${fixed.name} needs a server: ${serverList(ctx)}.`);
}

/** Runs on one server; its failures name that server, and the job it answers about is remembered as its own. */
export async function runOn(call: ToolCall, handle: ServerHandle, fixed: FixedTool, args: Record<string, unknown>): Promise<CallToolResult> {
  const ctx = serverContext(call.ctx, handle);
  let result: CallToolResult;
  try {
    result = await fixed.run(args, { ...call, ctx });
  } catch (error) {
    result = toolFailure(error, { serverUrl: handle.url, logger: ctx.logger, toolName: fixed.name });
  }
  return withServer(call.ctx, handle, result);
}

/** The result marked with its server (several servers), and the job it carries remembered as that server's. */
export function withServer(ctx: BridgeContext, handle: ServerHandle, result: CallToolResult): CallToolResult {
  if (!ctx.directory.several || handle.name === undefined) return result;
  const structured = result.structuredContent;
  if (isRecord(structured) && typeof structured.jobId === 'string') ctx.jobs.remember(structured.jobId, handle.name);
  const [first, ...rest] = result.content;
  const content = first?.type === 'text' ? [{ ...first, text: `Server ${handle.name}: ${first.text}` }, ...rest] : result.content;
  return { ...result, content, ...(isRecord(structured) ? { structuredContent: { server: handle.name, ...tagged(structured, handle.name) } } : {}) };
}

/** Lists (jobs, processes) with each entry naming its server, as a list from every server has them. */
function tagged(structured: Record<string, unknown>, server: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(structured)) {
    out[key] = Array.isArray(value) ? value.map((item) => (isRecord(item) ? { server, ...item } : item)) : value;
  }
  return out;
}

async function serverForProcess(ctx: BridgeContext, processIdOrToolName: string): Promise<ServerHandle> {
  const byName = ctx.directory.lookup(processIdOrToolName);
  if (byName) return byName.handle;
  let owners = ctx.servers.filter((s) => s.catalog.entry(processIdOrToolName) !== undefined);
  if (owners.length === 0) {
    await Promise.all(ctx.servers.map((s) => s.catalog.refreshOnDemand()));
    owners = ctx.servers.filter((s) => s.catalog.entry(processIdOrToolName) !== undefined);
  }
  if (owners.length === 1) return owners[0]!;
  if (owners.length > 1) {
    throw new ToolError(`Process "${processIdOrToolName}" is on several servers (${owners.map((s) => s.name).join(', ')}); say which with server.`);
  }
  throw new ToolError(`No process "${processIdOrToolName}" on any server (${serverList(ctx)}); search_processes or list_processes shows what there is.`);
}

/** The context of the server that owns a job (the bridge's own with one server). */
export async function jobContext(ctx: BridgeContext, jobId: string, signal: AbortSignal): Promise<BridgeContext> {
  return ctx.directory.several ? serverContext(ctx, await serverForJob(ctx, jobId, signal)) : ctx;
}

async function serverForJob(ctx: BridgeContext, jobId: string, signal: AbortSignal): Promise<ServerHandle> {
  const owner = ctx.jobs.ownerOf(jobId);
  const known = owner !== undefined ? ctx.directory.server(owner) : undefined;
  if (known) return known;
  // A job started elsewhere: the servers that know it.
  const found = await Promise.all(
    ctx.servers.map(async (s) => {
      try {
        await s.client.getJob(jobId, { signal });
        return s;
      } catch {
        return undefined;
      }
    }),
  );
  const owners = found.filter((s): s is ServerHandle => s !== undefined);
  if (owners.length === 1) {
    ctx.jobs.remember(jobId, owners[0]!.name!);
    return owners[0]!;
  }
  if (owners.length > 1) throw new ToolError(`Job "${jobId}" exists on several servers (${owners.map((s) => s.name).join(', ')}); say which with server.`);
  throw new ToolError(`No server knows job "${jobId}" (${serverList(ctx)}); it may have expired or been dismissed. list_jobs shows the current ones.`);
}

/**
 * Asks every server and puts the answers together: with the tool's own merge
 * when it has one (each server then answers with the whole result budget, the
 * merge keeping the whole within it), else generically, each server with its
 * share of the budget. A server that fails is a line in the answer.
 */
async function fanOut(call: ToolCall, fixed: FixedTool, args: Record<string, unknown>): Promise<CallToolResult> {
  const { ctx } = call;
  const budget = fixed.merge ? ctx.config.maxResultBytes : Math.floor(ctx.config.maxResultBytes / ctx.servers.length);
  const results = await Promise.all(
    ctx.servers.map(async (handle) => {
      const own = serverContext({ ...ctx, config: { ...ctx.config, maxResultBytes: budget } }, handle);
      try {
        return { handle, result: await fixed.run(args, { ...call, ctx: own }) };
      } catch (error) {
        return { handle, result: toolFailure(error, { serverUrl: handle.url, logger: ctx.logger, toolName: fixed.name }) };
      }
    }),
  );
  const failed = results.filter((r) => r.result.isError).map(({ handle, result }) => ({ handle, text: textOf(result) }));
  const downLines = failed.map(({ handle, text }) => downLine(handle, text));
  const unavailable = failed.map(({ handle, text }) => ({ server: handle.name, error: text }));
  const answers = results.filter((r) => !r.result.isError).map(({ handle, result }) => ({ server: handle.name!, structured: isRecord(result.structuredContent) ? result.structuredContent : {} }));
  // The jobs a server listed are its own: get_job and the others find them there.
  for (const { server, structured } of answers) {
    if (Array.isArray(structured.jobs)) for (const job of structured.jobs) if (isRecord(job) && typeof job.jobId === 'string') ctx.jobs.remember(job.jobId, server);
  }
  const down = unavailable.length > 0 ? { unavailable } : {};
  if (fixed.merge && answers.length > 0) {
    // What is said about the servers that are down comes out of the budget of the merged answer.
    const reserve = Buffer.byteLength(downLines.join('\n\n')) + Buffer.byteLength(JSON.stringify(down)) + 2;
    const merging = { ...call, ctx: { ...ctx, config: { ...ctx.config, maxResultBytes: Math.max(0, ctx.config.maxResultBytes - reserve) } } };
    const merged = fixed.merge(answers, args, merging);
    return {
      content: [{ type: 'text', text: [textOf(merged), ...downLines].join('\n\n') }],
      structuredContent: { ...(isRecord(merged.structuredContent) ? merged.structuredContent : {}), ...down },
    };
  }
  return { ...joined(fixed, results, down), ...(answers.length === 0 ? { isError: true } : {}) };
}

/** The answers put together: each server's text under its name; lists joined, counts summed (get_server_info: each server's facts). */
function joined(fixed: FixedTool, results: ReadonlyArray<{ handle: ServerHandle; result: CallToolResult }>, down: Record<string, unknown>): CallToolResult {
  const texts: string[] = [];
  const merged: Record<string, unknown> = {};
  const servers: Array<Record<string, unknown>> = [];
  for (const { handle, result } of results) {
    const text = textOf(result);
    if (result.isError) {
      texts.push(downLine(handle, text));
      servers.push({ server: handle.name, error: text });
      continue;
    }
    texts.push(`Server ${handle.name}: ${text}`);
    const structured = isRecord(result.structuredContent) ? result.structuredContent : {};
    servers.push({ server: handle.name, ...structured });
    for (const [key, value] of Object.entries(structured)) {
      if (Array.isArray(value)) {
        const items = value.map((item) => (isRecord(item) ? { server: handle.name, ...item } : item));
        merged[key] = [...((merged[key] as unknown[] | undefined) ?? []), ...items];
      } else if (typeof value === 'number') {
        merged[key] = ((merged[key] as number | undefined) ?? 0) + value;
      } else if (typeof value === 'boolean') {
        // A flag holds for the whole answer when it holds for one server.
        merged[key] = merged[key] === true || value;
      }
    }
  }
  const structuredContent = fixed.name === 'get_server_info' ? { servers } : { ...merged, ...down };
  return { content: [{ type: 'text', text: texts.join('\n\n') }], structuredContent };
}

function downLine(handle: ServerHandle, text: string): string {
  return `Server ${handle.name} (${handle.url}) cannot be used right now: ${text}`;
}

function textOf(result: CallToolResult): string {
  return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}

function countUse(ctx: BridgeContext, args: Record<string, unknown>): void {
  const wanted = String(args.process_id);
  const named = typeof args.server === 'string' ? ctx.directory.server(args.server) : undefined;
  const byName = ctx.directory.lookup(wanted);
  if (byName) return ctx.directory.recordUse(byName.handle, byName.tool.processId);
  const handles = named ? [named] : ctx.servers;
  const owners = handles.filter((s) => s.catalog.entry(wanted)?.tool !== undefined);
  if (owners.length === 1) ctx.directory.recordUse(owners[0]!, owners[0]!.catalog.entry(wanted)!.processId);
}

function serverList(ctx: BridgeContext): string {
  return ctx.servers.map((s) => s.name).join(', ');
}
