// The shapes the bridge derives from a process description: the tool, and
// for each input and output the kind of value it takes, its JSON Schema and
// media types.
import type { JsonSchemaObject } from '../schema/index.js';

/** An inline content type an input or output accepts. */
export interface MediaTypeInfo {
  /** As the process wrote it, parameters included ("image/tiff; application=geotiff"). */
  mediaType: string;
  /** Binary content travels base64-encoded in JSON. */
  binary: boolean;
}

/**
 * How the values of an input are shaped:
 * - literal: strings, numbers, booleans, arrays, untyped values, sent as they are;
 * - bbox: the {bbox, crs} object;
 * - complex: JSON objects and/or content with a media type, which may also be
 *   passed by reference ({href, type}).
 */
export type ValueKind = 'literal' | 'bbox' | 'complex';

export interface NormalizedInput {
  /** The input id, as the execute request must name it. */
  id: string;
  /** The property that carries it in the tool arguments (differs from `id` only when `id` is not a valid name). */
  argumentName: string;
  title?: string;
  description?: string;
  minOccurs: number;
  maxOccurs: number | 'unbounded';
  /** minOccurs > 0. */
  required: boolean;
  /** maxOccurs > 1: the argument is an array of values. */
  multiple: boolean;
  kind: ValueKind;
  /** One value, as the process describes it, in JSON Schema 2020-12 with every $ref inlined. */
  schema: JsonSchemaObject;
  /** Inline content types accepted (complex inputs). */
  mediaTypes: MediaTypeInfo[];
  /** The value may be given as a link {href, type} (complex inputs). */
  acceptsReference: boolean;
  /** Set when a plain string argument is content of this type (sent as {value, mediaType}). */
  stringContent?: MediaTypeInfo;
  /** Set when content is given as {value, mediaType} arguments (several media types to choose from). */
  qualifiedContent: boolean;
  /** The media type announced for a JSON value sent qualified. */
  jsonMediaType: string;
}

export interface NormalizedOutput {
  id: string;
  title?: string;
  description?: string;
  kind: ValueKind;
  /** One value, in JSON Schema 2020-12 with every $ref inlined. */
  schema: JsonSchemaObject;
  mediaTypes: MediaTypeInfo[];
}

export type ObjectInputEncoding = 'raw' | 'qualified';

export const PROCESS_ID_META_KEY = 'ogc-processes-mcp/processId';

/** Only what differs from the MCP defaults (readOnly false, destructive true, idempotent false, openWorld true). */
export interface ToolAnnotations {
  destructiveHint: false;
}

export interface DerivedTool {
  processId: string;
  name: string;
  title: string;
  description: string;
  inputSchema: JsonSchemaObject;
  outputSchema?: JsonSchemaObject;
  annotations: ToolAnnotations;
  _meta: { [PROCESS_ID_META_KEY]: string };
  inputs: NormalizedInput[];
  outputs: NormalizedOutput[];
  /** As the description lists them; [] when it says nothing. */
  jobControlOptions: string[];
  outputTransmission: string[];
  version?: string;
  /** For humans (stderr, describe_process): oddities of the description and what was simplified. */
  warnings: string[];
  /** How object-valued inputs are sent unless toExecuteRequest is told otherwise. */
  objectInputEncoding: ObjectInputEncoding;
  /** 0 when the inputSchema is complete; higher when it was simplified to fit the size budget. */
  schemaSimplification: number;
}

export type DeriveResult = { ok: true; tool: DerivedTool } | { ok: false; processId?: string; reason: string };
