// The tools of one bridge across its servers: what tools/list shows (the fixed
// tools, then every process tool or, above the threshold, search_processes and
// the pinned and most-used process tools), which process a tool name runs, and
// the search index over every server's processes.
import type { Tool } from '@modelcontextprotocol/server';
import type { ToolNames } from '../../bridge/naming/index.js';
import {
  DEFAULT_LISTING_POLICY,
  ProcessSearchIndex,
  chooseListing,
  searchDocumentFor,
  type Listing,
  type SearchHit,
  type SearchOptions,
} from '../../bridge/search/index.js';
import type { DerivedTool } from '../../bridge/describe/index.js';
import type { BridgeSettings } from '../settings.js';
import type { ServerHandle } from './handles.js';

export interface ProcessToolRef {
  handle: ServerHandle;
  tool: DerivedTool;
}

type Listener = () => void;

interface Snapshot {
  listing: Listing;
  listed: ReadonlySet<string>;
  tools: Tool[];
}

/** The fixed tools' definitions, as the MCP layer defines them. */
export interface FixedDefinitions {
  /** Always listed, in this order. */
  always: readonly Tool[];
  /** Listed in search mode only. */
  search: Tool;
}

export class ToolDirectory {
  private readonly listeners = new Set<Listener>();
  private readonly unsubscribe: Array<() => void>;
  private readonly uses = new Map<string, number>();
  private readonly adapted = new WeakMap<Tool, Tool>();
  private fixed: FixedDefinitions | undefined;
  private snapshot: Snapshot | undefined;
  private index: ProcessSearchIndex | undefined;

  constructor(
    readonly servers: readonly ServerHandle[],
    private readonly names: ToolNames,
    private readonly settings: Pick<BridgeSettings, 'tools' | 'maxTools' | 'pin'>,
  ) {
    this.unsubscribe = servers.map((s) =>
      s.catalog.onChange(() => {
        this.snapshot = undefined;
        this.index = undefined;
        this.notify();
      }),
    );
  }

  /** True when the bridge has more than one server (names carry a prefix, fixed tools take `server`). */
  get several(): boolean {
    return this.servers.length > 1;
  }

  /** The server of this name (any case), or undefined. */
  server(name: string): ServerHandle | undefined {
    const wanted = name.toLowerCase();
    return this.servers.find((s) => s.name?.toLowerCase() === wanted);
  }

  /**
   * A fixed tool's definition as this bridge lists it: with `server` (an enum
   * of the names) when there are several servers, without it when one.
   */
  adapt(definition: Tool): Tool {
    let adapted = this.adapted.get(definition);
    if (!adapted) {
      const names = this.several ? this.servers.map((s) => s.name!) : [];
      adapted = withServerArgument(definition, names);
      this.adapted.set(definition, adapted);
    }
    return adapted;
  }

  /** The process tool of this name, on whichever server (listed or not). */
  lookup(toolName: string): ProcessToolRef | undefined {
    const ref = this.names.lookup(toolName);
    if (ref === undefined) return undefined;
    const handle = this.servers.find((s) => s.name === ref.server) ?? (this.several ? undefined : this.servers[0]);
    const tool = handle?.catalog.toolByName(toolName);
    return handle && tool ? { handle, tool } : undefined;
  }

  /** What tools/list shows now, given the fixed tools' definitions. */
  list(fixed: FixedDefinitions): Tool[] {
    if (this.fixed !== fixed) {
      this.fixed = fixed;
      this.snapshot = undefined;
    }
    return this.current().tools;
  }

  /** True when the bridge lists only some process tools and search_processes (known once tools/list ran). */
  get searching(): boolean {
    return this.snapshot?.listing.search ?? false;
  }

  /** True when tools/list shows this tool (every tool before the first tools/list). */
  isListed(toolName: string): boolean {
    return this.fixed === undefined || this.current().listed.has(toolName);
  }

  /** Every process of every server, best match first (`total`: how many match before the limit). */
  search(query: string, options: SearchOptions): { hits: SearchHit[]; total: number } {
    this.index ??= new ProcessSearchIndex(
      this.servers.flatMap((handle) =>
        handle.catalog.allEntries().map((entry) =>
          searchDocumentFor({
            summary: entry.summary,
            ...(entry.tool ? { inputs: entry.tool.inputs, toolName: entry.tool.name } : {}),
            ...(handle.name !== undefined && this.several ? { server: handle.name } : {}),
          }),
        ),
      ),
    );
    const all = this.index.search(query, { ...options, limit: Number.MAX_SAFE_INTEGER });
    return { hits: all.slice(0, options.limit ?? 10), total: all.length };
  }

  /** Counts a run; in search mode a process run often enough becomes a listed tool (and clients hear of it). */
  recordUse(handle: ServerHandle, processId: string): void {
    const key = `${handle.name ?? ''}\u0000${processId}`;
    this.uses.set(key, (this.uses.get(key) ?? 0) + 1);
    const before = this.snapshot;
    if (before === undefined || !before.listing.search || this.fixed === undefined) return;
    this.snapshot = undefined;
    const after = this.current();
    if (after.listing.listed.join('\u0000') !== before.listing.listed.join('\u0000')) this.notify();
  }

  /** Called whenever tools/list would change; returns the unsubscribe function. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    for (const stop of this.unsubscribe) stop();
    this.listeners.clear();
  }

  private current(): Snapshot {
    if (this.snapshot) return this.snapshot;
    if (this.fixed === undefined) throw new Error('ToolDirectory.list() must run first');
    const fixed = this.fixed.always.map((d) => this.adapt(d));
    const searchTool = this.adapt(this.fixed.search);
    // Deterministic order, whatever order the servers list their processes in: by tool name.
    const processes = this.servers
      .flatMap((handle) => handle.catalog.toolDefinitions().map((definition) => ({ handle, definition })))
      .sort((a, b) => (a.definition.name < b.definition.name ? -1 : a.definition.name > b.definition.name ? 1 : 0));
    const pins = new Set((this.settings.pin ?? []).map((p) => p.toLowerCase()));
    const candidates = processes.map(({ handle, definition }) => {
      const processId = processIdOf(definition);
      return {
        name: definition.name,
        bytes: Buffer.byteLength(JSON.stringify(definition)),
        pinned: pins.has(definition.name.toLowerCase()) || pins.has(processId.toLowerCase()),
        uses: this.uses.get(`${handle.name ?? ''}\u0000${processId}`) ?? 0,
      };
    });
    const policy = {
      ...DEFAULT_LISTING_POLICY,
      ...(this.settings.tools !== undefined ? { listing: this.settings.tools } : {}),
      ...(this.settings.maxTools !== undefined ? { maxTools: this.settings.maxTools } : {}),
    };
    const fixedBytes = fixed.reduce((n, d) => n + Buffer.byteLength(JSON.stringify(d)), 0);
    const searchBytes = Buffer.byteLength(JSON.stringify(searchTool));
    const listing = chooseListing(candidates, { count: fixed.length, bytes: fixedBytes }, searchBytes, policy);
    const listed = new Set(listing.listed);
    const tools = [
      ...fixed,
      ...(listing.search ? [searchTool] : []),
      ...processes.filter(({ definition }) => listed.has(definition.name)).map(({ definition }) => definition),
    ];
    this.snapshot = { listing, listed, tools };
    return this.snapshot;
  }

  private notify(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch {
        // One closed session must not keep the others from hearing of the change.
      }
    }
  }
}

function processIdOf(definition: Tool): string {
  const id = (definition._meta as Record<string, unknown> | undefined)?.['ogc-processes-mcp/processId'];
  return typeof id === 'string' ? id : definition.name;
}

/**
 * A fixed tool's definition with the `server` argument: an enum of the server
 * names when there are several, absent when there is one.
 */
function withServerArgument(definition: Tool, serverNames: string[]): Tool {
  type Properties = NonNullable<Tool['inputSchema']['properties']>;
  const properties: Properties = { ...(definition.inputSchema.properties ?? {}) };
  delete properties.server;
  if (serverNames.length > 1) properties.server = { type: 'string', enum: serverNames };
  return { ...definition, inputSchema: { ...definition.inputSchema, properties } };
}
