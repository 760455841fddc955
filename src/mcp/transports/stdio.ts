// MCP over stdio: stdout carries JSON-RPC and nothing else. The session ends
// when the client closes stdin (the SDK transport does not watch for that) or
// when the caller stops it.
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { BridgeContext } from '../context.js';
import { guardJsonRpcLines } from './stdio-guard.js';
import { LargeMessageStdioTransport } from './stdio-large.js';

export interface StdioSession {
  /** Resolves when the client has gone (stdin ended) or close() was called. */
  readonly closed: Promise<void>;
  close(): Promise<void>;
}

export async function serveStdio(ctx: BridgeContext, createServer: (ctx: BridgeContext) => Server): Promise<StdioSession> {
  const server = createServer(ctx);
  // Lines that are not JSON-RPC are answered by the guard, and never end the session.
  // Its answers go through the transport, which keeps a large message's pieces together.
  const stdin = guardJsonRpcLines(process.stdin, {
    answer: (message) => void transport.send(message).catch((error: Error) => ctx.logger.warning(`stdio: ${error.message}`)),
    warn: (text) => ctx.logger.warning(text),
  });
  // Messages carrying large strings (whole results read as resources) are written in pieces.
  const transport = new LargeMessageStdioTransport(stdin, process.stdout);
  let done!: () => void;
  const closed = new Promise<void>((resolve) => (done = resolve));
  const onEnd = () => {
    ctx.logger.debug('stdin closed by the client.');
    void server.close().finally(done);
  };
  process.stdin.once('end', onEnd);
  process.stdin.once('close', onEnd);
  transport.onerror = (error) => ctx.logger.warning(`stdio transport: ${error.message}`);
  const previousOnClose = server.onclose;
  server.onclose = () => {
    previousOnClose?.();
    done();
  };
  await server.connect(transport);
  return {
    closed,
    async close() {
      process.stdin.off('end', onEnd);
      process.stdin.off('close', onEnd);
      await server.close();
      done();
    },
  };
}
