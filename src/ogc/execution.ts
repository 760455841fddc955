// Pure rules of process execution: which mode to ask for, and how to read
// what came back (a job, a results document, or one raw output).
import { isRecord } from '../util/records.js';
import { DEFAULT_OUTPUT_ID } from './results-shape.js';
import type { ExecuteRequest, QualifiedValue, Results, StatusInfo } from './models.js';

/**
 * `sync` and `async` ask for one or the other; `auto` asks for async when the
 * process offers it; `wait` asks for both (Part 1 2.0: `Prefer: respond-async,
 * wait=N`: results within N seconds, else a job).
 */
export type ExecutionMode = 'sync' | 'async' | 'auto' | 'wait';

/** The outcome of executeProcess: a job either way, with results when the server answered synchronously. */
export interface Execution {
  job: StatusInfo;
  results?: Results;
  /** How the server actually ran it: `sync` (results in the response) or `async` (follow the job). */
  mode: 'sync' | 'async';
  /** The server's Preference-Applied header, when it sent one. */
  preferenceApplied?: string;
}

/** The exact Prefer value: several servers compare it as a string. */
export const PREFER_ASYNC = 'respond-async';

/**
 * Part 1 2.0's `Prefer: return=`: `minimal` asks for the outputs by reference
 * (links), `representation` for their values (what a server does anyway).
 */
export type ReturnPreference = 'minimal' | 'representation';

export interface Preferences {
  respondAsync?: boolean;
  /** With respondAsync: how long the server may hold the answer (RFC 7240 `wait`, whole seconds). */
  waitSeconds?: number;
  return?: ReturnPreference;
}

/**
 * The Prefer header for these preferences, or undefined for none. Only what
 * was asked for is sent: `respond-async` alone stays exactly that, as
 * pygeoapi compares the whole header with it.
 */
export function preferHeader(preferences: Preferences): string | undefined {
  const parts: string[] = [];
  if (preferences.respondAsync) {
    parts.push(PREFER_ASYNC);
    if (preferences.waitSeconds !== undefined) parts.push(`wait=${Math.max(0, Math.floor(preferences.waitSeconds))}`);
  }
  if (preferences.return) parts.push(`return=${preferences.return}`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

export { DEFAULT_OUTPUT_ID } from './results-shape.js';

/**
 * Whether to ask for asynchronous execution. A process that lists its job
 * control options gets async only if it offers it; one that lists none is
 * asked for async anyway (a preference it may ignore), except in sync mode.
 */
export function wantsAsync(mode: ExecutionMode, jobControlOptions: readonly string[] | undefined): boolean {
  if (mode === 'sync') return false;
  if (jobControlOptions === undefined || jobControlOptions.length === 0) return true;
  return jobControlOptions.includes('async-execute');
}

/**
 * The id to file a raw (non-document) response under: the only requested
 * output, else the process's only output, else `return_value`.
 */
export function singleOutputId(requestOutputs: ExecuteRequest['outputs'], describedOutputIds: readonly string[] | undefined): string {
  const requested = Object.keys(requestOutputs ?? {});
  if (requested.length === 1) return requested[0]!;
  if (describedOutputIds !== undefined && describedOutputIds.length === 1) return describedOutputIds[0]!;
  return DEFAULT_OUTPUT_ID;
}

export function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

function isTextContentType(mediaType: string): boolean {
  return (
    mediaType.startsWith('text/') ||
    mediaType === 'application/xml' ||
    mediaType.endsWith('+xml') ||
    mediaType === 'application/csv' ||
    mediaType === 'application/x-yaml' ||
    mediaType === 'application/yaml'
  );
}

/**
 * A raw output as a qualified value: text stays text, anything else (images,
 * NetCDF, ...) becomes base64 with `encoding: 'base64'`.
 */
export function rawOutputValue(body: Buffer, contentType: string | undefined): QualifiedValue {
  const mediaType = (contentType ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
  if (isTextContentType(mediaType)) return { value: body.toString('utf8'), mediaType };
  return { value: body.toString('base64'), encoding: 'base64', mediaType };
}

/**
 * True for a body that is a job status rather than results (some servers
 * answer 200 with one): `jobID` (1.0), or `id` with what only a 2.0 status
 * carries beside it.
 */
export function looksLikeStatusInfo(doc: unknown): boolean {
  if (!isRecord(doc) || typeof doc.status !== 'string') return false;
  if (typeof doc.jobID === 'string') return true;
  return typeof doc.id === 'string' && (typeof doc.processingEntityType === 'string' || doc.type === 'process');
}

/** The job a response names: its Location, else its `Link: <...>; rel="monitor"` (2.0), else X-Job-Id. */
export function jobUrlOf(location: string | undefined, link: string | undefined): string | undefined {
  if (location !== undefined) return location;
  for (const part of (link ?? '').split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (match && /;\s*rel\s*=\s*"?monitor"?/i.test(match[2]!)) return match[1];
  }
  return undefined;
}

/** Part 1 2.0 conformance: any class under ogcapi-processes-1/2.0/conf/. */
export function declaresPart1v2(conformsTo: readonly string[]): boolean {
  return conformsTo.some((uri) => /\/spec\/ogcapi-processes-1\/2\.\d+\/conf\//.test(uri));
}

/** A finished job standing for a synchronous execution, which has no job of its own. */
export function syncJob(processId: string, jobId: string | undefined): StatusInfo {
  return { jobID: jobId ?? '', processID: processId, status: 'successful', type: 'process' };
}
