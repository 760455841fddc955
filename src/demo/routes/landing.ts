import { conformanceUris, type ApiVersion } from '../api-version.js';
import type { RequestContext } from '../context.js';
import { sendJson } from '../responses.js';

const CONFORMANCE: Record<ApiVersion, Buffer> = {
  '1.0': Buffer.from(JSON.stringify({ conformsTo: conformanceUris('1.0') })),
  '2.0': Buffer.from(JSON.stringify({ conformsTo: conformanceUris('2.0') })),
};

const landingPages = new Map<string, Buffer>();

function landingPage(baseUrl: string, version: ApiVersion): Buffer {
  const key = `${version} ${baseUrl}`;
  let bytes = landingPages.get(key);
  if (!bytes) {
    const link = (path: string, rel: string, title: string) => ({ href: baseUrl + path, rel, type: 'application/json', title });
    bytes = Buffer.from(
      JSON.stringify({
        title: 'ogc-processes-mcp demo server',
        description: `Embedded OGC API - Processes ${version} server with the reference test processes`,
        links: [
          link('', 'self', 'This document'),
          link('conformance', 'http://www.opengis.net/def/rel/ogc/1.0/conformance', 'Conformance classes implemented by this server'),
          link('processes', 'http://www.opengis.net/def/rel/ogc/1.0/processes', 'Metadata about the processes'),
          link('jobs', 'http://www.opengis.net/def/rel/ogc/1.0/job-list', 'The endpoint for job monitoring'),
        ],
      }),
    );
    if (landingPages.size >= 8) landingPages.clear();
    landingPages.set(key, bytes);
  }
  return bytes;
}

export function getLandingPage(ctx: RequestContext): void {
  sendJson(ctx.res, 200, landingPage(ctx.baseUrl, ctx.state.apiVersion));
}

export function getConformance(ctx: RequestContext): void {
  sendJson(ctx.res, 200, CONFORMANCE[ctx.state.apiVersion]);
}
