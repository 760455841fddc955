// The form model the server sends (src/app/form-model.ts).
export interface UiHints {
  widget?: string;
  order?: number;
  advanced?: boolean;
  placeholder?: string;
  minimum?: number;
  maximum?: number;
  step?: number;
  separator?: string;
  format?: string;
}

export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  description?: string;
  title?: string;
}

export interface FormInput {
  name: string;
  id: string;
  title: string;
  description?: string;
  required: boolean;
  multiple: boolean;
  kind: 'literal' | 'bbox' | 'complex';
  acceptsReference: boolean;
  schema: Schema;
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
