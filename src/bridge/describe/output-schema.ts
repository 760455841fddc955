// Process outputs: their normalized descriptions (kept on the derived tool for
// the results code and describe_process) and the tool's outputSchema.
//
// An SDK client throws when structuredContent does not validate against a
// declared outputSchema, and what the MCP layer returns under `outputs` may be
// a truncation marker, an image placeholder or a link rather than the value the
// process describes. So the outputSchema only names the outputs; it never
// constrains their values, and nothing in it is required.
import { type ConversionBudget, convertSchema, isInheritedName, jsonBytes, type JsonSchemaObject } from '../schema/index.js';
import type { NormalizedOutput } from './model.js';
import type { ProcessParameter } from '../../ogc/index.js';
import { classifyValue } from './value-shape.js';
import { setOwn } from '../../util/records.js';

const MAX_OUTPUT_SCHEMA_BYTES = 8 * 1024;

export function buildOutput(parameter: ProcessParameter, context: { document: unknown; budget: ConversionBudget }): NormalizedOutput {
  const { schema } = convertSchema(parameter.schema, context);
  const shape = classifyValue(schema);
  const output: NormalizedOutput = { id: parameter.id, kind: shape.kind, schema, mediaTypes: shape.media };
  if (parameter.title !== undefined) output.title = parameter.title;
  if (parameter.description !== undefined) output.description = parameter.description;
  return output;
}

/**
 * The permissive result shape of a process tool: the output names, nothing
 * required, no descriptions (the tool description names the outputs, and the
 * server instructions say what status and jobId are). Undefined when even the
 * names do not fit.
 */
export function buildOutputSchema(outputs: NormalizedOutput[]): JsonSchemaObject | undefined {
  const properties: JsonSchemaObject = {};
  for (const output of outputs) {
    // An inherited name would be checked against Object.prototype when absent.
    if (!isInheritedName(output.id)) setOwn(properties, output.id, {});
  }
  // status, jobId, progress and message are the same for every process: the server instructions describe them.
  const schema = { type: 'object', properties: { outputs: { type: 'object', properties } } };
  return jsonBytes(schema) <= MAX_OUTPUT_SCHEMA_BYTES ? schema : undefined;
}
