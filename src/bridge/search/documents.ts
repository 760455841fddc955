// What the search index knows of a process, and the input types it can be
// filtered on. Plain data, so that the index does not depend on how a
// description was read.

/** The input types a search can filter on. */
export const INPUT_TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'bbox', 'geometry', 'date', 'file', 'url'] as const;
export type InputType = (typeof INPUT_TYPES)[number];

export interface SearchInput {
  name: string;
  title?: string;
  types: readonly InputType[];
  required: boolean;
}

export interface SearchDocument {
  /** Unique within an index (the process id, or server and process id). */
  key: string;
  processId: string;
  /** The server that owns the process, when the bridge has several. */
  server?: string;
  /** The tool that runs it, when it has one of its own. */
  toolName?: string;
  title?: string;
  description?: string;
  keywords?: readonly string[];
  inputs?: readonly SearchInput[];
}

export interface SearchFilters {
  /** Only processes of this server. */
  server?: string;
  /** Only processes with this keyword (case-insensitive; a keyword may also be a phrase). */
  keyword?: string;
  /** Only processes with an input of this type. */
  inputType?: InputType;
}

export function isInputType(value: string): value is InputType {
  return (INPUT_TYPES as readonly string[]).includes(value);
}
