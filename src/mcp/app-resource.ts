// The MCP App (the `io.modelcontextprotocol/ui` extension): one `ui://`
// resource, the results view built from web/mcp-app with every script and
// style inlined, linked from the process tools, execute_process and
// get_job_results through `_meta.ui.resourceUri`. Only clients that declare
// the extension see any of it: for the others tools/list and resources/list
// stay exactly as they were.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_ID, getUiCapability, RESOURCE_MIME_TYPE, RESOURCE_URI_META_KEY } from '@modelcontextprotocol/ext-apps/server';
import { CLIENT_CAPABILITIES_META_KEY, type ClientCapabilities, type ReadResourceResult, type Resource, type Server, type ServerContext, type Tool } from '@modelcontextprotocol/server';
import { PROCESS_ID_META_KEY } from '../bridge/describe/index.js';
import { webAssetsDir } from '../util/web-assets.js';

export { EXTENSION_ID };
/** What the server declares under capabilities.extensions (extensions are used only when both sides declare them). */
export const APPS_EXTENSION_CAPABILITY = { [EXTENSION_ID]: {} };
export const UI_RESOURCE_URI = 'ui://ogc-processes-mcp/results.html';
const VIEW_FILE = 'mcp-app.html';

/** Tools whose results the view shows (besides every per-process tool). */
const VIEW_TOOLS = new Set(['execute_process', 'get_job_results']);

// The view needs nothing from the network: results arrive from the host,
// images as data: URLs, links open through the host. Declared empty on purpose.
const UI_META = { ui: { csp: { connectDomains: [], resourceDomains: [] }, prefersBorder: true } };

/**
 * The capabilities the client of this request declared: in the request itself
 * (2026-07-28, the _meta envelope), else at initialize (2025-11-25).
 */
export function requestClientCapabilities(server: Server, request: ServerContext): ClientCapabilities | undefined {
  const envelope: Record<string, unknown> = request.mcpReq.envelope ?? {};
  return (envelope[CLIENT_CAPABILITIES_META_KEY] as ClientCapabilities | undefined) ?? server.getClientCapabilities();
}

/** True when the client declared the extension with the MCP App media type. */
export function clientSupportsApps(capabilities: ClientCapabilities | undefined): boolean {
  const ui = getUiCapability(capabilities as Parameters<typeof getUiCapability>[0]);
  return ui?.mimeTypes?.includes(RESOURCE_MIME_TYPE) === true;
}

/** The tools with the view linked where it applies, for a client that supports it; the same list otherwise. */
export function linkResultsView(capabilities: ClientCapabilities | undefined, tools: Tool[]): Tool[] {
  if (!clientSupportsApps(capabilities)) return tools;
  return tools.map((tool) => {
    const isProcessTool = typeof tool._meta?.[PROCESS_ID_META_KEY] === 'string';
    if (!isProcessTool && !VIEW_TOOLS.has(tool.name)) return tool;
    // Both spellings: hosts read `ui.resourceUri`; older ones the flat key.
    return { ...tool, _meta: { ...tool._meta, ui: { resourceUri: UI_RESOURCE_URI }, [RESOURCE_URI_META_KEY]: UI_RESOURCE_URI } };
  });
}

/** The view's entry for resources/list (none for clients without the extension). */
export function appResources(capabilities: ClientCapabilities | undefined): Resource[] {
  if (!clientSupportsApps(capabilities)) return [];
  return [
    {
      uri: UI_RESOURCE_URI,
      name: 'results-view',
      title: 'OGC process results',
      description: 'Shows the outputs of a process run: values, images, links, and GeoJSON and bounding boxes on a map; follows a running job.',
      mimeType: RESOURCE_MIME_TYPE,
      _meta: UI_META,
    },
  ];
}

/** resources/read of the view; undefined for any other URI or a client without the extension. */
export function readAppResource(capabilities: ClientCapabilities | undefined, uri: string): ReadResourceResult | undefined {
  if (uri !== UI_RESOURCE_URI || !clientSupportsApps(capabilities)) return undefined;
  return { contents: [{ uri, mimeType: RESOURCE_MIME_TYPE, text: viewHtml(), _meta: UI_META }] };
}

let cached: string | undefined;
function viewHtml(): string {
  cached ??= readFileSync(join(webAssetsDir(VIEW_FILE), VIEW_FILE), 'utf8');
  return cached;
}
