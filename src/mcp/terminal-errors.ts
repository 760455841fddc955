// OGC failures told to a person at a terminal (inspect, the commands for
// people): one line, about the server, without advice meant for a model.
import { displayUrl } from '../util/display-url.js';
import { OgcApiError, OgcError, OgcResponseError, OgcTransportError } from '../ogc/errors.js';

/** One line when the server does not look like OGC API - Processes at all; undefined otherwise. */
export function notOgcServerLine(error: unknown, serverUrl: string | undefined): string | undefined {
  if (!(error instanceof OgcError) || error.path === undefined) return undefined;
  const listing = /\/(processes|conformance)?\/?$/.test(error.path) && error.method === 'GET';
  const unusable = error instanceof OgcResponseError && (error.reason === 'not-json' || error.reason === 'invalid-document');
  const missing = error instanceof OgcApiError && (error.status === 404 || error.status === 405);
  if (!listing || !(unusable || missing)) return undefined;
  return `${displayUrl(serverUrl)} does not look like an OGC API - Processes server (${shorten(bare(error.message), 160)}).`;
}

/** One or two sentences for a person about any failure of the OGC client. */
export function describeForTerminal(error: unknown, serverUrl: string | undefined): string {
  const notOgc = notOgcServerLine(error, serverUrl);
  if (notOgc) return notOgc;
  const server = displayUrl(serverUrl);
  if (error instanceof OgcTransportError) {
    const hint = error.kind === 'refused' || error.kind === 'dns' ? ' Check that the server runs and that the URL is right.' : '';
    return `Could not reach the OGC server at ${server}: ${bare(error.message)}.${hint}`;
  }
  if (error instanceof OgcApiError) return `The OGC server at ${server} answered with an error: ${bare(error.message)}.`;
  if (error instanceof OgcResponseError) return `The OGC server at ${server} sent an answer that cannot be used: ${bare(error.message)}.`;
  return `${bare(error instanceof Error ? error.message : String(error))}.`;
}

function bare(message: string): string {
  return message.trim().replace(/[.。]+$/, '');
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
