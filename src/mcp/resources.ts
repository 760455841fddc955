// Job results readable whole, as MCP resources: what a tool result had to cut
// or link stays reachable. Reads go to the OGC server each time (jobs live
// there, not here), up to a cap that keeps one read from exhausting memory.
import { ProtocolError, ProtocolErrorCode, ResourceNotFoundError, type ReadResourceResult, type Server } from '@modelcontextprotocol/server';
import { isBinaryEncoding, isTextualMediaType, normalizeMediaType } from '../ogc/media.js';
import { OgcApiError } from '../ogc/errors.js';
import { appResources, readAppResource, requestClientCapabilities } from './app-resource.js';
import type { BridgeContext } from './context.js';
import { jobContext } from './servers/routing.js';
import { errorMessage } from '../util/errors.js';
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
    // The SDK answers a missing resource with -32602 in both eras (the 2026-07-28 rule; 2025-11-25 clients accept it).
    throw new ResourceNotFoundError(uri, `Unknown resource ${uri}: expected ogc-job://{jobId}/results or ogc-job://{jobId}/results/{outputId}.`);
  }
  // With several servers, the one that owns the job.
  let ctx: BridgeContext;
  try {
    ctx = await jobContext(root, parsed.jobId, signal);
  } catch (error) {
    throw new ResourceNotFoundError(uri, errorMessage(error));
  }
  let results: Record<string, unknown>;
  try {
    results = await ctx.client.getJobResults(parsed.jobId, { signal });
  } catch (error) {
    const notFound = error instanceof OgcApiError && error.status === 404;
    const message = ctx.logger.redact(describeUpstreamError(error, ctx.config.serverUrl, { jobId: parsed.jobId }));
    throw notFound ? new ResourceNotFoundError(uri, message) : new ProtocolError(ProtocolErrorCode.InternalError, message);
  }
  if (parsed.outputId === undefined) return jsonContents(uri, results);
  if (!Object.hasOwn(results, parsed.outputId)) {
    const known = Object.keys(results);
    throw new ResourceNotFoundError(uri, `Job ${parsed.jobId} has no output "${parsed.outputId}"; its outputs are: ${known.join(', ') || '(none)'}.`);
  }
  return outputContents(ctx, uri, results[parsed.outputId], signal);
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
