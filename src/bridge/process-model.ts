// The shapes the bridge works with once a process description, whatever its
// dialect, has been read: one normalized process, its inputs and outputs.
import type { JsonSchemaObject } from './json-schema.js';

/** A process description brought to the Part 1 1.0 shape; schemas are still as the server wrote them. */
export interface NormalizedProcess {
  id: string;
  title?: string;
  description?: string;
  version?: string;
  jobControlOptions: string[];
  outputTransmission: string[];
  inputs: ProcessParameter[];
  outputs: ProcessParameter[];
  /** Oddities met while reading, for humans (stderr, describe_process). */
  warnings: string[];
}

/** One input or output, in description order. */
export interface ProcessParameter {
  id: string;
  title?: string;
  description?: string;
  /** 1 when absent (Part 1 default); outputs always 1. */
  minOccurs: number;
  /** A count, or 'unbounded'. */
  maxOccurs: number | 'unbounded';
  /** An OpenAPI 3.0 schema, as given or translated from an older form (literalDataDomain, formats, supportedCRS). */
  schema: unknown;
}

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
