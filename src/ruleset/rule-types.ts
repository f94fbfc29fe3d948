import type { LintDocument } from '../document/lint-document.js';
import type { RuleFunction } from '../engine/function-api.js';
import type { Selector } from '../selectors/compile-selector.js';
import type { LocalizedText, RuleMeta, Severity, SeveritySetting, YamlPath } from '../types.js';

export type Options = Record<string, unknown>;

/**
 * A rule set or config file as the rule set builder reads it: a LintDocument, or a bundled rule file served from
 * the generated snapshot (bundled-rules.ts), which parses its YAML only when a position is asked for.
 */
export type RuleSourceDocument = Pick<LintDocument, 'filePath' | 'source' | 'data' | 'nodeAt' | 'valueAt' | 'rangeOf'>;

/** Where a definition or setting was written, for error messages that point into rule and config files. */
export interface WrittenAt {
  document: RuleSourceDocument;
  path: YamlPath;
}

export interface RuleMessage {
  text: LocalizedText;
  /** a message may carry its own severity, e.g. satisfaction at exactly 100% is only a warning */
  severity?: SeveritySetting;
}

/** A rule definition from a rule file, with its selectors compiled and its function looked up. */
export interface CompiledRule {
  id: string;
  meta: RuleMeta;
  functionName: string;
  ruleFunction: RuleFunction;
  selectors: Selector[];
  field?: string;
  /** key `default` holds the rule's `message` */
  messages: ReadonlyMap<string, RuleMessage>;
  definedAt: WrittenAt;
}

export interface RuleSetting {
  severity: SeveritySetting;
  options: Options;
}

/** A rule as it runs on one document: its definition plus the severity and options in force there. */
export interface ActiveRule {
  rule: CompiledRule;
  severity: Severity;
  options: Options;
}

export interface OverrideCondition {
  yearFrom?: number;
  yearTo?: number;
  region?: string;
}
