// The rules a tool must follow for real clients to accept it (client-rules.ts),
// plus the one costly check: the schemas compile in ajv (2020-12). The compile can be skipped where the caller
// compiles the schema anyway (argument validation).
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { structuralProblems } from './client-rules.js';
import type { JsonSchemaObject } from '../schema/index.js';
import type { DerivedTool } from './model.js';
import { errorMessage } from '../../util/errors.js';
import { createAjv } from '../../util/ajv.js';

export interface SchemaCheckOptions {
  /** Compile the schemas with ajv (2020-12); default true. */
  compile?: boolean;
  maxSchemaBytes?: number;
}

/** Every way the tool breaks a client rule; [] when it satisfies them all. */
export function checkToolSchema(tool: DerivedTool, options: SchemaCheckOptions = {}): string[] {
  const problems = structuralProblems(tool, options.maxSchemaBytes);
  if (options.compile ?? true) {
    problems.push(...compileProblems('inputSchema', tool.inputSchema));
    if (tool.outputSchema !== undefined) problems.push(...compileProblems('outputSchema', tool.outputSchema));
  }
  return problems;
}

let ajv: Ajv2020 | undefined;

function compiler(): Ajv2020 {
  // The same settings as argument validation in the MCP layer.
  return (ajv ??= createAjv());
}

function compileProblems(label: string, schema: JsonSchemaObject): string[] {
  const instance = compiler();
  try {
    instance.compile(schema);
    return [];
  } catch (error) {
    return [`${label} does not compile in ajv (2020-12): ${errorMessage(error)}`];
  } finally {
    // Compiled schemas are cached by the instance; checks must not accumulate them.
    instance.removeSchema(schema);
  }
}
