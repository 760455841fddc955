// --stateless: a new Server and transport for each POST, nothing kept in the
// process between requests, so that any instance behind a load balancer can
// answer any request (jobs live on the OGC server and are followed by id).
// The Server is closed once the HTTP response is over AND every request it
// received has been answered: closing it earlier would abort a call whose
// client went away, and an aborted call dismisses its OGC job.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isJSONRPCErrorResponse, isJSONRPCRequest, isJSONRPCResultResponse, type JSONRPCMessage, type RequestId } from '@modelcontextprotocol/sdk/types.js';
import type { LogScopes } from './http-log-scope.js';
import type { ServerFactory } from './http-sessions.js';

/** Tells when the Server has sent the answer of a request it was given. */
class AnsweringTransport extends StreamableHTTPServerTransport {
  constructor(private readonly onAnswer: () => void) {
    super({ sessionIdGenerator: undefined });
  }

  override async send(message: JSONRPCMessage, options?: { relatedRequestId?: RequestId }): Promise<void> {
    try {
      await super.send(message, options);
    } finally {
      if (isJSONRPCResultResponse(message) || isJSONRPCErrorResponse(message)) this.onAnswer();
    }
  }
}

export async function handleStatelessRequest(
  req: IncomingMessage,
  res: ServerResponse,
  body: unknown,
  createServer: ServerFactory,
  scopes: LogScopes,
): Promise<void> {
  const log = scopes.stderr();
  let unanswered = 0;
  let responseOver = false;
  let closed = false;
  let server: ReturnType<ServerFactory> | undefined;
  const closeWhenDone = () => {
    if (closed || !responseOver || unanswered > 0 || !server) return;
    closed = true;
    server.close().catch((error: unknown) => log.debug(`Closing a stateless MCP server: ${String(error)}`));
  };
  const transport = new AnsweringTransport(() => {
    unanswered--;
    closeWhenDone();
  });
  transport.onerror = (error) => log.debug(`HTTP transport: ${error.message}`);
  const scope = {};
  server = createServer(scopes.loggerFor(scope));
  await server.connect(transport);
  // Count the requests the transport hands to the Server, whatever the body held.
  const deliver = transport.onmessage;
  transport.onmessage = (message, extra) => {
    if (isJSONRPCRequest(message)) unanswered++;
    deliver?.(message, extra);
  };
  res.once('close', () => {
    responseOver = true;
    closeWhenDone();
  });
  await scopes.run(scope, () => transport.handleRequest(req, res, body));
}
