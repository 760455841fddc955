// The upstream faults every reliability test draws from, with what each must
// lead to: how many requests a GET makes under it (retried or not) and what
// the isError result must say.
import type { Fault } from '../support/fault-server.js';

const problem = (status: number) =>
  JSON.stringify({ type: 'about:blank', title: 'Upstream trouble', status, detail: `the server failed with ${status}` });

export interface FaultCase {
  name: string;
  fault: Fault;
  /** Requests a GET makes under this fault (1 + retries where retried). */
  getAttempts: number;
  /** Text the isError result must contain (case-insensitive). */
  says: RegExp;
}

export const FAULTS: FaultCase[] = [
  { name: 'reset before any byte', fault: { kind: 'reset' }, getAttempts: 3, says: /connection reset|closed|socket/i },
  { name: 'reset in the middle of the body', fault: { kind: 'reset', afterBytes: 200 }, getAttempts: 3, says: /connection reset|closed|socket/i },
  { name: 'headers that never come', fault: { kind: 'stall' }, getAttempts: 1, says: /timed out waiting for response headers/i },
  { name: 'headers sent one byte at a time', fault: { kind: 'trickle-headers', intervalMs: 20 }, getAttempts: 1, says: /timed out/i },
  { name: 'a body that stops half-way', fault: { kind: 'stall-body', sendBytes: 100 }, getAttempts: 1, says: /timed out waiting for the response body/i },
  { name: 'a body that trickles forever', fault: { kind: 'trickle-body', intervalMs: 100 }, getAttempts: 1, says: /timed out/i },
  { name: '500 with a problem body', fault: { kind: 'respond', status: 500, body: problem(500), contentType: 'application/problem+json' }, getAttempts: 1, says: /500 Internal Server Error.*the server failed with 500/i },
  { name: '500 without a body', fault: { kind: 'respond', status: 500 }, getAttempts: 1, says: /500 Internal Server Error/i },
  { name: '502 with a body', fault: { kind: 'respond', status: 502, body: '<html><title>502 Bad Gateway</title><body>nginx</body></html>', contentType: 'text/html' }, getAttempts: 3, says: /502 Bad Gateway/i },
  { name: '502 without a body', fault: { kind: 'respond', status: 502 }, getAttempts: 3, says: /502 Bad Gateway/i },
  { name: '503 with a body', fault: { kind: 'respond', status: 503, body: problem(503), contentType: 'application/json' }, getAttempts: 3, says: /503 Service Unavailable/i },
  { name: '503 without a body', fault: { kind: 'respond', status: 503 }, getAttempts: 3, says: /503 Service Unavailable/i },
  { name: 'HTML instead of JSON', fault: { kind: 'respond', status: 200, body: '<!doctype html><html><head><title>Login</title></head><body>Please sign in</body></html>', contentType: 'text/html' }, getAttempts: 1, says: /expected JSON.*HTML page: Login/i },
  { name: 'truncated JSON', fault: { kind: 'respond', status: 200, body: '{"jobID": "job-1", "status": "runn', contentType: 'application/json' }, getAttempts: 1, says: /expected JSON/i },
  { name: 'a 50 MB body', fault: { kind: 'huge', bytes: 50 * 1024 * 1024, json: true }, getAttempts: 1, says: /larger than the limit/i },
  { name: 'a 50 MB body without a declared length', fault: { kind: 'huge', bytes: 50 * 1024 * 1024, json: true, declareLength: false }, getAttempts: 1, says: /larger than the limit/i },
];
