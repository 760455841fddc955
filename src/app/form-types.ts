// The form model the app server sends and the page reads (no imports: the
// front end bundles these types from here).

export interface UiHints {
  widget?: string;
  order?: number;
  advanced?: boolean;
  placeholder?: string;
  minimum?: number;
  maximum?: number;
  step?: number;
  separator?: string;
  /** The schema's `format` as written (the derived schema may have dropped `wkt`, `bbox`, ...). */
  format?: string;
}

export interface FormInput {
  /** The argument name (the key in the tool arguments). */
  name: string;
  /** The OGC input id. */
  id: string;
  title: string;
  description?: string;
  required: boolean;
  multiple: boolean;
  kind: 'literal' | 'bbox' | 'complex';
  acceptsReference: boolean;
  schema: unknown;
  ui: UiHints;
}

export interface FormModel {
  processId: string;
  title: string;
  description?: string;
  version?: string;
  jobControlOptions: string[];
  inputs: FormInput[];
  outputs: { id: string; title?: string; description?: string }[];
  warnings: string[];
}
