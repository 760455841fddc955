// search_processes: finds processes among every server's by words of their
// id, title, keywords and description, with filters; the way in when a server
// has too many processes to list them all as tools.
import { z } from 'zod';
import { INPUT_TYPES, renderSearch } from '../../bridge/search/index.js';
import { defineTool, READ_ONLY } from './define.js';

export const searchProcesses = defineTool({
  name: 'search_processes',
  title: 'Search OGC processes',
  description: 'Finds processes by words of their id, title, keywords and description, best first, with their inputs; run one with execute_process.',
  args: z.strictObject({
    query: z.string().max(400).default('').describe('Words, e.g. "ndvi sentinel-2".'),
    keyword: z.string().min(1).optional(),
    input_type: z.enum(INPUT_TYPES).optional().describe('Only processes with an input of this type.'),
    server: z.string().min(1).optional(),
    limit: z.int().min(1).max(50).default(10),
  }),
  annotations: READ_ONLY,
  async run({ query, keyword, input_type: inputType, server, limit }, { ctx }) {
    await Promise.all(ctx.servers.map((s) => s.catalog.ready()));
    const { hits, total } = ctx.directory.search(query, {
      limit,
      ...(keyword !== undefined ? { keyword } : {}),
      ...(inputType !== undefined ? { inputType } : {}),
      ...(server !== undefined ? { server } : {}),
    });
    // A tool name helps only when the client lists that tool.
    const shown = hits.map((hit) =>
      hit.document.toolName !== undefined && !ctx.directory.isListed(hit.document.toolName)
        ? { ...hit, document: { ...hit.document, toolName: undefined } }
        : hit,
    );
    const { text, structured } = renderSearch(query, shown, total, Math.floor(ctx.config.maxResultBytes / 2));
    return { text, structured: { ...structured } };
  },
});
