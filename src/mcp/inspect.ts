// `ogc-processes-mcp inspect`: for a human checking a server before wiring it
// to an assistant. Prints each process with the tool derived from it, its
// warnings, or why it was skipped. Writes to stdout: no MCP session here.
import { displayUrl } from '../util/display-url.js';
import { closeBridgeContext, createBridgeContext } from './context.js';
import type { BridgeSettings } from './settings.js';
import { describeForTerminal } from './terminal-errors.js';
import type { Logger } from '../log.js';
import { truncate } from '../util/text.js';

export async function runInspect(config: BridgeSettings, logger: Logger): Promise<number> {
  const ctx = createBridgeContext(config, { logger, start: false });
  try {
    await ctx.catalog.refresh();
    if (ctx.catalog.lastError !== undefined) {
      process.stderr.write(`${logger.redact(describeForTerminal(ctx.catalog.lastError, config.serverUrl))}\n`);
      return 1;
    }
    const entries = ctx.catalog.allEntries();
    const tools = entries.filter((e) => e.tool).length;
    const out: string[] = [`${displayUrl(config.serverUrl)}: ${entries.length} process(es), ${tools} tool(s), ${entries.length - tools} skipped.`, ''];
    for (const entry of entries) {
      if (!entry.tool) {
        out.push(`✗ ${entry.processId}: skipped: ${entry.skipReason ?? 'unknown reason'}`, '');
        continue;
      }
      const t = entry.tool;
      out.push(`✓ ${entry.processId} -> tool ${t.name}${t.title ? ` ("${t.title}")` : ''}`);
      out.push(`  description (${t.description.length} chars): ${firstLine(t.description)}`);
      out.push(`  job control: ${t.jobControlOptions.join(', ') || '(not stated)'}`);
      for (const w of entry.warnings) out.push(`  warning: ${w}`);
      out.push(`  inputSchema: ${indent(JSON.stringify(t.inputSchema, null, 2))}`);
      if (t.outputSchema) out.push(`  outputSchema: ${indent(JSON.stringify(t.outputSchema, null, 2))}`);
      out.push('');
    }
    process.stdout.write(`${logger.redact(out.join('\n'))}\n`);
    return 0;
  } finally {
    await closeBridgeContext(ctx);
  }
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return truncate(line, 120);
}

function indent(text: string): string {
  return text.split('\n').join('\n  ');
}
