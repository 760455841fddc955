import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiVersion } from './api-version.js';
import type { ProcessCatalog } from './catalog.js';
import type { JobManager } from './jobs.js';

export interface ServerState {
  readonly catalog: ProcessCatalog;
  readonly jobs: JobManager;
  readonly maxBodyBytes: number;
  readonly apiVersion: ApiVersion;
}

/** Everything a route handler gets for one request. */
export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** URL-decoded path parameters, in path order. */
  readonly params: readonly string[];
  /** Undefined when the URL has no query string. */
  readonly query: URLSearchParams | undefined;
  /** The server's URL as this client addressed it, with a trailing slash. */
  readonly baseUrl: string;
  readonly state: ServerState;
}

export type Handler = (ctx: RequestContext) => void | Promise<void>;
