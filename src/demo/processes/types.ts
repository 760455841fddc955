/**
 * The shape of a demo process: its OGC Part 1 description plus the function
 * that runs it. Plain types on purpose, so that demo/ depends on nothing else.
 */

/** The OpenAPI 3.0 schema subset that OGC API - Processes 1.0 uses (schema.yaml). */
export interface Schema {
  type?: 'array' | 'boolean' | 'integer' | 'number' | 'object' | 'string';
  title?: string;
  description?: string;
  format?: string;
  default?: unknown;
  nullable?: boolean;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  /** OAS 3.0 boolean form: makes `minimum` exclusive. */
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  contentMediaType?: string;
  contentEncoding?: string;
  /** Only ever alone in an OGC schema (reference.yaml). */
  $ref?: string;
}

/** Extension keys (x-ui-*, ...) live beside the schema, never inside it: schema.yaml forbids extra keys. */
export type Extensions = { [key: `x-${string}`]: unknown };

export type InputDescription = {
  title?: string;
  description?: string;
  keywords?: string[];
  minOccurs?: number;
  maxOccurs?: number | 'unbounded';
  schema: Schema;
} & Extensions;

export type OutputDescription = {
  title?: string;
  description?: string;
  schema: Schema;
} & Extensions;

export type JobControlOption = 'sync-execute' | 'async-execute' | 'dismiss';
export type TransmissionMode = 'value' | 'reference';

export interface RunContext {
  /** Aborted when the job is dismissed or the server closes. */
  signal: AbortSignal;
  /** Records progress (0..100) and/or a message; throws once the job is dismissed. */
  reportProgress(progress?: number, message?: string): void;
  /** The server's base URL as the client saw it, with a trailing slash. */
  baseUrl: string;
  jobId: string;
  /** Publishes a small file under /outputs/{jobId}/{name} and returns its absolute URL. */
  saveOutputFile(name: string, mediaType: string, body: string | Uint8Array): string;
}

export type ProcessInputs = Record<string, unknown>;
export type ProcessOutputs = Record<string, unknown>;

export interface DemoProcess {
  id: string;
  title: string;
  description?: string;
  version: string;
  keywords?: string[];
  jobControlOptions: JobControlOption[];
  outputTransmission?: TransmissionMode[];
  inputs: Record<string, InputDescription>;
  outputs: Record<string, OutputDescription>;
  /** Gets inputs already validated against `inputs`, with defaults merged in. */
  run(inputs: ProcessInputs, ctx: RunContext): Promise<ProcessOutputs>;
}

/** Quick processes offer both modes (sync by default); long ones are async only. */
export const QUICK_JOB_CONTROL: JobControlOption[] = ['sync-execute', 'async-execute', 'dismiss'];
export const ASYNC_JOB_CONTROL: JobControlOption[] = ['async-execute', 'dismiss'];
