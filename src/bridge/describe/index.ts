// A process description -> one MCP tool: its name, title, description,
// input and output schemas within what real clients accept, and the inputs
// and outputs shaped for the request and results code.
export { type DeriveOptions, deriveTool } from './tool.js';
export {
  PROCESS_ID_META_KEY,
  type DeriveResult,
  type DerivedTool,
  type MediaTypeInfo,
  type NormalizedInput,
  type NormalizedOutput,
  type ObjectInputEncoding,
  type ToolAnnotations,
  type ValueKind,
} from './model.js';
export {
  ARGUMENT_NAME_PATTERN,
  DEFAULT_TOOL_NAME_LENGTH,
  FIXED_TOOL_NAMES,
  MAX_TOOL_NAME_LENGTH,
  TOOL_NAME_PATTERN,
  argumentNameFor,
  type NameLookup,
  toolNameFor,
} from './names.js';
export { type SchemaCheckOptions, checkToolSchema } from './schema-checks.js';
