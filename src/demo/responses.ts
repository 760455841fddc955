import type { ServerResponse } from 'node:http';
import type { Problem } from './problems.js';

/** Browser apps may call the demo from anywhere, and must be able to read these headers. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Location, Preference-Applied, Content-Length',
};

export function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers?: Record<string, string>,
): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': typeof body === 'string' ? Buffer.byteLength(body) : body.length,
    ...CORS_HEADERS,
    ...headers,
  });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, body: string | Buffer, headers?: Record<string, string>): void {
  send(res, status, 'application/json', body, headers);
}

export function sendProblem(res: ServerResponse, problem: Problem, headers?: Record<string, string>): void {
  send(res, problem.status, 'application/problem+json', JSON.stringify(problem), headers);
}
