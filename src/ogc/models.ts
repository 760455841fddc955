// zod models of the OGC API - Processes Part 1 (1.0) documents, as real
// servers send them rather than as the standard wishes: every object keeps
// unknown and x-* keys, optional fields may be missing or null, and the
// variants seen in the wild (wrapped process descriptions, bare id lists,
// results as a raw map or an `outputs` list/map, Weaver's extra statuses)
// are accepted and brought to one shape, so that nothing downstream reads a
// raw document again. The standard's own schemas are
// checked elsewhere (test/support/official-schemas.ts).
import { z } from 'zod';
import { resultsFromJson } from './results-shape.js';
import { readProcessDescription, type ProcessDescription } from './description.js';
import { plainText } from './text.js';
import { isRecord } from '../util/records.js';

// ---------------------------------------------------------------- helpers

type UnknownRecord = Record<string, unknown>;


/** Drops `null` from the listed optional keys, so a server's `"started": null` reads as "absent". */
function withoutNulls(keys: readonly string[]) {
  return (value: unknown): unknown => {
    if (!isRecord(value)) return value;
    let copy: UnknownRecord | undefined;
    for (const key of keys) {
      if (value[key] === null) {
        copy ??= { ...value };
        delete copy[key];
      }
    }
    return copy ?? value;
  };
}

// Titles and descriptions are strings in Part 1, but pygeoapi plugins carry
// i18n maps ({en, fr}), WPS-style servers lists of {value, lang}, and some
// servers send null: all read as plain text.
const text = z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]).transform((value) => plainText(value));

// ---------------------------------------------------------------- link

export const LinkSchema = z.looseObject({
  href: z.string(),
  rel: z.string().optional(),
  type: z.string().optional(),
  hreflang: z.string().optional(),
  title: z.string().optional(),
});
export type Link = z.infer<typeof LinkSchema>;

// `null` links are dropped by the documents' withoutNulls lists.
const links = z.array(LinkSchema).optional();

// ---------------------------------------------------------------- landing page, conformance

export const LandingPageSchema = z.preprocess(
  withoutNulls(['title', 'description']),
  z.looseObject({
    title: z.string().optional(),
    description: z.string().optional(),
    // Required by the standard; a server that forgets it still has a usable landing page.
    links: z.array(LinkSchema).default([]),
  }),
);
export type LandingPage = z.infer<typeof LandingPageSchema>;

export const ConformanceDeclarationSchema = z.looseObject({
  conformsTo: z.array(z.string()),
});
export type ConformanceDeclaration = z.infer<typeof ConformanceDeclarationSchema>;

// ---------------------------------------------------------------- processes

export const JOB_CONTROL_OPTIONS = ['sync-execute', 'async-execute', 'dismiss'] as const;

const summaryFields = {
  id: z.string(),
  // Part 1 requires a version; eozilla and Weaver omit it or send null / a number.
  version: z.union([z.string(), z.number()]).optional(),
  title: text.optional(),
  description: text.optional(),
  keywords: z.array(z.unknown()).optional(),
  metadata: z.array(z.unknown()).optional(),
  jobControlOptions: z.array(z.string()).optional(),
  outputTransmission: z.array(z.string()).optional(),
  links,
};

const SUMMARY_NULLABLE = ['version', 'title', 'description', 'keywords', 'metadata', 'jobControlOptions', 'outputTransmission', 'links'];

/** PyWPS-style `identifier` (Weaver's stored processes) stands in for `id`. */
function idFromIdentifier(value: unknown): unknown {
  if (isRecord(value) && value.id === undefined && typeof value.identifier === 'string') {
    return { ...value, id: value.identifier };
  }
  return value;
}

export const ProcessSummarySchema = z.preprocess(
  (v) => {
    // Weaver lists bare process ids unless asked for details.
    if (typeof v === 'string') return { id: v };
    return withoutNulls(SUMMARY_NULLABLE)(idFromIdentifier(v));
  },
  z.looseObject(summaryFields),
);
export type ProcessSummary = z.infer<typeof ProcessSummarySchema>;

export const ProcessListSchema = z.looseObject({
  processes: z.array(ProcessSummarySchema),
  links: z.array(LinkSchema).default([]),
});
export type ProcessList = z.infer<typeof ProcessListSchema>;

/**
 * A process description in any dialect, read into one ProcessDescription
 * (description.ts); `processId`, the id the server serves it under, wins
 * over the document's own.
 */
export function processDescriptionSchema(processId?: string): z.ZodType<ProcessDescription, unknown> {
  return z.unknown().transform((doc, ctx): ProcessDescription => {
    const reading = readProcessDescription(doc, processId !== undefined ? { processId } : {});
    if (reading.ok) return reading.process;
    ctx.addIssue({ code: 'custom', message: reading.reason });
    return z.NEVER;
  });
}

export const ProcessDescriptionSchema = processDescriptionSchema();

// ---------------------------------------------------------------- execute request

/** How one output is asked for. */
export const ExecuteOutputSchema = z.looseObject({
  // `value` | `reference` in Part 1.
  transmissionMode: z.string().optional(),
  format: z.looseObject({ mediaType: z.string().optional() }).optional(),
});
export type ExecuteOutput = z.infer<typeof ExecuteOutputSchema>;

/** The body of POST /processes/{id}/execution: the one type the bridge builds and the client sends. */
export const ExecuteRequestSchema = z.looseObject({
  inputs: z.record(z.string(), z.unknown()).optional(),
  outputs: z.record(z.string(), ExecuteOutputSchema).optional(),
  // `raw` | `document` in Part 1; kept open for servers with their own modes.
  response: z.string().optional(),
  subscriber: z.looseObject({}).optional(),
});
export type ExecuteRequest = z.infer<typeof ExecuteRequestSchema>;

// ---------------------------------------------------------------- jobs

export const JOB_STATUSES = ['accepted', 'running', 'successful', 'failed', 'dismissed'] as const;
export type KnownJobStatus = (typeof JOB_STATUSES)[number];
/** One of the Part 1 codes, or whatever else a server sends (Weaver: created, started, succeeded, ...). */
export type JobStatus = KnownJobStatus | (string & {});

// Other servers' spellings of the Part 1 codes (Weaver, older WPS-style servers).
// Read once here, so everything downstream compares against the five codes only.
const STATUS_ALIASES: Readonly<Record<string, KnownJobStatus>> = {
  created: 'accepted',
  queued: 'accepted',
  pending: 'accepted',
  submitted: 'accepted',
  started: 'running',
  'in-progress': 'running',
  in_progress: 'running',
  succeeded: 'successful',
  success: 'successful',
  completed: 'successful',
  exception: 'failed',
  error: 'failed',
  cancelled: 'dismissed',
  canceled: 'dismissed',
};

/** The Part 1 code for a server's status, or the status as sent (lower-cased) when it has none. */
export function canonicalStatus(status: string): JobStatus {
  const lower = status.trim().toLowerCase();
  return STATUS_ALIASES[lower] ?? lower;
}

const FINISHED = new Set<string>(['successful', 'failed', 'dismissed']);

/** True when a job in this status will not change any more (so polling can stop). */
export function isFinishedStatus(status: string): boolean {
  return FINISHED.has(canonicalStatus(status));
}

const STATUS_NULLABLE = ['type', 'processID', 'message', 'created', 'started', 'finished', 'updated', 'progress', 'links'];

function normalizeStatusInfo(value: unknown): unknown {
  if (!isRecord(value)) return value;
  let doc = withoutNulls(STATUS_NULLABLE)(value) as UnknownRecord;
  if (doc.jobID === undefined && typeof doc.id === 'string') doc = { ...doc, jobID: doc.id };
  if (typeof doc.status === 'string') {
    const status = canonicalStatus(doc.status);
    // The server's own word stays readable next to the code everyone compares against.
    if (status !== doc.status) doc = { ...doc, status, serverStatus: doc.status };
  }
  // Weaver reports `percentCompleted`; expose it where everyone else looks.
  if (doc.progress === undefined && typeof doc.percentCompleted === 'number') {
    doc = { ...doc, progress: doc.percentCompleted };
  }
  return doc;
}

export const StatusInfoSchema = z.preprocess(
  normalizeStatusInfo,
  z.looseObject({
    jobID: z.string(),
    status: z.string() as z.ZodType<JobStatus>,
    type: z.string().optional(),
    /** Part 1 2.0: what made the job (`ogc-api-processes`, `openeo`, ...). */
    processingEntityType: z.string().optional(),
    processID: z.string().optional(),
    message: z.string().optional(),
    created: z.string().optional(),
    started: z.string().optional(),
    finished: z.string().optional(),
    updated: z.string().optional(),
    progress: z.number().optional(),
    links,
  }),
);
export type StatusInfo = z.infer<typeof StatusInfoSchema>;

export const UNKNOWN_JOB_STATUS = 'unknown';

export const JobListSchema = z.looseObject({
  jobs: z.array(
    // Weaver lists bare job ids unless asked for details; their status is not known.
    z.preprocess((v) => (typeof v === 'string' ? { jobID: v, status: UNKNOWN_JOB_STATUS } : v), StatusInfoSchema),
  ),
  links: z.array(LinkSchema).default([]),
});
export type JobList = z.infer<typeof JobListSchema>;

// ---------------------------------------------------------------- results

/** Results by output id; each value as the server sent it (plain JSON, qualified value or link). */
export type Results = Record<string, unknown>;

export interface QualifiedValue {
  value: unknown;
  mediaType?: string;
  encoding?: string;
  schema?: unknown;
  [key: string]: unknown;
}

export interface LinkValue {
  href: string;
  type?: string;
  rel?: string;
  [key: string]: unknown;
}

export function isLinkValue(value: unknown): value is LinkValue {
  return isRecord(value) && typeof value.href === 'string' && !('value' in value);
}

export function isQualifiedValue(value: unknown): value is QualifiedValue {
  return isRecord(value) && 'value' in value;
}

/**
 * A results document as one map by output id (results-shape.ts reads every
 * shape; without the process's output ids, ids come from the document alone).
 * `null` (eozilla, for a process without outputs) is an empty map. Returns
 * undefined for anything that is not a results document.
 */
export function normalizeResults(doc: unknown): Results | undefined {
  if (doc !== null && !isRecord(doc)) return undefined;
  return resultsFromJson(doc);
}

export const ResultsSchema = z.unknown().transform((doc, ctx): Results => {
  const results = normalizeResults(doc);
  if (results === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `results must be a JSON object of outputs, got ${Array.isArray(doc) ? 'an array' : typeof doc}`,
    });
    return z.NEVER;
  }
  return results;
});

// ---------------------------------------------------------------- exception (RFC 7807)

export const ExceptionSchema = z
  .preprocess(
    withoutNulls(['type', 'title', 'status', 'detail', 'instance']),
    z.looseObject({
      type: z.string().optional(),
      title: z.string().optional(),
      status: z.number().optional(),
      detail: z.string().optional(),
      instance: z.string().optional(),
    }),
  )
  .refine((e) => e.type !== undefined || e.title !== undefined || e.detail !== undefined, {
    message: 'an exception needs at least one of type, title or detail',
  });
export type OgcException = z.infer<typeof ExceptionSchema>;
/** Same as OgcException (the Part 1 name of the document). */
export type Exception = OgcException;

// ---------------------------------------------------------------- dismissal

/**
 * What DELETE /jobs/{id} answered, as a StatusInfo. Part 1 servers send the
 * job's statusInfo; Weaver sends `{code: "JobDismissed", description, value}`,
 * which says the job is dismissed without being a statusInfo.
 */
export function dismissalToStatusInfo(doc: unknown, jobId: string): StatusInfo | undefined {
  const parsed = StatusInfoSchema.safeParse(doc);
  if (parsed.success) return parsed.data;
  if (isRecord(doc) && (doc.code === 'JobDismissed' || doc.value === jobId)) {
    const message = typeof doc.description === 'string' ? doc.description : undefined;
    return { ...doc, jobID: jobId, status: 'dismissed', ...(message !== undefined ? { message } : {}) } as StatusInfo;
  }
  return undefined;
}

// ---------------------------------------------------------------- document kinds

/** The schema for each kind of document, for callers that pick one by name. */
export const documentSchemas = {
  landingPage: LandingPageSchema,
  conformance: ConformanceDeclarationSchema,
  processList: ProcessListSchema,
  process: ProcessDescriptionSchema,
  execute: ExecuteRequestSchema,
  statusInfo: StatusInfoSchema,
  jobList: JobListSchema,
  results: ResultsSchema,
  exception: ExceptionSchema,
} as const;
export type DocumentKind = keyof typeof documentSchemas;

/** Human names for messages ("did not match the job list model"). */
export const DOCUMENT_NAMES: Record<DocumentKind, string> = {
  landingPage: 'landing page',
  conformance: 'conformance declaration',
  processList: 'process list',
  process: 'process description',
  execute: 'execute request',
  statusInfo: 'job status (statusInfo)',
  jobList: 'job list',
  results: 'results',
  exception: 'exception (RFC 7807)',
};
