// MCP sessions over Streamable HTTP for 2025-11-25 (and older) clients: one SDK
// transport and one Server per session, found by the Mcp-Session-Id header. The pool is bounded in count
// (a new session past the limit is refused) and in time (a session with no
// request and no open stream for the idle time is closed). A session with a
// call in flight is never closed for idleness: closing a Server aborts its
// calls, and an aborted call dismisses its OGC job.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { NodeStreamableHTTPServerTransport } from '@modelcontextprotocol/node';
import type { Server } from '@modelcontextprotocol/server';
import type { Logger } from '../../log.js';
import type { BridgeServerOptions } from '../server.js';
import type { LogScopes } from './http-log-scope.js';

/** Makes the Server of one session (or of one request), given the logger it should use. */
export type ServerFactory = (logger: Logger, options: BridgeServerOptions) => Server;

export interface SessionPoolOptions {
  maxSessions: number;
  idleMs: number;
  createServer: ServerFactory;
  scopes: LogScopes;
}

export interface Session {
  /** Set once the initialize request went through. */
  readonly id: string | undefined;
  /** POST and DELETE requests not answered yet (GET streams do not count). */
  readonly inFlight: number;
}

interface SessionState extends Session {
  id: string | undefined;
  inFlight: number;
  /** Open GET streams. */
  streams: number;
  transport: NodeStreamableHTTPServerTransport;
  server: Server;
  /** Log lines made while serving this session reach this session's client only. */
  scope: object;
  idleTimer?: NodeJS.Timeout;
  closed: boolean;
}

/** A short form of a session id for log lines: enough to tell sessions apart, not to take one over. */
export function shortId(id: string | undefined): string {
  return id ? id.slice(0, 8) : '(new)';
}

export class SessionPool {
  private readonly sessions = new Map<string, SessionState>();
  /** Sessions created for an initialize request that has not gone through yet. */
  private opening = 0;
  private readonly log;

  constructor(private readonly options: SessionPoolOptions) {
    this.log = options.scopes.stderr();
  }

  /** Open sessions, counting those being opened. */
  get size(): number {
    return this.sessions.size + this.opening;
  }

  get(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  /** A new session for an initialize request, or undefined when the pool is full. */
  async open(): Promise<Session | undefined> {
    if (this.size >= this.options.maxSessions) return undefined;
    const log = this.log;
    let state!: SessionState;
    const transport = new NodeStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        this.opening--;
        state.id = id;
        this.sessions.set(id, state);
        log.info(`HTTP session ${shortId(id)} opened (${this.sessions.size} open).`);
      },
    });
    transport.onerror = (error) => log.debug(`HTTP transport: ${error.message}`);
    const scope = {};
    const server = this.options.createServer(this.options.scopes.loggerFor(scope), { era: 'legacy' });
    // Counted from here on: forget() (on close) is what gives the slot back.
    this.opening++;
    state = { id: undefined, inFlight: 0, streams: 0, transport, server, scope, closed: false };
    const previousOnClose = server.onclose;
    server.onclose = () => {
      previousOnClose?.();
      this.forget(state);
    };
    try {
      await server.connect(transport);
    } catch (error) {
      this.forget(state);
      throw error;
    }
    return state;
  }

  /** Hands one HTTP request to the session's transport, counting it as activity. */
  async handle(session: Session, req: IncomingMessage, res: ServerResponse, body?: unknown): Promise<void> {
    const state = session as SessionState;
    // A GET is the client's standing stream: it keeps the session alive, but it is no call.
    const kind = req.method === 'GET' ? 'streams' : 'inFlight';
    if (state.idleTimer) clearTimeout(state.idleTimer);
    state.idleTimer = undefined;
    state[kind]++;
    res.once('close', () => {
      state[kind]--;
      this.armIdleTimer(state);
    });
    try {
      await this.options.scopes.run(state.scope, () => state.transport.handleRequest(req, res, body));
    } finally {
      // The initialize request was refused (bad headers, bad version): nothing to keep.
      if (state.id === undefined && !state.closed) await state.server.close();
    }
  }

  /**
   * Closes every session. With `keepBusy`, sessions with a call in flight are
   * left alone (their calls are not aborted, so their jobs are not dismissed);
   * returns how many were left.
   */
  async closeAll(options: { keepBusy: boolean }): Promise<number> {
    let left = 0;
    const closing: Promise<void>[] = [];
    for (const state of [...this.sessions.values()]) {
      if (state.idleTimer) clearTimeout(state.idleTimer);
      state.idleTimer = undefined;
      if (options.keepBusy && state.inFlight > 0) left++;
      else closing.push(state.server.close());
    }
    await Promise.allSettled(closing);
    return left;
  }

  private armIdleTimer(state: SessionState): void {
    if (state.closed || state.id === undefined || state.inFlight > 0 || state.streams > 0) return;
    if (state.idleTimer) clearTimeout(state.idleTimer);
    state.idleTimer = setTimeout(() => {
      state.idleTimer = undefined;
      if (state.closed || state.inFlight > 0 || state.streams > 0) return;
      this.log.info(`HTTP session ${shortId(state.id)} closed after ${this.options.idleMs / 1000} s without requests.`);
      void state.server.close();
    }, this.options.idleMs);
    state.idleTimer.unref();
  }

  private forget(state: SessionState): void {
    if (state.closed) return;
    state.closed = true;
    if (state.idleTimer) clearTimeout(state.idleTimer);
    state.idleTimer = undefined;
    if (state.id === undefined) {
      this.opening--;
      return;
    }
    this.sessions.delete(state.id);
    this.log.debug(`HTTP session ${shortId(state.id)} ended (${this.sessions.size} open).`);
  }
}
