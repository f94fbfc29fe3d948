import type { Decimal } from 'decimal.js';
import type { LintDocument, NodePart } from '../document/lint-document.js';
import type { SchemaNode } from '../schema/schemas.js';
import type { Selected } from '../selectors/compile-selector.js';
import type { MoneyParse } from '../values/money.js';
import type { ParsedTarget } from '../values/target.js';
import type { Fix, SourceRange, YamlPath } from '../types.js';

/** Values a message template may interpolate as `{{name}}`. */
export type MessageData = Readonly<Record<string, string | number>>;

/** A place in some linted document: a node (by path and part) or an explicit range. */
export interface Location {
  document: LintDocument;
  path: YamlPath;
  part?: NodePart;
  range?: SourceRange;
}

export interface SuggestionReport {
  /** key into the rule's `messages` */
  messageId: string;
  data?: MessageData;
  fix: Fix;
}

export interface RelatedReport extends Location {
  messageId?: string;
  data?: MessageData;
}

export interface FunctionReport {
  /** key into the rule's `messages`; the rule's `message` when omitted */
  messageId?: string;
  data?: MessageData;
  /** where the finding sits; the selected value when omitted */
  path?: YamlPath;
  part?: NodePart;
  /** an exact range inside the document, overriding path/part */
  range?: SourceRange;
  fix?: Fix;
  suggestions?: SuggestionReport[];
  related?: RelatedReport[];
}

export interface IndicatorTarget {
  target: ParsedTarget;
  /** 年度指标值 (or 数值 in split-column templates); the row itself when neither key exists */
  path: YamlPath;
}

/** Per-document derived facts, computed once and shared by every rule. */
export interface DocumentFacts {
  /** the 指标值 at a path, parsed once */
  target(path: YamlPath): ParsedTarget;
  /**
   * The annual target of an indicator row, whether written in 年度指标值 or split into 比较符 / 数值 / 计量单位,
   * with the path a finding about it should sit on.
   */
  indicatorTarget(rowPath: YamlPath): IndicatorTarget;
  /** the amount at a path in 元, read from the YAML source text (never a float) */
  money(path: YamlPath): MoneyParse;
  /** 年度 as written, when an integer */
  readonly year: number | undefined;
  /** 地区, else the names of the departments, else the config's region */
  readonly region: string;
}

interface ContextBase {
  readonly ruleId: string;
  facts(document: LintDocument): DocumentFacts;
}

export interface FilingContext extends ContextBase {
  readonly document: LintDocument;
  report(report: FunctionReport): void;
}

export interface BatchTarget extends Selected {
  document: LintDocument;
}

export interface BatchContext extends ContextBase {
  /** every document of the run, filings and unit summaries alike */
  readonly documents: readonly LintDocument[];
  report(document: LintDocument, report: FunctionReport): void;
}

interface FunctionBase {
  /** JSON Schema of the options, checked when the rule set loads */
  optionsSchema: SchemaNode;
  /** message ids the function may report; each needs an entry in the rule's `messages` (`default` = `message`) */
  messageIds: readonly string[];
  /** whether reports may carry a fix applied by --fix */
  fixable?: boolean;
  /** whether reports may carry suggestions offered to the editor */
  suggests?: boolean;
}

export interface FilingFunction<Options = Record<string, unknown>> extends FunctionBase {
  scope: 'filing';
  run(target: Selected, options: Options, context: FilingContext): void;
}

export interface BatchFunction<Options = Record<string, unknown>> extends FunctionBase {
  scope: 'batch';
  run(targets: readonly BatchTarget[], options: Options, context: BatchContext): void;
}

export type RuleFunction = FilingFunction<never> | BatchFunction<never>;

/** Identity helpers that give a function's `run` its options type. */
export function defineFilingFunction<Options>(definition: Omit<FilingFunction<Options>, 'scope'>): FilingFunction<Options> {
  return { scope: 'filing', ...definition };
}

export function defineBatchFunction<Options>(definition: Omit<BatchFunction<Options>, 'scope'>): BatchFunction<Options> {
  return { scope: 'batch', ...definition };
}

export type { Decimal };
