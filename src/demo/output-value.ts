// One output of a finished job on its own (2.0's /jobs/{id}/results/{outputId}),
// and the minimal results document that points at each output instead of
// holding it (2.0's `Prefer: return=minimal`).
import type { ServerResponse } from 'node:http';
import type { Job } from './jobs.js';
import { send, sendJson } from './responses.js';
import { isRecord } from '../util/records.js';

/** A link value ({href}) is answered with 303 to it; a qualified value in its media type; anything else as JSON. */
export function sendOutputValue(res: ServerResponse, value: unknown): void {
  if (isRecord(value) && typeof value.href === 'string') {
    res.writeHead(303, { Location: value.href, 'Content-Length': 0 });
    res.end();
    return;
  }
  if (isRecord(value) && 'value' in value && typeof value.mediaType === 'string') {
    const inner = value.value;
    if (typeof inner === 'string') {
      const body = value.encoding === 'base64' ? Buffer.from(inner, 'base64') : Buffer.from(inner, 'utf8');
      send(res, 200, value.mediaType, body);
      return;
    }
    send(res, 200, value.mediaType, JSON.stringify(inner));
    return;
  }
  sendJson(res, 200, JSON.stringify(value));
}

/** Each output as a link to its own resource (a link value stays as it is). */
export function minimalResults(job: Job, baseUrl: string): Record<string, unknown> {
  const results = JSON.parse(job.resultsBody!.toString('utf8')) as Record<string, unknown>;
  const minimal: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(results)) {
    if (isRecord(value) && typeof value.href === 'string') {
      minimal[id] = value;
      continue;
    }
    const type = isRecord(value) && typeof value.mediaType === 'string' ? value.mediaType : 'application/json';
    minimal[id] = { href: `${baseUrl}jobs/${encodeURIComponent(job.id)}/results/${encodeURIComponent(id)}`, type, rel: 'related', title: `Output ${id}` };
  }
  return minimal;
}
