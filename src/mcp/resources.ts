// Job results readable whole, as MCP resources: what a tool result had to cut
// or link stays reachable. Reads go to the OGC server each time (jobs live
// there, not here), up to a cap that keeps one read from exhausting memory.
import { ProtocolError, ProtocolErrorCode, ResourceNotFoundError, type ReadResourceResult, type Server } from '@modelcontextprotocol/server';
import type { StatusInfo } from '../ogc/index.js';
import { isBinaryEncoding, isTextualMediaType, normalizeMediaType } from '../ogc/media.js';
import { OgcApiError, saysNoSuchJob } from '../ogc/errors.js';
import { appResources, readAppResource, requestClientCapabilities } from './app-resource.js';
import type { BridgeContext } from './context.js';
import { jobContext } from './servers/routing.js';
import { errorMessage } from '../util/errors.js';
import { asClause } from '../util/text.js';
import { describeUpstreamError } from './errors.js';
import { MAX_RESOURCE_BYTES } from './limits.js';
import { isRecord, ownValue } from '../util/records.js';
import { OUTPUT_TEMPLATE, parseResourceUri, RESULTS_TEMPLATE } from './resource-uris.js';


export function registerResourceHandlers(server: Server, ctx: BridgeContext): void {
  // Results are addressed by job id; there is no list of them to browse.
  server.setRequestHandler('resources/list', async (_request, extra) => ({ resources: appResources(requestClientCapabilities(server, extra)) }));

  server.setRequestHandler('resources/templates/list', async () => ({
    resourceTemplates: [
      {
        uriTemplate: RESULTS_TEMPLATE,
        name: 'job-results',
        title: 'Results of an OGC job',
        description: 'All outputs of a finished job on the OGC server, whole (tool results may cut large ones).',
        mimeType: 'application/json',
      },
      {
        uriTemplate: OUTPUT_TEMPLATE,
        name: 'job-output',
        title: 'One output of an OGC job',
        description: 'One output of a finished job, whole: JSON as text, binary data as a blob, links fetched from the server.',
      },
    ],
  }));

  server.setRequestHandler(
    'resources/read',
    async (request, extra) =>
      readAppResource(requestClientCapabilities(server, extra), request.params.uri) ?? readResource(ctx, request.params.uri, extra.mcpReq.signal),
  );
}

async function readResource(root: BridgeContext, uri: string, signal: AbortSignal): Promise<ReadResourceResult> {
  const parsed = parseResourceUri(uri);
  if (!parsed) {
    throw new ResourceNotFoundError(uri, `Unknown resource ${uri}: expected ogc-job://{jobId}/results or ogc-job://{jobId}/results/{outputId}.`);
  }
  const { jobId } = parsed;
  // With several servers, the one that owns the job.
  let ctx: BridgeContext;
  try {
    ctx = await jobContext(root, jobId, signal);
  } catch (error) {
    throw new ResourceNotFoundError(uri, errorMessage(error));
  }
  // The job first: it says whether there are results to read, and which outputs the process declares.
  let job: StatusInfo;
  try {
    job = await ctx.client.getJob(jobId, { signal });
  } catch (error) {
    throw upstreamError(ctx, error, uri, jobId);
  }
  if (job.status !== 'successful') throw withoutResults(job, uri, jobId);
  const tool = job.processID ? ctx.catalog.entry(job.processID)?.tool : undefined;
  let results: Record<string, unknown>;
  try {
    results = await ctx.client.getJobResults(jobId, { signal, ...(tool ? { outputIds: tool.outputs.map((o) => o.id) } : {}) });
  } catch (error) {
    throw upstreamError(ctx, error, uri, jobId);
  }
  if (parsed.outputId === undefined) return jsonContents(uri, results);
  if (!Object.hasOwn(results, parsed.outputId)) {
    const known = Object.keys(results);
    throw new ResourceNotFoundError(uri, `Job ${jobId} has no output "${parsed.outputId}"; its outputs are: ${known.join(', ') || '(none)'}.`);
  }
  return outputContents(ctx, uri, results[parsed.outputId], signal);
}

// Codes, the same in both protocol eras: whatever leaves this URI without contents (results not ready yet,
// the job failed or was dismissed, the job is gone, no such output) is ResourceNotFoundError, which the SDK
// sends as -32602 with data {uri} (the 2026-07-28 rule; 2025-11-25 clients have always had -32602 from the SDK,
// and the SDK maps -32002 to it anyway). A failure of the OGC server is -32603. Messages go out as written:
// v2 errors carry no "MCP error <code>: " prefix, so a client adds its own once.

/** Why a job that is not successful has no results to read: not ready yet, failed, or dismissed. */
function withoutResults(job: StatusInfo, uri: string, jobId: string): ResourceNotFoundError {
  const message = job.message ? `: ${asClause(job.message)}` : '';
  switch (job.status) {
    case 'accepted':
    case 'running':
      return new ResourceNotFoundError(
        uri,
        `Job ${jobId} is ${job.status}${typeof job.progress === 'number' ? ` (${job.progress}%)` : ''}: its results are not ready yet. Read this resource again once get_job says it is successful.`,
      );
    case 'failed':
      return new ResourceNotFoundError(uri, `Job ${jobId} failed${message}. It has no results.`);
    case 'dismissed':
      return new ResourceNotFoundError(uri, `Job ${jobId} was dismissed${message}. It has no results.`);
    default:
      return new ResourceNotFoundError(uri, `Job ${jobId} is ${job.status}${message}; it has no results to read.`);
  }
}

/** A failure of the OGC server: a job it does not know is gone; anything else is said as the server failed. */
function upstreamError(ctx: BridgeContext, error: unknown, uri: string, jobId: string): ProtocolError {
  if (error instanceof OgcApiError && saysNoSuchJob(error)) {
    return new ResourceNotFoundError(uri, `Job ${jobId} is gone: the OGC server does not know it (dismissed, expired, or never there); list_jobs shows the current jobs.`);
  }
  return new ProtocolError(ProtocolErrorCode.InternalError, ctx.logger.redact(describeUpstreamError(error, ctx.config.serverUrl, { jobId })));
}

function jsonContents(uri: string, value: unknown): ReadResourceResult {
  const text = JSON.stringify(value, null, 2);
  if (Buffer.byteLength(text) > MAX_RESOURCE_BYTES) throw tooLarge(uri);
  return { contents: [{ uri, mimeType: 'application/json', text }] };
}

async function outputContents(ctx: BridgeContext, uri: string, value: unknown, signal: AbortSignal): Promise<ReadResourceResult> {
  if (typeof value === 'string') {
    // Text served as itself: quoting it as JSON would cost a second copy of a large output, and its readers an unescaping.
    if (Buffer.byteLength(value) > MAX_RESOURCE_BYTES) throw tooLarge(uri);
    return { contents: [{ uri, mimeType: 'text/plain', text: value }] };
  }
  if (!isRecord(value)) return jsonContents(uri, value);
  const v = value;

  if (typeof v.href === 'string' && !('value' in v)) {
    let fetched: { contentType?: string; body: Buffer };
    try {
      // The client resolves the href and refuses what its link policy forbids (OgcLinkRefusedError, explained below).
      fetched = await ctx.client.fetchLink(v.href, { maxBytes: MAX_RESOURCE_BYTES, signal });
    } catch (error) {
      throw new ProtocolError(ProtocolErrorCode.InternalError, ctx.logger.redact(describeUpstreamError(error, ctx.config.serverUrl)));
    }
    const mediaType = normalizeMediaType(fetched.contentType) ?? normalizeMediaType(v.type) ?? 'application/octet-stream';
    return isTextualMediaType(mediaType)
      ? { contents: [{ uri, mimeType: mediaType, text: fetched.body.toString('utf8') }] }
      : { contents: [{ uri, mimeType: mediaType, blob: fetched.body.toString('base64') }] };
  }

  if ('value' in v) {
    const mediaType = normalizeMediaType(v.mediaType) ?? normalizeMediaType(ownValue(v.format, 'mediaType'));
    if (typeof v.value === 'string' && isBinaryEncoding(v.encoding ?? ownValue(v.format, 'encoding'))) {
      if (v.value.length > (MAX_RESOURCE_BYTES * 4) / 3) throw tooLarge(uri);
      return { contents: [{ uri, mimeType: mediaType ?? 'application/octet-stream', blob: v.value.replace(/\s+/g, '') }] };
    }
    if (typeof v.value === 'string') {
      if (Buffer.byteLength(v.value) > MAX_RESOURCE_BYTES) throw tooLarge(uri);
      return { contents: [{ uri, mimeType: mediaType ?? 'text/plain', text: v.value }] };
    }
    return jsonContents(uri, v.value);
  }
  return jsonContents(uri, value);
}

function tooLarge(uri: string): ProtocolError {
  return new ProtocolError(ProtocolErrorCode.InternalError, `${uri} is larger than ${MAX_RESOURCE_BYTES} bytes, the most this bridge serves as one resource; fetch it from the OGC server directly.`);
}
