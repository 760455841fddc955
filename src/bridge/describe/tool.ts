// A process description -> one MCP tool: name (given by the caller's name
// table), title, description, inputSchema, outputSchema, annotations, _meta,
// plus the inputs and outputs, shaped for the request and result code.
// Never throws: a description that cannot become a tool gives a reason.
import { type BuiltInput, type InputContext, buildInput, objectSchema } from './input-schema.js';
import type { JsonSchemaObject } from '../schema/index.js';
import { argumentNameFor } from './names.js';
import { buildOutput, buildOutputSchema } from './output-schema.js';
import { type DeriveResult, type DerivedTool, type NormalizedInput, type NormalizedOutput, type ObjectInputEncoding, PROCESS_ID_META_KEY } from './model.js';
import { type ProcessDescription, quoteId } from '../../ogc/index.js';
import { DEFAULT_MAX_SCHEMA_BYTES, SIMPLIFICATION_NOTES, fitToBudget } from './schema-budget.js';
import { structuralProblems } from './client-rules.js';
import { composeToolDescription } from './tool-description.js';
import { errorMessage } from '../../util/errors.js';
import { truncateWords } from '../../util/text.js';

export interface DeriveOptions {
  objectInputEncoding?: ObjectInputEncoding;
  /** Size budget of the inputSchema as JSON (default 16 KiB). */
  maxSchemaBytes?: number;
}

// Enough for any real description; a hostile one degrades to permissive schemas.
const SCHEMA_NODE_BUDGET = 50_000;
const MAX_TITLE = 120;

export function deriveTool(process: ProcessDescription, name: string, options: DeriveOptions = {}): DeriveResult {
  const processId = process.id;
  try {
    const context = { document: process.document, budget: { nodesLeft: SCHEMA_NODE_BUDGET } };
    const warnings = [...process.warnings];
    const built = buildInputs(process, context, warnings);
    const inputs = built.map((b) => b.input);
    const fullSchema = objectSchema(
      built.map((b) => [b.input.argumentName, b.property]),
      inputs.filter((i) => i.required).map((i) => i.argumentName),
    );
    const maxBytes = options.maxSchemaBytes ?? DEFAULT_MAX_SCHEMA_BYTES;
    const fitted = fitToBudget(fullSchema, maxBytes);
    if (fitted === undefined) {
      return { ok: false, processId, reason: `its ${inputs.length} inputs do not fit in a tool schema of ${maxBytes} bytes, even simplified` };
    }
    const notes = incompleteInputsNote(built);
    if (fitted.level > 0) {
      notes.push(SIMPLIFICATION_NOTES[fitted.level]);
      warnings.push(`the input schema was simplified (level ${fitted.level}) to fit ${maxBytes} bytes`);
    }

    const outputs = process.outputs.map((parameter) => buildOutput(parameter, context));
    const outputSchema = buildOutputSchema(outputs);
    const title = truncateWords(process.title ?? process.id, MAX_TITLE);
    const tool: DerivedTool = {
      processId: process.id,
      name,
      title,
      description: composeToolDescription(process, outputs, notes),
      inputSchema: fitted.schema,
      annotations: { destructiveHint: false },
      _meta: { [PROCESS_ID_META_KEY]: process.id },
      inputs,
      outputs,
      jobControlOptions: process.jobControlOptions,
      outputTransmission: process.outputTransmission,
      warnings,
      objectInputEncoding: options.objectInputEncoding ?? 'raw',
      schemaSimplification: fitted.level,
    };
    if (outputSchema !== undefined) tool.outputSchema = outputSchema;
    if (process.version !== undefined) tool.version = process.version;

    // The derivation is meant to make these impossible; a tool that breaks a
    // client rule must not reach a client, whatever the description held.
    // (fitToBudget has measured the schema already.)
    const problems = structuralProblems(tool, Infinity);
    if (problems.length > 0) return { ok: false, processId, reason: `the derived tool breaks client rules: ${problems.join('; ')}` };
    return { ok: true, tool };
  } catch (error) {
    const message = errorMessage(error);
    return { ok: false, processId, reason: `the description could not be read (${truncateWords(message, 200)})` };
  }
}

function buildInputs(process: ProcessDescription, context: InputContext, warnings: string[]): BuiltInput[] {
  const taken = new Set<string>();
  return process.inputs.map((parameter) => {
    const argumentName = argumentNameFor(parameter.id, taken);
    taken.add(argumentName);
    const built = buildInput(parameter, argumentName, context);
    for (const note of built.notes) warnings.push(`input ${quoteId(parameter.id)}: ${note}`);
    return built;
  });
}

/** A line for the tool description naming the inputs whose schemas are partly permissive. */
function incompleteInputsNote(built: BuiltInput[]): string[] {
  const names = built.filter((b) => b.notes.length > 0).map((b) => b.input.argumentName);
  if (names.length === 0) return [];
  const list = names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
  return [`The schema of ${list} is incomplete (unresolved or simplified parts accept any value); see the input descriptions.`];
}
