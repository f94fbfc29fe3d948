import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import localizeZhModule from 'ajv-i18n/localize/zh/index.js';
import addFormatsModule from 'ajv-formats';
import { CONFIG_SCHEMA, FILING_SCHEMA, RULESET_SCHEMA, UNIT_SCHEMA, type SchemaNode } from './schemas.js';

/**
 * ajv-i18n ships CommonJS (`module.exports = fn`) with a d.ts claiming an ES default export; under NodeNext the
 * default import is module.exports itself, which the types do not know.
 */
type Localize = (errors?: ErrorObject[] | null) => void;
const localizeZh = localizeZhModule as unknown as Localize;
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

let shared: Ajv | undefined;

/** One Ajv instance for the whole process: every schema is compiled once and reused across files. */
export function sharedAjv(): Ajv {
  if (!shared) {
    shared = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    addFormats(shared);
    for (const schema of [FILING_SCHEMA, UNIT_SCHEMA, RULESET_SCHEMA, CONFIG_SCHEMA]) shared.addSchema(schema as object);
  }
  return shared;
}

export function validatorFor(schemaId: string): ValidateFunction {
  const validate = sharedAjv().getSchema(schemaId);
  if (!validate) throw new Error(`schema ${schemaId} is not registered`);
  return validate;
}

/** Validators for schemas that live beside built-in functions, compiled once per schema object. */
const compiledOptionSchemas = new WeakMap<object, ValidateFunction>();

export function compileSchema(schema: SchemaNode): ValidateFunction {
  let validate = compiledOptionSchemas.get(schema);
  if (!validate) {
    validate = sharedAjv().compile(schema as object);
    compiledOptionSchemas.set(schema, validate);
  }
  return validate;
}

/** Ajv's own Chinese wording for an error, for keywords ptlint has no wording of its own for. */
export function chineseAjvMessage(error: ErrorObject): string {
  const copy = [{ ...error }];
  localizeZh(copy);
  return copy[0].message ?? '';
}

/** JSON Pointer (`/绩效指标/0/年度指标值`) → YAML path. */
export function pointerToPath(pointer: string): Array<string | number> {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}
