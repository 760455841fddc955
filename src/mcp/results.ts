// A finished job's results as a tool result: images the server returned by
// reference are fetched (small, same origin only) so the model sees them, then
// bridge/results/ does the translation within the size budget.
import type { CallToolResult } from '@modelcontextprotocol/server';
import { resultsToToolResult, type OutputDescription } from '../bridge/results/index.js';
import { isInlineImageType, normalizeMediaType } from '../ogc/media.js';
import type { DerivedTool } from '../bridge/describe/index.js';
import type { BridgeContext } from './context.js';
import { resourceUriFor } from './resource-uris.js';
import { isRecord } from '../util/records.js';
import { errorMessage } from '../util/errors.js';

export async function resultsToolResult(
  ctx: BridgeContext,
  job: { jobID?: string; status: string; processID?: string },
  results: Record<string, unknown>,
  tool: DerivedTool | undefined,
  signal: AbortSignal,
): Promise<CallToolResult> {
  const withImages = await inlineLinkedImages(ctx, results, signal);
  const translated = resultsToToolResult(
    withImages,
    {
      status: job.status,
      ...(job.jobID ? { jobID: job.jobID } : {}),
      ...(job.processID ? { processID: job.processID } : {}),
    },
    {
      maxResultBytes: ctx.config.maxResultBytes,
      maxImageBytes: ctx.config.maxImageBytes,
      resourceUriFor,
      baseUrl: ctx.config.serverUrl,
    },
    outputDescriptions(tool),
  );
  if (translated.truncated.length > 0) {
    ctx.logger.debug(`Results of job ${job.jobID ?? '(no id)'} cut to the budget: ${translated.truncated.join(', ')}.`);
  }
  return { content: translated.content, structuredContent: translated.structuredContent };
}

function outputDescriptions(tool: DerivedTool | undefined): Record<string, OutputDescription> {
  const map: Record<string, OutputDescription> = {};
  for (const output of tool?.outputs ?? []) {
    // defineProperty: an output id such as __proto__ must stay an own key.
    Object.defineProperty(map, output.id, {
      value: { title: output.title, description: output.description, schema: output.schema },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return map;
}

/**
 * Replaces outputs that are links to small PNG/JPEG/... images on an allowed
 * origin by qualified base64 values. Anything that fails stays a link.
 */
async function inlineLinkedImages(ctx: BridgeContext, results: Record<string, unknown>, signal: AbortSignal): Promise<Record<string, unknown>> {
  if (ctx.config.maxImageBytes <= 0) return results;
  let out: Record<string, unknown> | undefined;
  for (const [id, value] of Object.entries(results)) {
    const link = imageLink(value, ctx);
    if (!link) continue;
    try {
      const fetched = await ctx.client.fetchLink(link.href, { maxBytes: ctx.config.maxImageBytes, signal });
      const mediaType = normalizeMediaType(fetched.contentType) ?? link.mediaType;
      if (!isInlineImageType(mediaType)) continue;
      out ??= { ...results };
      out[id] = { value: fetched.body.toString('base64'), encoding: 'base64', mediaType };
    } catch (error) {
      ctx.logger.debug(`Image output "${id}" stays a link: ${errorMessage(error)}`);
    }
  }
  return out ?? results;
}

function imageLink(value: unknown, ctx: BridgeContext): { href: string; mediaType: string } | undefined {
  if (!isRecord(value)) return undefined;
  const v = value;
  if (typeof v.href !== 'string' || 'value' in v) return undefined;
  const mediaType = normalizeMediaType(v.type ?? v.mediaType);
  if (!isInlineImageType(mediaType)) return undefined;
  // The client's link policy decides (origin, scheme); a link it would refuse stays a link, quietly.
  if (!ctx.client.linkTarget(v.href)) return undefined;
  return { href: v.href, mediaType: mediaType! };
}
