import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import * as precompiled from '../generated/schema-validators.js';
import { CONFIG_SCHEMA, FILING_SCHEMA, RULESET_SCHEMA, UNIT_SCHEMA, type SchemaNode } from './schemas.js';

/**
 * Ajv itself is loaded only when something must be compiled at run time (a user's rule options, a function's
 * option schema in tests): ptlint's own schemas are precompiled, and most runs never need the compiler.
 */
const require = createRequire(import.meta.url);

type Localize = (errors?: ErrorObject[] | null) => void;

let shared: Ajv | undefined;

/** One Ajv instance for the whole process: every schema is compiled once and reused across files. */
export function sharedAjv(): Ajv {
  if (!shared) {
    const { Ajv: AjvClass } = require('ajv') as typeof import('ajv');
    const addFormats = require('ajv-formats') as (ajv: Ajv) => Ajv;
    shared = new AjvClass({ allErrors: true, strict: false, allowUnionTypes: true });
    addFormats(shared);
    for (const schema of [FILING_SCHEMA, UNIT_SCHEMA, RULESET_SCHEMA, CONFIG_SCHEMA]) shared.addSchema(schema as object);
  }
  return shared;
}

const PRECOMPILED: Record<string, ValidateFunction> = {
  'filing.schema.json': precompiled.filing as ValidateFunction,
  'unit.schema.json': precompiled.unit as ValidateFunction,
  'ruleset.schema.json': precompiled.ruleset as ValidateFunction,
  'config.schema.json': precompiled.config as ValidateFunction,
};

/** The validator of one of ptlint's own schemas, compiled at build time (npm run generate). */
export function validatorFor(schemaId: string): ValidateFunction {
  const validate = PRECOMPILED[schemaId];
  if (!validate) throw new Error(`schema ${schemaId} is not one of ptlint's own`);
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
  (require('ajv-i18n/localize/zh') as Localize)(copy);
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
