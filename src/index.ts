/**
 * ptlint's public API. The pipeline, by stage:
 *   source/   bytes → text (encodings, BOM) and the line table for positions
 *   parse/    text → YAML nodes and data (a fast composer for the YAML filings use, yaml for the rest), syntax
 *             errors as findings
 *   document/ the document as rules see it: plain data plus the node behind every value
 *   schema/   JSON Schema validation of filings, unit summaries, rule sets and configs
 *   values/   the 指标值 grammar and exact money
 *   selectors/, ruleset/, config/   rule sets, `given` selectors, .ptlintrc.yaml discovery
 *   functions/  one built-in rule function per file
 *   engine/   running rules per filing and per batch, suppressions, fixes
 *   formatters/, cli/, lsp/   the ways results reach people
 */
export { lintInputs, lintPaths, type LintOptions, type LintRun } from './engine/run.js';
export type { FileInput } from './engine/lint.js';
export { ConfigResolver, type ConfigResolverOptions, type ResolvedConfig } from './config/config-resolver.js';
export { parseTarget, type ParsedTarget } from './values/target.js';
export { parseMoney, type MoneyParse } from './values/money.js';
export { FORMATTERS } from './formatters/index.generated.js';
export type * from './types.js';
