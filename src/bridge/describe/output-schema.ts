// Process outputs: their normalized descriptions (kept on the derived tool for
// the results code and describe_process) and the tool's outputSchema.
//
// An SDK client throws when structuredContent does not validate against a
// declared outputSchema, and what the MCP layer returns under `outputs` may be
// a truncation marker, an image placeholder or a link rather than the value the
// process describes. So the outputSchema only names the outputs and describes
// them; it never constrains their values, and nothing in it is required.
import { type ConversionBudget, convertSchema, isInheritedName, jsonBytes, type JsonSchemaObject } from '../schema/index.js';
import type { NormalizedOutput } from './model.js';
import type { ProcessParameter } from '../../ogc/index.js';
import { classifyValue } from './value-shape.js';
import { setOwn } from '../../util/records.js';
import { truncateWords } from '../../util/text.js';

const MAX_OUTPUT_DESCRIPTION = 300;
const MAX_OUTPUT_SCHEMA_BYTES = 8 * 1024;

export function buildOutput(parameter: ProcessParameter, context: { document: unknown; budget: ConversionBudget }): NormalizedOutput {
  const { schema } = convertSchema(parameter.schema, context);
  const shape = classifyValue(schema);
  const output: NormalizedOutput = { id: parameter.id, kind: shape.kind, schema, mediaTypes: shape.media };
  if (parameter.title !== undefined) output.title = parameter.title;
  if (parameter.description !== undefined) output.description = parameter.description;
  return output;
}

/** The permissive result shape of a process tool, or undefined when even its names do not fit. */
export function buildOutputSchema(outputs: NormalizedOutput[]): JsonSchemaObject | undefined {
  const withText = outputsSchema(outputs, true);
  // Worst case per output: its id escaped, a description of bounded length in
  // 3-byte characters, punctuation. Below the limit, measuring is not needed.
  const bound = 1024 + outputs.reduce((n, o) => n + 6 * o.id.length + 3 * MAX_OUTPUT_DESCRIPTION + 40, 0);
  if (bound <= MAX_OUTPUT_SCHEMA_BYTES || jsonBytes(withText) <= MAX_OUTPUT_SCHEMA_BYTES) return withText;
  const namesOnly = outputsSchema(outputs, false);
  return jsonBytes(namesOnly) <= MAX_OUTPUT_SCHEMA_BYTES ? namesOnly : undefined;
}

function outputsSchema(outputs: NormalizedOutput[], withText: boolean): JsonSchemaObject {
  const properties: JsonSchemaObject = {};
  for (const output of outputs) {
    // An inherited name would be checked against Object.prototype when absent.
    if (isInheritedName(output.id)) continue;
    const text = withText ? outputText(output) : undefined;
    setOwn(properties, output.id, text === undefined ? {} : { description: text });
  }
  return {
    type: 'object',
    properties: {
      status: { type: 'string', description: 'Job status: successful, failed, running, accepted or dismissed.' },
      jobId: { type: 'string', description: 'The job on the OGC server; follow it with get_job and get_job_results.' },
      outputs: {
        type: 'object',
        description: 'The process outputs by id: values, or links and notes where a value is too large or binary.',
        properties,
      },
      progress: { description: 'Progress of an unfinished job, in percent.' },
      message: { description: 'Status message of the job.' },
    },
  };
}

function outputText(output: NormalizedOutput): string | undefined {
  const parts: string[] = [];
  const text = output.description ?? output.title;
  if (text !== undefined) parts.push(/[.!?]$/.test(text) ? text : `${text}.`);
  if (output.mediaTypes.length > 0) parts.push(`Media type: ${output.mediaTypes.map((m) => m.mediaType).join(' or ')}.`);
  return parts.length === 0 ? undefined : truncateWords(parts.join(' '), MAX_OUTPUT_DESCRIPTION);
}
