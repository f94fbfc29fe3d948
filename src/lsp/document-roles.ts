import { basename } from 'node:path';
import { CONFIG_FILE_NAMES } from '../config/config-resolver.js';
import { CONFIG_SCHEMA, FILING_SCHEMA, RULESET_SCHEMA, UNIT_SCHEMA, type SchemaNode } from '../schema/schemas.js';

/**
 * What a YAML document is to ptlint. Editors send every YAML file; only filings are linted, rule sets and configs
 * are checked against their schemas, and anything else stays quiet.
 */
export type DocumentRole = 'filing' | 'config' | 'ruleset' | 'other';

/** `# yaml-language-server: $schema=…` in the comments that open a file. */
const MODELINE = /^#\s*yaml-language-server\s*:\s*\$schema=(\S+)/;

const ROLE_BY_SCHEMA_ID = new Map<string, DocumentRole>([
  [String(FILING_SCHEMA.$id), 'filing'],
  [String(UNIT_SCHEMA.$id), 'filing'],
  [String(CONFIG_SCHEMA.$id), 'config'],
  [String(RULESET_SCHEMA.$id), 'ruleset'],
]);

export interface RoleContext {
  /** whether the `ptlint.files` setting lists the file as a filing (for filings that carry no modeline) */
  isListedFiling(filePath: string): boolean;
  /** rule files named by a config's `ruleFiles` or `extends`, known from the configs loaded so far */
  knownRuleFiles: ReadonlySet<string>;
}

export function documentRole(filePath: string, text: string, context: RoleContext): DocumentRole {
  if ((CONFIG_FILE_NAMES as readonly string[]).includes(basename(filePath))) return 'config';
  const declared = modelineSchema(text);
  if (declared) return ROLE_BY_SCHEMA_ID.get(basename(declared)) ?? 'other';
  if (context.knownRuleFiles.has(filePath)) return 'ruleset';
  return context.isListedFiling(filePath) ? 'filing' : 'other';
}

/** The schema a document of this role is written against; filings are told apart from unit summaries by the engine. */
export function schemaForRole(role: DocumentRole, kind: 'filing' | 'unit' = 'filing'): SchemaNode | undefined {
  if (role === 'config') return CONFIG_SCHEMA;
  if (role === 'ruleset') return RULESET_SCHEMA;
  if (role === 'filing') return kind === 'unit' ? UNIT_SCHEMA : FILING_SCHEMA;
  return undefined;
}

/** The `$schema` a modeline names, read from the comment lines a file starts with. */
export function modelineSchema(text: string): string | undefined {
  for (const line of text.split('\n', 20)) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (!trimmed.startsWith('#')) return undefined;
    const match = MODELINE.exec(trimmed);
    if (match) return match[1];
  }
  return undefined;
}
