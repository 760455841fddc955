// The form model the server sends (src/app/form-types.ts), with the JSON Schema
// shape the fields read from each input's derived schema.
import type { FormInput as ServerFormInput, FormModel as ServerFormModel, UiHints } from '../../src/app/form-types.js';

export type { UiHints };

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

export type FormInput = Omit<ServerFormInput, 'schema'> & { schema: Schema };
export type FormModel = Omit<ServerFormModel, 'inputs'> & { inputs: FormInput[] };
