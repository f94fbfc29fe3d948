/**
 * The data every pipeline stage exchanges. Offsets are UTF-16 code-unit indexes into the decoded text;
 * line/column pairs are 1-based and derived once per file (see source/positions.ts).
 */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type Locale = 'zh' | 'en';

/** A message in both languages; `{{name}}` placeholders are filled from a finding's data. */
export interface LocalizedText {
  zh: string;
  en: string;
}

export interface SourceRange {
  /** inclusive start offset */
  start: number;
  /** exclusive end offset */
  end: number;
}

export interface Position {
  /** 1-based line */
  line: number;
  /** 1-based column, counted in UTF-16 code units */
  column: number;
}

/** A YAML path from the document root: mapping keys and sequence indexes. */
export type YamlPath = ReadonlyArray<string | number>;

/** A text replacement; fixes never overlap within one pass. */
export interface TextEdit {
  range: SourceRange;
  text: string;
}

export interface Fix {
  edits: TextEdit[];
}

export interface Suggestion {
  message: string;
  fix: Fix;
}

export interface RelatedLocation {
  filePath: string;
  range: SourceRange;
  start: Position;
  end: Position;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** rendered in the run's locale */
  message: string;
  messageId?: string;
  data?: Readonly<Record<string, string | number>>;
  range: SourceRange;
  start: Position;
  end: Position;
  /** where the finding sits in the document, when it sits on a node */
  path?: YamlPath;
  fix?: Fix;
  suggestions?: Suggestion[];
  related?: RelatedLocation[];
  /**
   * Stable across edits that move the finding: rule id + YAML path + hash of the offending value.
   * Used for SARIF partialFingerprints, GitLab fingerprints and baselines.
   */
  fingerprint: string;
}

export type DocumentKind = 'filing' | 'unit' | 'unknown';

export interface FileResult {
  filePath: string;
  kind: DocumentKind;
  findings: Finding[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  /** decoded text the positions refer to (kept for formatters that quote source) */
  source?: string;
}

/** What formatters and `ptlint rules` know about a rule. */
export interface RuleMeta {
  id: string;
  severity: SeveritySetting;
  description: LocalizedText;
  rationale?: LocalizedText;
  source?: string;
  fixable: boolean;
  hasSuggestions: boolean;
  /** the rule's documentation page; absent for rules without one (a user's own) */
  docsUrl?: string;
}

/** What every formatter receives besides the results. */
export interface FormatContext {
  /** paths in the output are shown relative to this folder */
  cwd: string;
  locale: Locale;
  color: boolean;
  /** every rule known to the run, including engine diagnostics such as parse-error */
  rules: ReadonlyMap<string, RuleMeta>;
  version: string;
}

/** A formatter renders all results of a run; file name = format name (src/formatters/<name>.ts). */
export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;

/**
 * A diagnostic raised by a pipeline stage (decoding, YAML parsing, schema validation) before rules run.
 * Collected, never thrown; `code` becomes the finding's rule id.
 */
export interface Problem {
  code: string;
  severity: Severity;
  message: LocalizedText;
  range: SourceRange;
  path?: YamlPath;
}

/**
 * A problem with the run's own inputs (a rule file, a config, a path that cannot be read): it stops the run with
 * exit code 2, naming the file, line and column.
 */
export interface SetupProblem {
  code: string;
  filePath: string;
  range?: SourceRange;
  start?: Position;
  message: LocalizedText;
}
