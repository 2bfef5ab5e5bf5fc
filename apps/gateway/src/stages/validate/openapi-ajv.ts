import { Ajv, type Options } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** OpenAPI's own format names, which say how a number or string is stored, not what it may hold. */
const STORAGE_FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password'];

export type SchemaCompiler = Ajv | Ajv2020;

/**
 * An Ajv for one OpenAPI document: JSON Schema 2020-12 for OpenAPI 3.1, draft-07 with
 * `nullable` for 3.0. Documents carry keywords Ajv does not know (example, xml, ...), so
 * it is not strict; parameters arrive as strings and are coerced to their schema's type.
 */
export function openApiAjv(openapiVersion: string, coerce: boolean): SchemaCompiler {
  const options: Options = { strict: false, validateSchema: false, allErrors: true, coerceTypes: coerce ? 'array' : false, discriminator: true };
  const ajv = openapiVersion.startsWith('3.0') ? new Ajv(options) : new Ajv2020(options);
  addFormats.default(ajv);
  for (const format of STORAGE_FORMATS) ajv.addFormat(format, true);
  return ajv;
}
