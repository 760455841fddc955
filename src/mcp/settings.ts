// What the MCP layer is told to do, as its own types: the command line (or a
// program embedding the bridge) fills them in; nothing here knows of flags.
import type { ObjectInputEncoding } from '../bridge/describe/index.js';
import type { LogLevel } from '../log.js';
import type { OgcAuth } from '../ogc/index.js';
import type { ToolListing } from '../bridge/search/index.js';

/** One OGC server of a bridge that serves several. */
export interface ServerSettings {
  /** Plain and short (bridge/naming/server-names.ts): it prefixes the server's tool names. */
  name: string;
  serverUrl: string;
  auth?: OgcAuth;
}

/** How one bridge talks to its OGC server and shapes what the model sees. */
export interface BridgeSettings {
  /** The OGC API - Processes landing page. */
  serverUrl: string;
  auth?: OgcAuth;
  /** How long a tool call waits for its job before answering with its status. */
  waitSeconds: number;
  /** Size budget of one tool result. */
  maxResultBytes: number;
  /** Largest image passed inline as image content. */
  maxImageBytes: number;
  /** Timeout of each phase of an OGC request (connect, headers, body). */
  timeoutSeconds: number;
  /** How often the process list is re-read (0: only at start and on unknown names). */
  refreshSeconds: number;
  /** Process-id patterns (`*` wildcard) to serve; empty means every process. */
  include: string[];
  /** Process-id patterns to hide. */
  exclude: string[];
  objectInputs: ObjectInputEncoding;
  /** Origins besides the server's own from which links in results may be fetched. */
  allowedLinkOrigins: string[];
  logLevel: LogLevel;
  /** Several OGC servers under names; when given, serverUrl and auth are the first one's. */
  servers?: ServerSettings[];
  /** Process tools listed: all, search (the fixed tools and search_processes), or auto (search when they would be too many). Default auto. */
  tools?: ToolListing;
  /** auto: the most tools listed before switching to search. Default 40. */
  maxTools?: number;
  /** In search mode, processes still listed as tools (process ids or tool names). */
  pin?: string[];
}

/** The Streamable HTTP transport's settings. */
export interface HttpSettings {
  host: string;
  port: number;
  stateless: boolean;
  /** Bearer token every HTTP request must carry (undefined: none required). */
  token?: string;
  allowedHosts: string[];
  allowedOrigins: string[];
  /** Sessions open at once; an initialize past it gets 503 (sessions mode). */
  maxSessions: number;
  /** A session without requests for this long is closed. */
  sessionIdleSeconds: number;
  /** Largest accepted request body; larger ones get 413. */
  maxBodyBytes: number;
  /** On SIGINT/SIGTERM, how long calls in flight may run on before the process stops. */
  shutdownGraceSeconds: number;
}
