// Tool arguments -> the body of an OGC API - Processes Part 1 execute request.
//
// Each argument goes back to its input id (argument names differ only where
// the id is not a valid name). Values are shaped as the description asks:
// - several values (maxOccurs > 1) as a JSON array of values;
// - a bounding box as {bbox, crs};
// - a reference as {href, type};
// - content with a media type as a qualified value {value, mediaType} with
//   encoding "base64" for binary content;
// - a JSON object raw by default, or as {value, mediaType} when the server
//   wants qualified values (objectInputEncoding "qualified"). Raw is the
//   default because pygeoapi, wraptile and ZOO-Project hand the object to the
//   process as it is, and pygeoapi would hand it the wrapper instead.
// Omitted optional inputs are not sent; neither is an explicit null for one.
import type { ExecuteOutput, ExecuteRequest } from '../../ogc/index.js';
import { type JsonValue } from '../schema/index.js';
import type { DerivedTool, MediaTypeInfo, NormalizedInput, ObjectInputEncoding } from '../describe/index.js';
import { hasOwnKey, isRecord, ownKeys, ownValue, setOwn } from '../../util/records.js';

export interface ExecuteRequestOptions {
  objectInputEncoding?: ObjectInputEncoding;
  /** Output ids to ask for (all outputs when absent). */
  outputs?: string[];
  response?: 'document' | 'raw';
}

const LINK_KEYS = new Set(['href', 'type', 'rel', 'title', 'hreflang']);
const CONTENT_KEYS = new Set(['value', 'mediaType', 'encoding']);

export function toExecuteRequest(tool: DerivedTool, args: Record<string, unknown>, options: ExecuteRequestOptions = {}): ExecuteRequest & Required<Pick<ExecuteRequest, 'inputs'>> {
  const encoding = options.objectInputEncoding ?? tool.objectInputEncoding;
  const inputs: Record<string, unknown> = {};
  for (const input of tool.inputs) {
    if (!hasOwnKey(args, input.argumentName)) continue;
    const value = args[input.argumentName];
    if (value === undefined || (value === null && !input.required)) continue;
    const mapped = input.multiple && Array.isArray(value) ? value.map((v) => toInputValue(input, v, encoding)) : toInputValue(input, value, encoding);
    setOwn(inputs, input.id, mapped);
  }
  const body: ExecuteRequest & Required<Pick<ExecuteRequest, 'inputs'>> = { inputs };
  if (options.outputs !== undefined && options.outputs.length > 0) body.outputs = requestedOutputs(tool, options.outputs);
  if (options.response !== undefined) body.response = options.response;
  return body;
}

/**
 * Tool arguments from inputs keyed by input id (as execute_process callers
 * write them, reading describe_process). Keys that are already argument names
 * stay; the two differ only for input ids that are not valid names.
 */
export function argumentsFromInputIds(tool: DerivedTool, inputs: Record<string, unknown>): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const key of ownKeys(inputs)) {
    const byId = tool.inputs.find((i) => i.id === key);
    const isArgument = tool.inputs.some((i) => i.argumentName === key);
    setOwn(args, isArgument || byId === undefined ? key : byId.argumentName, inputs[key]);
  }
  return args;
}

/** One value of one input, as the execute request carries it. */
export function toInputValue(input: NormalizedInput, value: unknown, encoding: ObjectInputEncoding): unknown {
  if (input.kind === 'bbox' && isRecord(value)) return bboxValue(value);
  if (isRecord(value)) {
    if (input.acceptsReference && isLink(value)) return linkValue(value);
    if (input.qualifiedContent && isContent(value)) return contentValue(input, value);
    return encoding === 'qualified' ? { value, mediaType: input.jsonMediaType } : value;
  }
  if (typeof value === 'string' && input.stringContent !== undefined) return qualified(value, input.stringContent);
  return value;
}

function bboxValue(value: Record<string, unknown>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = { bbox: ownValue(value, 'bbox') as JsonValue };
  const crs = ownValue(value, 'crs');
  if (typeof crs === 'string') out.crs = crs;
  return out;
}

function isLink(value: Record<string, unknown>): boolean {
  return typeof ownValue(value, 'href') === 'string' && ownKeys(value).every((k) => LINK_KEYS.has(k));
}

function linkValue(value: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of LINK_KEYS) {
    const v = ownValue(value, key);
    if (typeof v === 'string') out[key] = v;
  }
  return out;
}

function isContent(value: Record<string, unknown>): boolean {
  return typeof ownValue(value, 'value') === 'string' && typeof ownValue(value, 'mediaType') === 'string' && ownKeys(value).every((k) => CONTENT_KEYS.has(k));
}

function contentValue(input: NormalizedInput, value: Record<string, unknown>): Record<string, string> {
  const mediaType = ownValue(value, 'mediaType') as string;
  const known = input.mediaTypes.find((m) => m.mediaType === mediaType);
  return qualified(ownValue(value, 'value') as string, known ?? { mediaType, binary: ownValue(value, 'encoding') === 'base64' });
}

function qualified(content: string, media: MediaTypeInfo): Record<string, string> {
  const out: Record<string, string> = { value: content, mediaType: media.mediaType };
  // JSON carries binary content as base64, whatever contentEncoding the description names ("binary").
  if (media.binary) out.encoding = 'base64';
  return out;
}

function requestedOutputs(tool: DerivedTool, ids: string[]): Record<string, ExecuteOutput> {
  // Ask for values where the process can give them; results too big for a
  // message are the MCP layer's business, not a reason to ask for links.
  const byValue = tool.outputTransmission.length === 0 || tool.outputTransmission.includes('value');
  const outputs: Record<string, ExecuteOutput> = {};
  for (const id of ids) setOwn(outputs, id, { transmissionMode: byValue ? 'value' : 'reference' });
  return outputs;
}
