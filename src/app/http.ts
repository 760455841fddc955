// Small node:http helpers of the web app server: JSON answers and errors.
import type { ServerResponse } from 'node:http';
import { OgcApiError, OgcError, OgcLinkRefusedError } from '../ogc/index.js';

/** A failure the API answers with its own status and message. */
export class ApiFailure extends Error {
  constructor(readonly status: number, message: string, readonly details?: Record<string, unknown>) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** An error as the page shows it: upstream problems keep the OGC server's status and words (secrets already masked by the client). */
export function sendError(res: ServerResponse, error: unknown): void {
  if (error instanceof ApiFailure) {
    sendJson(res, error.status, { error: error.message, ...error.details });
  } else if (error instanceof OgcLinkRefusedError) {
    sendJson(res, 403, { error: error.message });
  } else if (error instanceof OgcApiError) {
    // The upstream status as it was (404 unknown job, 403 results not ready, 400 bad inputs).
    const status = error.status >= 400 && error.status < 600 ? error.status : 502;
    sendJson(res, status, { error: `The OGC server answered: ${error.message}`, upstreamStatus: error.status });
  } else if (error instanceof OgcError) {
    sendJson(res, 502, { error: `The OGC server could not be used: ${error.message}` });
  } else {
    sendJson(res, 500, { error: `Internal error of the app server: ${error instanceof Error ? error.message : String(error)}` });
  }
}
