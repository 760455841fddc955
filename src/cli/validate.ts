// An execution request checked against the process description, locally:
// the inputs against the schema the bridge derives for the process's tool.
import { deriveTool } from '../bridge/describe/index.js';
import { argumentsFromInputIds } from '../bridge/request/index.js';
import { ArgumentValidator } from '../mcp/validation.js';
import type { ProcessDescription } from '../ogc/index.js';

export type RequestCheck = { checked: true; problems: string[] } | { checked: false; reason: string };

export function checkInputs(description: ProcessDescription, inputs: Record<string, unknown>): RequestCheck {
  const derived = deriveTool(description, 'process');
  if (!derived.ok) return { checked: false, reason: `the process description cannot be read as a schema (${derived.reason})` };
  const outcome = new ArgumentValidator().validate(derived.tool.inputSchema, argumentsFromInputIds(derived.tool, inputs));
  return { checked: true, problems: outcome.ok ? [] : outcome.problems.map((p) => p.replace(' (this tool does not take it)', '').replace('; see describe_process', '; see get-process')) };
}
