import type { RequestContext } from '../context.js';
import { sendJson } from '../responses.js';

const CONF = 'http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/';
const CONFORMANCE = Buffer.from(
  JSON.stringify({
    conformsTo: ['core', 'ogc-process-description', 'json', 'job-list', 'dismiss', 'oas30'].map((c) => CONF + c),
  }),
);

const landingPages = new Map<string, Buffer>();

function landingPage(baseUrl: string): Buffer {
  let bytes = landingPages.get(baseUrl);
  if (!bytes) {
    const link = (path: string, rel: string, title: string) => ({ href: baseUrl + path, rel, type: 'application/json', title });
    bytes = Buffer.from(
      JSON.stringify({
        title: 'ogc-processes-mcp demo server',
        description: 'Embedded OGC API - Processes 1.0 server with the reference test processes',
        links: [
          link('', 'self', 'This document'),
          link('conformance', 'http://www.opengis.net/def/rel/ogc/1.0/conformance', 'Conformance classes implemented by this server'),
          link('processes', 'http://www.opengis.net/def/rel/ogc/1.0/processes', 'Metadata about the processes'),
          link('jobs', 'http://www.opengis.net/def/rel/ogc/1.0/job-list', 'The endpoint for job monitoring'),
        ],
      }),
    );
    if (landingPages.size >= 8) landingPages.clear();
    landingPages.set(baseUrl, bytes);
  }
  return bytes;
}

export function getLandingPage(ctx: RequestContext): void {
  sendJson(ctx.res, 200, landingPage(ctx.baseUrl));
}

export function getConformance(ctx: RequestContext): void {
  sendJson(ctx.res, 200, CONFORMANCE);
}
