// A search document from what the catalog knows of a process: the summary the
// server lists (id, title, description, keywords) and, when the process became
// a tool, its inputs with the types a search can filter on.
import { plainText } from '../../ogc/text.js';
import { isRecord } from '../../util/records.js';
import type { NormalizedInput } from '../describe/index.js';
import type { InputType, SearchDocument, SearchInput } from './documents.js';

export interface ProcessSummaryText {
  id: string;
  title?: unknown;
  description?: unknown;
  keywords?: unknown;
}

export interface DocumentSource {
  summary: ProcessSummaryText;
  /** The process's inputs once it became a tool (its description read). */
  inputs?: readonly NormalizedInput[];
  toolName?: string;
  server?: string;
  /** Unique key in the index; default `server/id` or the id. */
  key?: string;
}

export function searchDocumentFor(source: DocumentSource): SearchDocument {
  const { summary } = source;
  const doc: SearchDocument = {
    key: source.key ?? (source.server !== undefined ? `${source.server}/${summary.id}` : summary.id),
    processId: summary.id,
  };
  if (source.server !== undefined) doc.server = source.server;
  if (source.toolName !== undefined) doc.toolName = source.toolName;
  const title = plainText(summary.title);
  if (title !== undefined) doc.title = title;
  const description = plainText(summary.description);
  if (description !== undefined) doc.description = description;
  const keywords = keywordsOf(summary.keywords);
  if (keywords.length > 0) doc.keywords = keywords;
  if (source.inputs !== undefined) doc.inputs = source.inputs.map(searchInput);
  return doc;
}

function keywordsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .slice(0, 100)
    .map((k) => plainText(k))
    .filter((k): k is string => k !== undefined);
}

function searchInput(input: NormalizedInput): SearchInput {
  const result: SearchInput = { name: input.argumentName, types: inputTypes(input), required: input.required };
  if (input.title !== undefined) result.title = input.title;
  return result;
}

/** The filterable types of an input: its JSON types plus what it stands for (bbox, geometry, date, file, url). */
export function inputTypes(input: NormalizedInput): InputType[] {
  const types = new Set<InputType>();
  if (input.kind === 'bbox') types.add('bbox');
  if (input.multiple) types.add('array');
  for (const media of input.mediaTypes) {
    types.add(/geo\+json|geojson|gml/i.test(media.mediaType) ? 'geometry' : 'file');
  }
  collect(input.schema, types, 0);
  return [...types];
}

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object']);

function collect(schema: unknown, types: Set<InputType>, depth: number): void {
  if (!isRecord(schema) || depth > 3) return;
  const declared = Array.isArray(schema.type) ? schema.type : [schema.type];
  for (const type of declared) if (typeof type === 'string' && JSON_TYPES.has(type)) types.add(type as InputType);
  const format = typeof schema.format === 'string' ? schema.format : '';
  if (format === 'date' || format === 'date-time') types.add('date');
  if (format === 'uri' || format === 'url') types.add('url');
  if (/geojson|geometry|wkt/i.test(format)) types.add('geometry');
  if (format === 'ogc-bbox') types.add('bbox');
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const alternatives = schema[key];
    if (Array.isArray(alternatives)) for (const alt of alternatives.slice(0, 10)) collect(alt, types, depth + 1);
  }
}
