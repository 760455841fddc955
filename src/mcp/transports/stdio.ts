// MCP over stdio: stdout carries JSON-RPC and nothing else. The SDK's serving
// entry (serveStdio) reads the client's opening and serves the connection in
// its era: initialize (2025-11-25 and older) or server/discover and the
// per-request envelope (2026-07-28), from one Server made for the connection.
// The session ends when the client closes stdin or when the caller stops it.
import { serveStdio as serveSdkStdio } from '@modelcontextprotocol/server/stdio';
import type { Server } from '@modelcontextprotocol/server';
import type { BridgeContext } from '../context.js';
import type { BridgeServerOptions } from '../server.js';
import { guardJsonRpcLines } from './stdio-guard.js';
import { LargeMessageStdioTransport } from './stdio-large.js';

export interface StdioSession {
  /** Resolves when the client has gone (stdin ended) or close() was called. */
  readonly closed: Promise<void>;
  close(): Promise<void>;
}

export type StdioServerFactory = (ctx: BridgeContext, options: BridgeServerOptions) => Server;

export async function serveStdio(ctx: BridgeContext, createServer: StdioServerFactory): Promise<StdioSession> {
  // Lines that are not JSON-RPC are answered by the guard, and never end the session.
  // Its answers go through the transport, which keeps a large message's pieces together.
  const stdin = guardJsonRpcLines(process.stdin, {
    deliver: (message) => transport.receive(message),
    answer: (message) => void transport.send(message).catch((error: Error) => ctx.logger.warning(`stdio: ${error.message}`)),
    warn: (text) => ctx.logger.warning(text),
  });
  // Messages carrying large strings (whole results read as resources) are written in pieces.
  const transport = new LargeMessageStdioTransport(stdin, process.stdout);
  let done!: () => void;
  const closed = new Promise<void>((resolve) => (done = resolve));
  // One instance for the connection (and one more, closed again, for a client that probes with
  // server/discover and then falls back to initialize).
  const handle = serveSdkStdio(({ era }) => createServer(ctx, { era }), {
    transport,
    onerror: (error) => ctx.logger.warning(`stdio transport: ${error.message}`),
  });
  const onEnd = () => {
    ctx.logger.debug('stdin closed by the client.');
    void handle.close().finally(done);
  };
  process.stdin.once('end', onEnd);
  process.stdin.once('close', onEnd);
  return {
    closed,
    async close() {
      process.stdin.off('end', onEnd);
      process.stdin.off('close', onEnd);
      await handle.close();
      done();
    },
  };
}
