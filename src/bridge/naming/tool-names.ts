// Tool names for the processes of one or several servers, as one table.
//
// Every major client must accept every name: ^[a-zA-Z0-9_-]{1,64}$ (Anthropic,
// OpenAI), a first character that is a letter (Gemini function names), within
// 64 characters once the client has put its own prefix in front
// (`mcp__<server>__` in Claude Code; the default length leaves it 16), and no
// two names equal when case is ignored (some clients fold case). With several
// servers each name starts with its server's namespace (`eo_ndvi`). The way
// back is this table, never a string operation on the name.
import { DEFAULT_TOOL_NAME_LENGTH, FIXED_TOOL_NAMES, MAX_TOOL_NAME_LENGTH, toolNameFor, type NameLookup } from '../describe/index.js';

export interface ToolNamesOptions {
  /** Names no process may take (the fixed tools are always reserved). */
  reserved?: Iterable<string>;
  /** Longest tool name, the server namespace included (default 48, at most 64). */
  maxLength?: number;
}

export interface ProcessRef {
  /** The server's name; undefined when the bridge has one server and names carry no namespace. */
  server?: string;
  processId: string;
}

/** The per-server view the process catalog works with. */
export interface ServerToolNames {
  nameFor(processId: string): string;
  processIdFor(toolName: string): string | undefined;
  forget(processId: string): void;
  retainOnly(processIds: Iterable<string>): void;
  readonly size: number;
}

const NAMESPACE_SEPARATOR = '_';
// Room the process part keeps however long the namespace.
const MIN_PROCESS_PART = 12;
const STARTS_WITH_LETTER = /^[A-Za-z]/;

export class ToolNames {
  private readonly reserved = new Set<string>();
  private readonly maxLength: number;
  private readonly nameByKey = new Map<string, string>();
  private readonly refByFolded = new Map<string, ProcessRef>();
  private readonly namespaces = new Map<string | undefined, string | undefined>();

  constructor(options: ToolNamesOptions = {}) {
    for (const name of [...FIXED_TOOL_NAMES, ...(options.reserved ?? [])]) this.reserved.add(name.toLowerCase());
    this.maxLength = Math.min(MAX_TOOL_NAME_LENGTH, Math.max(MIN_PROCESS_PART + 4, Math.floor(options.maxLength ?? DEFAULT_TOOL_NAME_LENGTH)));
  }

  /**
   * The view for one server. `namespaced` says whether its tool names carry
   * the server name (true when the bridge has several servers).
   */
  forServer(server: string | undefined, namespaced: boolean): ServerToolNames {
    const namespace = namespaced && server !== undefined ? this.namespaceFor(server) : undefined;
    this.namespaces.set(server, namespace);
    const table = this;
    return {
      nameFor: (processId) => table.nameFor({ ...(server !== undefined ? { server } : {}), processId }),
      processIdFor: (toolName) => {
        const ref = table.lookup(toolName);
        return ref !== undefined && ref.server === server ? ref.processId : undefined;
      },
      forget: (processId) => table.forget({ ...(server !== undefined ? { server } : {}), processId }),
      retainOnly: (processIds) => table.retainOnly(server, processIds),
      get size() {
        let n = 0;
        for (const ref of table.refByFolded.values()) if (ref.server === server) n++;
        return n;
      },
    };
  }

  /** The tool name of a process; the same for as long as the process is known. */
  nameFor(ref: ProcessRef): string {
    const key = keyOf(ref);
    const known = this.nameByKey.get(key);
    if (known !== undefined) return known;
    const name = this.newName(ref);
    this.nameByKey.set(key, name);
    this.refByFolded.set(name.toLowerCase(), { ...ref });
    return name;
  }

  /** The process behind a tool name (exact spelling). */
  lookup(toolName: string): ProcessRef | undefined {
    const ref = this.refByFolded.get(toolName.toLowerCase());
    if (ref === undefined || this.nameByKey.get(keyOf(ref)) !== toolName) return undefined;
    return ref;
  }

  forget(ref: ProcessRef): void {
    const key = keyOf(ref);
    const name = this.nameByKey.get(key);
    if (name === undefined) return;
    this.nameByKey.delete(key);
    this.refByFolded.delete(name.toLowerCase());
  }

  /** Forgets every process of `server` not in `processIds` (after a refresh of its list). */
  retainOnly(server: string | undefined, processIds: Iterable<string>): void {
    const keep = new Set(processIds);
    for (const ref of [...this.refByFolded.values()]) if (ref.server === server && !keep.has(ref.processId)) this.forget(ref);
  }

  private newName(ref: ProcessRef): string {
    const namespace = this.namespaces.get(ref.server);
    const prefix = namespace === undefined ? '' : `${namespace}${NAMESPACE_SEPARATOR}`;
    const taken: NameLookup = { has: (candidate) => this.isTaken(`${prefix}${candidate}`) };
    // Without a namespace, a name must still start with a letter: "218" becomes "p_218".
    const base = prefix === '' && !STARTS_WITH_LETTER.test(ref.processId) ? `p_${ref.processId}` : ref.processId;
    return `${prefix}${toolNameFor(base, taken, this.maxLength - prefix.length)}`;
  }

  private isTaken(name: string): boolean {
    const folded = name.toLowerCase();
    return this.reserved.has(folded) || this.refByFolded.has(folded);
  }

  /** A server's namespace: its name in lower case, cut so that the process part keeps room. */
  private namespaceFor(server: string): string {
    const room = this.maxLength - MIN_PROCESS_PART - NAMESPACE_SEPARATOR.length;
    const namespace = server.toLowerCase().replace(/[^a-z0-9]+/g, '').slice(0, room);
    if (namespace === '' || !STARTS_WITH_LETTER.test(namespace)) throw new Error(`server name "${server}" gives no namespace (it must start with a letter)`);
    for (const [other, taken] of this.namespaces) {
      if (other !== server && taken === namespace) throw new Error(`servers "${other}" and "${server}" would share the tool name prefix "${namespace}"`);
    }
    return namespace;
  }
}

function keyOf(ref: ProcessRef): string {
  return `${ref.server ?? ''}\u0000${ref.processId}`;
}
