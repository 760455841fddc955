// Failures as a model reads them: an isError result that says what happened,
// at which server, and what to do next. Protocol errors are kept for protocol
// misuse; everything the OGC server does wrong is a tool result.
//
// Tools do not catch: they throw, and toolFailure() (the one boundary, at
// tools/call) turns what they threw into the isError result. A ToolError is
// said as it is; an OGC error gets the server, the cause and a hint, naming
// the job or process it concerns when about() says which; anything else is a
// bug of the bridge, logged with its stack.
import type { CallToolResult } from '@modelcontextprotocol/server';
import { OgcApiError, OgcError, OgcLinkRefusedError, OgcResponseError, OgcTransportError, saysNoSuchJob } from '../ogc/errors.js';
import type { Logger } from '../log.js';
import { displayUrl } from '../util/display-url.js';
import { errorMessage } from '../util/errors.js';
import { asClause } from '../util/text.js';

export interface ErrorSubject {
  processId?: string;
  jobId?: string;
}

/** A failure a model can act on, in the words it should read (nothing else is added). */
export class ToolError extends Error {
  override name = 'ToolError';
}

/** A failure of talking to the OGC server, with the job or process it concerns. */
export class UpstreamFailure extends Error {
  override name = 'UpstreamFailure';
  constructor(
    override readonly cause: unknown,
    readonly subject: ErrorSubject = {},
  ) {
    super(errorMessage(cause));
  }
}

/** The value of `promise`; a rejection becomes an UpstreamFailure about `subject`. */
export async function about<T>(subject: ErrorSubject, promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    throw new UpstreamFailure(error instanceof UpstreamFailure ? error.cause : error, subject);
  }
}

function errorResult(text: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text }] };
}

export interface FailureContext {
  serverUrl: string | undefined;
  logger: Logger;
  /** The tool as it was called, for the log and the internal-error text. */
  toolName: string;
}

/** The error boundary of tools/call: anything a tool threw, as an isError result. */
export function toolFailure(error: unknown, context: FailureContext): CallToolResult {
  if (error instanceof ToolError) return errorResult(error.message);
  if (error instanceof UpstreamFailure) return upstreamErrorResult(error.cause, context.serverUrl, error.subject);
  if (error instanceof OgcError) return upstreamErrorResult(error, context.serverUrl);
  // Not the OGC server's failure (a TypeError in the bridge): the operator gets the stack.
  const message = errorMessage(error);
  const stack = error instanceof Error && error.stack ? error.stack : message;
  context.logger.error(`Internal error while running ${context.toolName}: ${stack}`);
  return errorResult(
    `Internal error in the bridge while running ${context.toolName}: ${message.replace(/[.\s]+$/, '')}. A job may have started (list_jobs shows it).`,
  );
}

/** One sentence or three about an upstream failure, without credentials. */
export function describeUpstreamError(error: unknown, serverUrl: string | undefined, subject: ErrorSubject = {}): string {
  const server = displayUrl(serverUrl);
  if (error instanceof OgcApiError) {
    return `The OGC server at ${server} answered with an error: ${asClause(error.message)}. ${apiHint(error, subject)}`;
  }
  if (error instanceof OgcTransportError) {
    return `Could not get an answer from the OGC server at ${server}: ${asClause(error.message)}. ${transportHint(error)}`;
  }
  if (error instanceof OgcResponseError) {
    return `The OGC server at ${server} sent a response the bridge cannot use: ${asClause(error.message)}. The server may deviate from OGC API - Processes 1.0 here; try get_job or list_jobs, or report it to its operators.`;
  }
  if (error instanceof OgcLinkRefusedError) {
    return `${asClause(error.message)}. Links are only fetched from the OGC server's own origin and the origins allowed by --allowed-link-origins.`;
  }
  return `Unexpected failure while talking to the OGC server at ${server}: ${asClause(errorMessage(error))}.`;
}

function upstreamErrorResult(error: unknown, serverUrl: string | undefined, subject: ErrorSubject = {}): CallToolResult {
  return errorResult(describeUpstreamError(error, serverUrl, subject));
}

function apiHint(error: OgcApiError, subject: ErrorSubject): string {
  const s = error.status;
  if (s === 401) return 'The server wants credentials or rejected the ones given: set OGC_AUTH_TOKEN, OGC_USERNAME/OGC_PASSWORD or OGC_API_KEY in the MCP server configuration, or have the user run `ogc-processes-mcp configure` (the bridge reads the file it writes).';
  if (s === 403) return 'The configured credentials are not allowed to do this; retrying will not help: ask the server\'s operators for access.';
  // Not found, or a server's own way to say there is no such job (Weaver: 400 for an id that is no UUID).
  if (s === 404 || (s !== 410 && saysNoSuchJob(error))) {
    if (subject.jobId) return `There is no job "${subject.jobId}" (it may have expired or been dismissed); list_jobs shows the current ones.`;
    if (subject.processId) return `There is no process "${subject.processId}"; list_processes shows the available ones.`;
    return 'The resource does not exist on the server.';
  }
  if (s === 400 || s === 422) {
    return subject.processId
      ? `The server rejected the request; check the inputs against describe_process with process_id "${subject.processId}" and try again.`
      : 'The server rejected the request; check the arguments and try again.';
  }
  if (s === 405 || s === 501) return 'The server does not support this operation.';
  if (s === 409 || s === 410) return 'The job is in a state that does not allow this (finished, dismissed or expired); get_job shows its state.';
  if (s === 413) return 'The request is too large for the server; send smaller inputs or pass large data by reference (href).';
  if (s === 429) return 'The server is rate-limiting requests; wait a little and try again.';
  if (s >= 500) return 'The server failed on its side; try again later, or report it to its operators.';
  return `The server refused the request with HTTP ${s}, which the bridge does not expect; retrying will not help: report it.`;
}

// Where a server's URL is set: one server, or several by name.
const URL_SETTINGS = '--server-url or OGC_SERVER_URL; --server NAME=URL or --servers-file with several servers';

function transportHint(error: OgcTransportError): string {
  switch (error.kind) {
    case 'refused':
      return `Check that the server is running and that its URL is right in the bridge's configuration (${URL_SETTINGS}).`;
    case 'dns':
      return `Check the host name of its URL in the bridge's configuration (${URL_SETTINGS}).`;
    case 'timeout':
      return 'The server is slow or overloaded; try again, or raise --timeout-seconds (OGC_TIMEOUT_SECONDS).';
    case 'reset':
      return 'The connection broke; try again.';
    case 'aborted':
      return 'The request was cancelled.';
    default:
      return 'Try again; if it persists, check the server and the network.';
  }
}
