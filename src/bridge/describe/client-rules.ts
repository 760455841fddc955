// The structural rules a tool must follow for real clients to accept it: the
// names, schema shapes and sizes that MCP clients and model APIs enforce. One
// bad tool schema can make a client drop every tool of the server, so each
// derived tool is checked before it is listed. Cheap: no compilation here (see schema-checks.ts).
import { forEachSchema, isInheritedName, jsonBytes } from '../schema/index.js';
import { ARGUMENT_NAME_PATTERN, TOOL_NAME_PATTERN } from './names.js';
import { DEFAULT_MAX_SCHEMA_BYTES } from './schema-budget.js';
import { MAX_TOOL_DESCRIPTION } from './tool-description.js';
import type { DerivedTool } from './model.js';
import { isRecord, ownKeys } from '../../util/records.js';

/** Every structural rule the tool breaks; [] when none. */
export function structuralProblems(tool: DerivedTool, maxSchemaBytes: number = DEFAULT_MAX_SCHEMA_BYTES): string[] {
  // Infinity skips the size check (for a caller that has just measured the schema).
  const problems: string[] = [];
  if (typeof tool.name !== 'string' || !TOOL_NAME_PATTERN.test(tool.name)) problems.push(`name ${JSON.stringify(tool.name)} does not match ${TOOL_NAME_PATTERN}`);
  if (typeof tool.title !== 'string' || tool.title.trim() === '') problems.push('title is empty');
  if (typeof tool.description !== 'string' || tool.description.trim() === '') problems.push('description is empty');
  else if (tool.description.length > MAX_TOOL_DESCRIPTION) problems.push(`description has ${tool.description.length} characters (more than ${MAX_TOOL_DESCRIPTION})`);
  if (tool._meta?.['ogc-processes-mcp/processId'] !== tool.processId) problems.push('_meta does not carry the process id');

  problems.push(...objectSchemaProblems('inputSchema', tool.inputSchema));
  if (isRecord(tool.inputSchema)) {
    for (const name of ownKeys(tool.inputSchema.properties)) {
      if (!ARGUMENT_NAME_PATTERN.test(name)) problems.push(`inputSchema property ${JSON.stringify(name)} does not match ${ARGUMENT_NAME_PATTERN}`);
      if (isInheritedName(name)) problems.push(`inputSchema property ${JSON.stringify(name)} is a name every object inherits`);
    }
    if (Number.isFinite(maxSchemaBytes)) {
      const size = serializedSize(tool.inputSchema);
      if (size === undefined) problems.push('inputSchema is not serializable as JSON');
      else if (size > maxSchemaBytes) problems.push(`inputSchema is ${size} bytes (more than ${maxSchemaBytes})`);
    }
  }
  if (tool.outputSchema !== undefined) problems.push(...objectSchemaProblems('outputSchema', tool.outputSchema));
  return problems;
}

const TOP_LEVEL_COMBINATORS = ['oneOf', 'anyOf', 'allOf', 'not', 'if', 'then', 'else'];
const UNRESOLVED_KEYWORDS: ReadonlySet<string> = new Set(['$ref', '$defs', 'definitions', '$dynamicRef', '$recursiveRef']);

function objectSchemaProblems(label: string, schema: unknown): string[] {
  if (!isRecord(schema)) return [`${label} is not an object`];
  const problems: string[] = [];
  if (schema.type !== 'object') problems.push(`${label} top-level type is not "object"`);
  if (!isRecord(schema.properties)) problems.push(`${label} has no properties object`);
  for (const keyword of TOP_LEVEL_COMBINATORS) if (schema[keyword] !== undefined) problems.push(`${label} has a top-level ${keyword}`);
  forEachSchema(schema, (sub) => {
    for (const key of Object.keys(sub)) {
      if (UNRESOLVED_KEYWORDS.has(key)) problems.push(`${label} contains ${key}`);
      else if (key.startsWith('x-')) problems.push(`${label} contains the extension keyword ${key}`);
    }
    const type = sub.type;
    if ((type === 'array' || (Array.isArray(type) && type.includes('array'))) && !isRecord(sub.items)) problems.push(`${label} has an array without items`);
  });
  return [...new Set(problems)];
}


function serializedSize(schema: unknown): number | undefined {
  try {
    return jsonBytes(schema);
  } catch {
    return undefined;
  }
}
