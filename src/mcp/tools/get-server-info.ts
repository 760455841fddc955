// get_server_info: what the OGC server behind the bridge is and declares. One
// of its two documents failing still gives an answer, with that failure in it.
import { z } from 'zod';
import { displayUrl } from '../../util/display-url.js';
import { describeUpstreamError, UpstreamFailure } from '../errors.js';
import { defineTool, READ_ONLY } from './define.js';

export const getServerInfo = defineTool({
  name: 'get_server_info',
  title: 'OGC server information',
  description: 'The OGC server: title, conformance classes (whether it lists and dismisses jobs), and how many processes are tools.',
  args: z.strictObject({}),
  annotations: READ_ONLY,
  async run(_args, { ctx, signal }) {
    const [landing, conformance] = await Promise.allSettled([
      ctx.client.getCapabilities({ signal }),
      ctx.client.getConformance({ signal }),
    ]);
    if (landing.status === 'rejected' && conformance.status === 'rejected') throw new UpstreamFailure(landing.reason);
    const conformsTo = conformance.status === 'fulfilled' ? conformance.value.conformsTo : [];
    const classes = conformsTo.map((uri) => uri.replace(/\/+$/, '').split('/').pop() ?? uri);
    const entries = ctx.catalog.allEntries();
    const page = landing.status === 'fulfilled' ? landing.value : undefined;
    const info = {
      serverUrl: displayUrl(ctx.config.serverUrl),
      ...(page?.title ? { title: page.title } : {}),
      ...(page?.description ? { description: page.description } : {}),
      conformsTo,
      jobList: classes.includes('job-list'),
      dismiss: classes.includes('dismiss'),
      processTools: entries.filter((e) => e.tool).length,
      skippedProcesses: entries.filter((e) => !e.tool).length,
      ...(conformance.status === 'rejected' ? { conformanceError: describeUpstreamError(conformance.reason, ctx.config.serverUrl) } : {}),
      ...(landing.status === 'rejected' ? { landingPageError: describeUpstreamError(landing.reason, ctx.config.serverUrl) } : {}),
    };
    const title = page?.title ? `"${page.title}" ` : '';
    const problems = [info.landingPageError, info.conformanceError].filter((p): p is string => p !== undefined);
    const text =
      `OGC API - Processes server ${title}at ${info.serverUrl}.${page?.description ? ` ${page.description}` : ''} ` +
      `Conformance classes: ${classes.length > 0 ? classes.join(', ') : 'unknown'}. ` +
      `${info.processTools} process(es) available as tools, ${info.skippedProcesses} skipped; list_processes lists them.` +
      (problems.length > 0 ? `\n${problems.join('\n')}` : '');
    // The text says every fact of the structured form (conformance classes by their short names): no JSON copy.
    return { text, structured: info };
  },
});
