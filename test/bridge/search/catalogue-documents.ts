// The search documents of the demo's 500-process catalogue (its nine built-in
// processes and 491 generated ones), made the way the bridge makes them: the
// demo serializes each description, the bridge derives its tool, and the
// document joins the listed summary with the tool's inputs.
import { ToolNames } from '../../../src/bridge/naming/index.js';
import { deriveFrom } from '../../support/derive.js';
import { searchDocumentFor, type SearchDocument } from '../../../src/bridge/search/index.js';
import { ProcessCatalog } from '../../../src/demo/catalog.js';
import { BUILTIN_PROCESSES } from '../../../src/demo/processes/index.js';
import { catalogueProcesses } from '../../../src/demo/processes/catalogue/index.js';

const BASE = 'http://127.0.0.1:1/';

export function catalogueDocuments(total = 500): SearchDocument[] {
  const catalog = new ProcessCatalog([...BUILTIN_PROCESSES, ...catalogueProcesses(total - BUILTIN_PROCESSES.length)]);
  const { summaries } = catalog.summaries(BASE, 0, total);
  const names = new ToolNames().forServer(undefined, false);
  return summaries.map((summary) => {
    const id = summary.id as string;
    const derived = deriveFrom(JSON.parse(catalog.description(BASE, id)!.toString('utf8')), names.nameFor(id));
    if (!derived.ok) throw new Error(`${id}: ${derived.reason}`);
    return searchDocumentFor({ summary: { id, title: summary.title, description: summary.description, keywords: summary.keywords }, inputs: derived.tool.inputs, toolName: derived.tool.name });
  });
}
