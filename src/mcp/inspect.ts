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
    let failed = false;
    const out: string[] = [];
    // Every server of the bridge, each with its own section.
    for (const server of ctx.servers) {
      await server.catalog.refresh();
      const label = `${server.name !== undefined && ctx.servers.length > 1 ? `${server.name}: ` : ''}${displayUrl(server.url)}`;
      if (server.catalog.lastError !== undefined) {
        process.stderr.write(`${logger.redact(`${ctx.servers.length > 1 ? `${label}: ` : ''}${describeForTerminal(server.catalog.lastError, server.url)}`)}\n`);
        failed = true;
        continue;
      }
      const entries = server.catalog.allEntries();
      const tools = entries.filter((e) => e.tool).length;
      out.push(`${label}: ${entries.length} process(es), ${tools} tool(s), ${entries.length - tools} skipped.`, '');
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
    }
    if (out.length > 0) process.stdout.write(`${logger.redact(out.join('\n'))}\n`);
    return failed ? 1 : 0;
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
