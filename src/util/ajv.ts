// The one ajv (JSON Schema 2020-12) set-up of the package. ajv and its formats
// take tens of milliseconds to load, which every start would pay before its
// first tools/list; they load (synchronously, both being CommonJS) on the first
// call instead.
import { createRequire } from 'node:module';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type addFormatsModule from 'ajv-formats';

const require = createRequire(import.meta.url);

/** A fresh ajv for 2020-12 schemas: all errors, formats checked, lenient about unknown keywords. */
export function createAjv(): Ajv2020 {
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const formats = require('ajv-formats') as typeof addFormatsModule & { default?: typeof addFormatsModule };
  // logger:false: ajv would otherwise warn on the console about unknown formats.
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true, logger: false });
  (formats.default ?? formats)(ajv as never);
  return ajv;
}
