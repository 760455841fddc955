// Looking a process up for the tools that take one (describe_process,
// execute_process), and the catalog's state when it has nothing to show.
import { displayUrl } from '../../util/display-url.js';
import type { CatalogEntry } from '../catalog.js';
import type { BridgeContext } from '../context.js';
import { ToolError, UpstreamFailure } from '../errors.js';

/** Throws the catalog's failure when it has nothing to show because the server is unreachable; refreshes first when stale. */
export async function requireCatalog(ctx: BridgeContext): Promise<void> {
  if (ctx.catalog.lastError !== undefined || !ctx.catalog.isLoaded) await ctx.catalog.refreshOnDemand();
  throwIfUnreachable(ctx);
}

/** The catalog entry for a process id or tool name, re-reading the list once if it is unknown. */
export async function findEntry(ctx: BridgeContext, processIdOrToolName: string): Promise<CatalogEntry> {
  let entry = ctx.catalog.entry(processIdOrToolName);
  if (!entry) {
    await ctx.catalog.refreshOnDemand();
    entry = ctx.catalog.entry(processIdOrToolName);
  }
  if (entry) return entry;
  // The refresh above was the one look at the server; a second would double the wait on a down server.
  throwIfUnreachable(ctx);
  throw new ToolError(
    `No process "${processIdOrToolName}" on the OGC server at ${displayUrl(ctx.config.serverUrl)} (or it is hidden by the bridge's include/exclude filters). ` +
      `list_processes shows the ${ctx.catalog.allEntries().length} available one(s).`,
  );
}

function throwIfUnreachable(ctx: BridgeContext): void {
  if (ctx.catalog.lastError !== undefined && ctx.catalog.allEntries().length === 0) throw new UpstreamFailure(ctx.catalog.lastError);
}
