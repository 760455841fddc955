import type { RequestContext } from '../context.js';
import { noSuchProcess } from '../problems.js';
import { pageParams } from '../query.js';
import { sendJson } from '../responses.js';

export function listProcesses(ctx: RequestContext): void {
  const { catalog } = ctx.state;
  const { offset, limit, limited } = pageParams(ctx.query);
  if (!limited && offset === 0) {
    sendJson(ctx.res, 200, catalog.fullList(ctx.baseUrl));
    return;
  }
  const page = catalog.summaries(ctx.baseUrl, offset, limit);
  const href = (o: number) =>
    `${ctx.baseUrl}processes?${limited ? `limit=${limit}&` : ''}offset=${o}`;
  const links: Array<Record<string, string>> = [{ href: href(offset), rel: 'self', type: 'application/json', title: 'This page' }];
  if (page.more) links.push({ href: href(offset + limit), rel: 'next', type: 'application/json', title: 'Next page' });
  sendJson(ctx.res, 200, JSON.stringify({ processes: page.summaries, links }));
}

export function getProcess(ctx: RequestContext): void {
  const id = ctx.params[0];
  const bytes = ctx.state.catalog.description(ctx.baseUrl, id);
  if (!bytes) throw noSuchProcess(id);
  sendJson(ctx.res, 200, bytes);
}
