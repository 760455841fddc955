// The processes of the OGC server, as tools: fetched concurrently, cached,
// re-checked on an interval and on demand, and shared by every MCP session.
// An unreachable server is a state of the catalog, not a failure of start-up:
// it keeps the last good list (empty at first) and the error that explains why.
import type { Tool } from '@modelcontextprotocol/server';
import type { OgcClient, ProcessDescription, ProcessSummary } from '../ogc/index.js';
import { type DerivedTool, deriveTool } from '../bridge/describe/index.js';
import type { ServerToolNames } from '../bridge/naming/index.js';
import { processFilter } from './process-filter.js';
import type { BridgeSettings } from './settings.js';
import { unmatchedFilterWarnings } from './filter-check.js';
import type { Logger } from '../log.js';
import { errorMessage } from '../util/errors.js';

export interface CatalogEntry {
  processId: string;
  summary: ProcessSummary;
  /** The description as read (undefined when it could not be fetched); its `document` is what the server sent. */
  description?: ProcessDescription;
  tool?: DerivedTool;
  /** Why this process is not a tool. */
  skipReason?: string;
  warnings: string[];
  /** Id, title and description in lower case, what list_processes filters on. */
  searchText: string;
}

export interface CatalogOptions {
  client: OgcClient;
  config: Pick<BridgeSettings, 'include' | 'exclude' | 'refreshSeconds' | 'objectInputs'>;
  logger: Logger;
  /** This server's view of the bridge's tool name table (which keeps the fixed tools' names reserved). */
  names: ServerToolNames;
  /** The server's name, when the bridge has several: it goes into each tool's _meta. */
  server?: string;
  /** Descriptions fetched at once. */
  concurrency?: number;
}

type Listener = () => void;

const DEFAULT_CONCURRENCY = 16;
// On-demand refreshes (a call naming an unknown process) closer than this share one fetch.
const MIN_ON_DEMAND_INTERVAL_MS = 1000;
// While the server cannot be reached, retry sooner than the refresh interval.
const RETRY_DELAYS_S = [5, 10, 20, 40, 60];

export class ProcessCatalog {
  private readonly names: ServerToolNames;
  /** The --include/--exclude filter, compiled once. */
  private readonly served: (processId: string) => boolean;
  private entries = new Map<string, CatalogEntry>();
  private toolsByName = new Map<string, DerivedTool>();
  /** The process tools as tools/list shows them: rebuilt when they change, not per request. */
  private definitions: readonly Tool[] = [];
  private fingerprint = '';
  private error: unknown;
  private loaded = false;
  private inFlight: Promise<void> | undefined;
  private lastRefreshEnd = 0;
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Whether the refresh schedule runs (inspect reads once and does not retry). */
  private started = false;
  private readonly listeners = new Set<Listener>();
  private readonly warned = new Set<string>();
  private readonly firstLoad: Promise<void>;
  private resolveFirstLoad!: () => void;

  constructor(private readonly options: CatalogOptions) {
    this.names = options.names;
    this.served = processFilter(options.config);
    this.firstLoad = new Promise((resolve) => (this.resolveFirstLoad = resolve));
  }

  /** Starts the first load and the refresh schedule; does not wait for them. */
  start(): void {
    this.started = true;
    void this.refresh();
  }

  /** Settles once the first load has succeeded or failed (never rejects). */
  ready(): Promise<void> {
    return this.firstLoad;
  }

  get isLoaded(): boolean {
    return this.loaded;
  }

  /** Why the last refresh failed; undefined when it worked. */
  get lastError(): unknown {
    return this.error;
  }

  tools(): DerivedTool[] {
    return [...this.toolsByName.values()];
  }

  /** The process tools' definitions for tools/list (shared: do not modify). */
  toolDefinitions(): readonly Tool[] {
    return this.definitions;
  }

  toolByName(name: string): DerivedTool | undefined {
    return this.toolsByName.get(name);
  }

  /** Looks an entry up by process id, or by tool name as a model may give it. */
  entry(processIdOrToolName: string): CatalogEntry | undefined {
    const direct = this.entries.get(processIdOrToolName);
    if (direct) return direct;
    const tool = this.toolsByName.get(processIdOrToolName);
    return tool ? this.entries.get(tool.processId) : undefined;
  }

  allEntries(): CatalogEntry[] {
    return [...this.entries.values()];
  }

  /** Called whenever the set of tools changes; returns the unsubscribe function. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Re-reads the process list now (one fetch at a time; callers share it).
   * Never rejects: failures are kept in lastError.
   */
  refresh(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.inFlight ??= this.load().finally(() => {
      this.inFlight = undefined;
      this.lastRefreshEnd = Date.now();
      this.schedule();
    });
    return this.inFlight;
  }

  /**
   * A refresh for a name nobody knows; bursts of unknown names share one fetch.
   * The minimum interval holds after a failure too: a down server is not asked again at once.
   */
  refreshOnDemand(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.loaded && Date.now() - this.lastRefreshEnd < MIN_ON_DEMAND_INTERVAL_MS) return Promise.resolve();
    return this.refresh();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.listeners.clear();
    this.resolveFirstLoad();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.closed) return;
    let seconds: number;
    if (this.error !== undefined) {
      seconds = RETRY_DELAYS_S[Math.min(this.failures - 1, RETRY_DELAYS_S.length - 1)] ?? 60;
      if (this.options.config.refreshSeconds > 0) seconds = Math.min(seconds, this.options.config.refreshSeconds);
    } else {
      seconds = this.options.config.refreshSeconds;
      if (seconds <= 0) return;
    }
    this.timer = setTimeout(() => void this.refresh(), seconds * 1000);
    // The schedule alone must not keep the process alive.
    this.timer.unref();
  }

  private async load(): Promise<void> {
    const { client, logger, config } = this.options;
    try {
      const list = await client.getProcesses({ followNext: true, maxPages: 100 });
      for (const warning of unmatchedFilterWarnings(config, list.processes.map((p) => p.id))) this.warnOnce('', warning);
      const summaries = list.processes.filter((p) => this.served(p.id));
      const next = new Map<string, CatalogEntry>();
      const toFetch: ProcessSummary[] = [];
      for (const summary of summaries) {
        if (next.has(summary.id)) continue; // a server that lists a process twice
        const previous = this.entries.get(summary.id);
        // A process whose summary is unchanged keeps its description: no refetch.
        if (previous && previous.description !== undefined && sameJson(previous.summary, summary)) {
          next.set(summary.id, previous);
        } else {
          next.set(summary.id, newEntry(summary));
          toFetch.push(summary);
        }
      }
      await mapBounded(toFetch, this.options.concurrency ?? DEFAULT_CONCURRENCY, async (summary) => {
        next.set(summary.id, await this.describe(summary));
      });
      this.entries = next;
      // Names of processes gone from the server are freed; the others keep theirs.
      this.names.retainOnly(next.keys());
      this.toolsByName = new Map(
        [...next.values()].filter((e) => e.tool).map((e) => [e.tool!.name, e.tool!] as const),
      );
      if (this.error !== undefined) logger.info(`OGC server reachable again; ${this.toolsByName.size} process tool(s).`);
      this.error = undefined;
      this.failures = 0;
    } catch (error) {
      this.error = error;
      this.failures += 1;
      // Without the schedule (inspect) the caller reports the failure itself, and nothing is retried.
      if (this.started && (this.failures === 1 || this.failures % 10 === 0)) {
        logger.warning(`Could not read the process list: ${errorMessage(error)}. Retrying in the background.`);
      }
    } finally {
      this.loaded = true;
      this.resolveFirstLoad();
    }
    this.notifyIfChanged();
  }

  private async describe(summary: ProcessSummary): Promise<CatalogEntry> {
    const entry = newEntry(summary);
    try {
      entry.description = await this.options.client.getProcess(summary.id);
    } catch (error) {
      entry.skipReason = `its description could not be fetched: ${errorMessage(error)}`;
      this.warnOnce(summary.id, `skipped: ${entry.skipReason}`);
      return entry;
    }
    let derived: ReturnType<typeof deriveTool>;
    try {
      derived = deriveTool(entry.description, this.names.nameFor(summary.id), {
        objectInputEncoding: this.options.config.objectInputs,
      });
    } catch (error) {
      // A description odd enough to throw must not take the other tools down.
      derived = { ok: false, processId: summary.id, reason: `deriving its tool failed: ${errorMessage(error)}` };
    }
    // deriveTool checks the client rules itself; the schema is compiled (once) on first use.
    if (derived.ok) {
      entry.tool = derived.tool;
      entry.warnings = [...derived.tool.warnings];
    } else {
      entry.skipReason = derived.reason;
    }
    if (entry.skipReason) this.warnOnce(summary.id, `skipped: ${entry.skipReason}`);
    return entry;
  }

  private warnOnce(processId: string, text: string): void {
    const key = `${processId}\u0000${text}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.options.logger.warning(processId === '' ? text : `Process "${processId}" ${text}`);
  }

  private notifyIfChanged(): void {
    const fingerprint = JSON.stringify(
      this.tools().map((t) => [t.name, t.title, t.description, t.inputSchema, t.outputSchema, t.annotations, t._meta]),
    );
    if (fingerprint === this.fingerprint) return;
    this.fingerprint = fingerprint;
    this.definitions = this.tools().map((tool) => processToolDefinition(tool, this.options.server));
    for (const listener of this.listeners) {
      try {
        listener();
      } catch {
        // One closed session must not keep the others from hearing of the change.
      }
    }
  }
}

function newEntry(summary: ProcessSummary): CatalogEntry {
  const searchText = `${summary.id} ${summary.title ?? ''} ${summary.description ?? ''}`.toLowerCase();
  return { processId: summary.id, summary, warnings: [], searchText };
}

export const SERVER_META_KEY = 'ogc-processes-mcp/server';

/** A process tool as MCP clients see it in tools/list; `server` names its server when the bridge has several. */
export function processToolDefinition(tool: DerivedTool, server?: string): Tool {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: tool.inputSchema as Tool['inputSchema'],
    ...(tool.outputSchema ? { outputSchema: tool.outputSchema as Tool['outputSchema'] } : {}),
    annotations: tool.annotations as Tool['annotations'],
    _meta: (server === undefined ? tool._meta : { ...tool._meta, [SERVER_META_KEY]: server }) as Tool['_meta'],
  };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Runs `fn` over `items`, at most `limit` at a time. */
async function mapBounded<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
