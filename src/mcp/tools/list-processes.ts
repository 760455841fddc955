// list_processes: what the OGC server can run, with the tool of each process
// or why it has none; the fallback for clients that ignore tools/list_changed.
import { z } from 'zod';
import { truncate } from '../../util/text.js';
import type { CatalogEntry } from '../catalog.js';
import { defineTool, READ_ONLY } from './define.js';
import { requireCatalog } from './find-process.js';

const SUMMARY_DESCRIPTION_CHARS = 200;

const ProcessSummarySchema = z.looseObject({
  processId: z.string(),
  tool: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  version: z.string().optional(),
  jobControlOptions: z.array(z.string()).optional(),
  skipped: z.string().optional(),
});

export const listProcesses = defineTool({
  name: 'list_processes',
  title: 'List OGC processes',
  description: 'Lists the processes: id, title, short description, and the tool that runs each (or how to run it).',
  args: z.strictObject({
    filter: z.string().optional().describe('Text in the id, title or description.'),
    limit: z.int().min(1).max(1000).default(100),
  }),
  output: z.looseObject({
    processes: z.array(ProcessSummarySchema),
    total: z.int().nonnegative(),
    shown: z.int().nonnegative(),
  }),
  annotations: READ_ONLY,
  async run({ filter: given, limit }, { ctx }) {
    await requireCatalog(ctx);
    const filter = given?.toLowerCase() ?? '';
    const matching = ctx.catalog.allEntries().filter((e) => !filter || e.searchText.includes(filter));
    // In search mode most processes are no listed tool: they run through execute_process.
    const shown = matching.slice(0, limit).map((e) => processSummary(e, (name) => ctx.directory.isListed(name)));
    const lines = shown.map((p) => {
      const head = `- ${p.processId}${p.title ? ` (${p.title})` : ''}${p.description ? `: ${p.description}` : ''}`;
      if (p.skipped) return `${head} Not runnable here: ${p.skipped}.`;
      return p.tool ? `${head} Tool ${p.tool}.` : `${head} Run with execute_process.`;
    });
    const stale = ctx.catalog.lastError !== undefined ? ` (The server cannot be reached right now: this list is from earlier.)` : '';
    return {
      text: `${matching.length} process(es)${filter ? ` matching "${filter}"` : ''}, ${shown.length} shown.${stale}\n${lines.join('\n')}`,
      structured: { processes: shown, total: matching.length, shown: shown.length },
    };
  },
});

function processSummary(e: CatalogEntry, listed: (toolName: string) => boolean): z.output<typeof ProcessSummarySchema> {
  const title = e.summary.title;
  const description = e.summary.description;
  return {
    processId: e.processId,
    ...(e.tool && listed(e.tool.name) ? { tool: e.tool.name } : {}),
    ...(title ? { title } : {}),
    ...(description ? { description: truncate(description.replace(/\s+/g, ' ').trim(), SUMMARY_DESCRIPTION_CHARS) } : {}),
    ...(e.summary.version !== undefined ? { version: String(e.summary.version) } : {}),
    ...(e.summary.jobControlOptions ? { jobControlOptions: e.summary.jobControlOptions } : {}),
    ...(e.skipReason ? { skipped: e.skipReason } : {}),
  };
}
