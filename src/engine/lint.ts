import { performance } from 'node:perf_hooks';
import * as crypto from 'node:crypto';
import { LintDocument } from '../document/lint-document.js';
import { parseYaml } from '../parse/parse-yaml.js';
import type { ResolvedConfig } from '../config/config-resolver.js';
import { depthOf } from '../config/limits.js';
import type { ActiveRule, CompiledRule } from '../ruleset/rule-types.js';
import { validateDocument } from '../schema/validate-document.js';
import type { Selected, Selector } from '../selectors/compile-selector.js';
import { decodeBytes } from '../source/decode.js';
import { childPath } from '../domain/field-paths.js';
import { SourceFile } from '../source/source-file.js';
import type { FileResult, Finding, Fix, LocalizedText, Locale, Problem, RelatedLocation, Severity, SourceRange, YamlPath } from '../types.js';
import { documentFacts } from './document-facts.js';
import { timed, type RunStats } from './run-stats.js';
import type { BatchContext, BatchTarget, DocumentFacts, FilingContext, FilingFunction, FunctionReport, MessageData } from './function-api.js';
import { renderMessage } from './render-message.js';
import { countSeverities } from './severity-counts.js';
import { findSuppressions, suppressionFor, type Suppression } from './suppressions.js';

/** One file on its way through the pipeline. */
export interface FileState {
  filePath: string;
  source: SourceFile;
  /** absent when the bytes could not be decoded or the YAML could not be read */
  document?: LintDocument;
  facts?: DocumentFacts;
  config: ResolvedConfig;
  pending: PendingFinding[];
}

/** A finding before suppression and rendering: messages stay in both languages until the locale is applied. */
interface PendingFinding {
  ruleId: string;
  severity: Severity;
  text: LocalizedText;
  messageId?: string;
  data?: MessageData;
  range: SourceRange;
  path?: YamlPath;
  fix?: Fix;
  suggestions?: Array<{ text: LocalizedText; data?: MessageData; fix: Fix }>;
  related?: Array<Omit<RelatedLocation, 'message'> & { text?: LocalizedText; data?: MessageData }>;
}

export interface FileInput {
  filePath: string;
  /** raw bytes as read from disk; or `text` when the caller already holds decoded text (an editor buffer) */
  bytes?: Uint8Array;
  text?: string;
  /** why the file could not be read, when it could not */
  unreadable?: LocalizedText;
  /** size of a file left unread because it is over limits.maxFileBytes (see readSource) */
  oversizeBytes?: number;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Decoding, parsing, schema checks and filing-scope rules for one file. */
export function lintFileAlone(input: FileInput, config: ResolvedConfig, stats?: RunStats): FileState {
  const { limits } = config;
  if (input.unreadable) {
    const state: FileState = { filePath: input.filePath, source: new SourceFile(input.filePath, ''), config, pending: [] };
    addProblem(state, { code: 'encoding-error', severity: 'error', range: { start: 0, end: 0 }, message: { zh: `无法读取：${input.unreadable.zh}`, en: `cannot be read: ${input.unreadable.en}` } });
    return state;
  }
  const size = input.oversizeBytes ?? input.bytes?.length ?? Buffer.byteLength(input.text ?? '');
  if (size > limits.maxFileBytes) {
    const [sizeText, limitText] = formatSizes(size, limits.maxFileBytes);
    const state: FileState = { filePath: input.filePath, source: new SourceFile(input.filePath, ''), config, pending: [] };
    addProblem(state, {
      code: 'limit-exceeded',
      severity: 'error',
      range: { start: 0, end: 0 },
      message: {
        zh: `文件有 ${sizeText}，超过了 ${limitText} 的上限，未检查（上限可在 .ptlintrc.yaml 的 limits.maxFileBytes 中调整）`,
        en: `the file has ${sizeText}, over the ${limitText} limit; not linted (see limits.maxFileBytes in .ptlintrc.yaml)`,
      },
    });
    return state;
  }
  const decoded = input.text !== undefined ? { ok: true as const, text: stripBom(input.text) } : timed(stats, 'phase:decode', () => decodeBytes(input.bytes ?? new Uint8Array()));
  if (!decoded.ok) {
    const source = new SourceFile(input.filePath, '');
    const state: FileState = { filePath: input.filePath, source, config, pending: [] };
    addProblem(state, {
      code: 'encoding-error',
      severity: 'error',
      range: { start: 0, end: 0 },
      message:
        decoded.reason === 'binary'
          ? { zh: `文件不是文本（第 ${decoded.offset} 字节为 NUL），无法作为申报表检查`, en: `not a text file (NUL byte at ${decoded.offset}); cannot lint it as a filing` }
          : decoded.reason === 'unsupported-encoding'
            ? { zh: `文件编码为 ${decoded.encoding}，请另存为 UTF-8`, en: `file is encoded as ${decoded.encoding}; save it as UTF-8` }
            : { zh: `文件不是有效的 UTF-8 文本（第 ${decoded.offset} 字节），请另存为 UTF-8`, en: `invalid UTF-8 at byte ${decoded.offset}; save the file as UTF-8` },
    });
    return state;
  }
  const parsed = timed(stats, 'phase:parse', () => parseYaml(input.filePath, decoded.text));
  const state: FileState = { filePath: input.filePath, source: parsed.source, config, pending: [] };
  for (const problem of parsed.problems) addProblem(state, problem);
  if (parsed.problems.some((problem) => problem.severity === 'error' && problem.code !== 'duplicate-key')) return state;
  let data: unknown;
  try {
    data = timed(stats, 'phase:compose', () => parsed.toData(limits.maxAliases));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const tooManyAliases = /alias count/i.test(reason);
    addProblem(state, {
      code: tooManyAliases ? 'limit-exceeded' : 'parse-error',
      severity: 'error',
      range: { start: 0, end: 0 },
      message: tooManyAliases
        ? {
            zh: `YAML 别名（*名称）展开次数超过上限 ${limits.maxAliases}，未检查（上限见 limits.maxAliases）`,
            en: `YAML aliases expand more than ${limits.maxAliases} times; not linted (see limits.maxAliases)`,
          }
        : { zh: `YAML 无法读取：${reason}`, en: `YAML cannot be read: ${reason}` },
    });
    return state;
  }
  if (depthOf(data, limits.maxDepth) > limits.maxDepth) {
    addProblem(state, {
      code: 'limit-exceeded',
      severity: 'error',
      range: { start: 0, end: 0 },
      message: { zh: `嵌套层数超过上限 ${limits.maxDepth}，未检查（上限见 limits.maxDepth）`, en: `nesting deeper than ${limits.maxDepth} levels; not linted (see limits.maxDepth)` },
    });
    return state;
  }
  const document = new LintDocument(parsed.source, parsed.contents, data);
  state.document = document;
  for (const problem of timed(stats, 'phase:schema', () => validateDocument(document))) addProblem(state, problem);
  if (document.kind === 'unknown') return state;
  state.facts = documentFacts(document, config.ruleSet.defaultRegion);
  runFilingRules(state, stats);
  return state;
}

/**
 * What each `given` selector picks out of one document, by the selector's source text. Most filing rules share a
 * handful of selectors ($.绩效指标[*], $.绩效指标, $), so each is evaluated once per document instead of once per
 * rule. The selections are shared: their paths are read-only (YamlPath) and the values are the document's plain
 * data, which rules never change.
 */
type Selections = Map<string, readonly Selected[]>;

function selectionOf(selections: Selections, selector: Selector, data: unknown): readonly Selected[] {
  let selected = selections.get(selector.source);
  if (!selected) {
    selected = selector.select(data);
    selections.set(selector.source, selected);
  }
  return selected;
}

function activeRulesOf(state: FileState): ActiveRule[] {
  return state.config.ruleSet.activeRules(state.facts?.year, state.facts?.region ?? '');
}

/**
 * The context every filing rule of one document is handed, one object per document: the engine points it at each
 * rule in turn (`active`) and, while the rule runs, at the value being checked (`targetPath`), where `report` places
 * findings that name no path. A rule gets the context for the duration of its `run` calls; a report made after its
 * run returned is not supported. `report` and `facts` are bound functions, so a rule may pass them around.
 */
class FilingRuleContext implements FilingContext {
  ruleId = '';
  active: ActiveRule | undefined;
  targetPath: YamlPath = [];
  readonly document: LintDocument;

  constructor(readonly state: FileState) {
    this.document = state.document!;
  }

  readonly facts = (other: LintDocument): DocumentFacts =>
    other === this.document ? this.state.facts! : documentFacts(other, this.state.config.ruleSet.defaultRegion);

  readonly report = (report: FunctionReport): void => pushReport(this.state, this.active!, report, this.targetPath);
}

/**
 * Every filing-scope rule in force on the document, in rule set order, under the same guard as batch rules (see
 * guard): a throw becomes a rule-failed finding, and so does a run over limits.ruleMilliseconds. One clock reading
 * ends a rule and starts the next; the loop between them is the engine's, a few array reads.
 */
function runFilingRules(state: FileState, stats: RunStats | undefined): void {
  const document = state.document!;
  const selections: Selections = new Map();
  const context = new FilingRuleContext(state);
  const budget = state.config.limits.ruleMilliseconds;
  let started = performance.now();
  for (const active of activeRulesOf(state)) {
    const rule = active.rule;
    const ruleFunction = rule.ruleFunction;
    if (ruleFunction.scope !== 'filing') continue;
    context.ruleId = rule.id;
    context.active = active;
    let failure: unknown;
    let failed = false;
    try {
      runFilingRule(ruleFunction, active, document.data, selections, context);
    } catch (error) {
      failure = error;
      failed = true;
    }
    const now = performance.now();
    const elapsed = now - started;
    started = now;
    if (failed) ruleFailed(state, rule, thrownReason(failure));
    else if (elapsed > budget) ruleFailed(state, rule, overBudget(elapsed, budget));
    if (stats) stats.add(`rule:${rule.id}`, elapsed);
  }
}

/**
 * One filing rule over what its selectors pick out of the document (or a field of each, with `field`). `run` is read
 * off the rule function once: the 41-odd rule functions differ in shape, and a lookup per selected value would be a
 * megamorphic one.
 */
function runFilingRule(ruleFunction: FilingFunction<never>, active: ActiveRule, data: unknown, selections: Selections, context: FilingRuleContext): void {
  const run = ruleFunction.run;
  const field = active.rule.field;
  const options = active.options as never;
  const selectors = active.rule.selectors;
  for (let selectorIndex = 0; selectorIndex < selectors.length; selectorIndex++) {
    const selection = selectionOf(selections, selectors[selectorIndex], data);
    for (let index = 0; index < selection.length; index++) {
      const selected = selection[index];
      if (field === undefined) {
        context.targetPath = selected.path;
        run.call(ruleFunction, selected, options, context);
      } else if (selected.value !== null && typeof selected.value === 'object') {
        const target = { path: childPath(selected.path, field), value: (selected.value as Record<string, unknown>)[field] };
        context.targetPath = target.path;
        run.call(ruleFunction, target, options, context);
      }
    }
  }
}

/** The batch rules of one unit (folder): the unit's files grouped by the rule set that governs them. */
export function runUnitBatchRules(states: readonly FileState[], stats?: RunStats): void {
  const byRuleSet = new Map<unknown, FileState[]>();
  for (const state of states) byRuleSet.set(state.config.ruleSet, [...(byRuleSet.get(state.config.ruleSet) ?? []), state]);
  for (const group of byRuleSet.values()) runBatchRules(group, stats);
}

/**
 * Batch rules over every document governed by one rule set; each finding lands in the file it names, with the
 * severity in force in that file (overrides by budget year and region differ from filing to filing), and not at
 * all in a file where the rule is off. Every document of the group is compared, including those where the rule is
 * off. A batch rule runs once per group, with the options in force in the first file (in path order) where it is on.
 */
export function runBatchRules(states: readonly FileState[], stats?: RunStats): void {
  const linted = states.filter((state) => state.document && state.facts);
  if (linted.length === 0) return;
  const stateOf = new Map(linted.map((state) => [state.document!, state]));
  const documents = linted.map((state) => state.document!);
  const first = linted[0];
  const activeIn = new Map(linted.map((state) => [state, new Map(activeRulesOf(state).map((active) => [active.rule.id, active]))]));
  const batchRules = new Map<string, { active: ActiveRule; state: FileState }>();
  for (const state of linted) {
    for (const active of activeIn.get(state)!.values()) {
      if (active.rule.ruleFunction.scope === 'batch' && !batchRules.has(active.rule.id)) batchRules.set(active.rule.id, { active, state });
    }
  }
  for (const { active, state: owner } of batchRules.values()) {
    const ruleFunction = active.rule.ruleFunction;
    if (ruleFunction.scope !== 'batch') continue;
    const targets: BatchTarget[] = [];
    for (const state of linted) {
      for (const selector of active.rule.selectors) {
        for (const selected of selector.select(state.document!.data)) targets.push({ path: selected.path, value: selected.value, document: state.document! });
      }
    }
    const context: BatchContext = {
      ruleId: active.rule.id,
      documents,
      facts: (document) => stateOf.get(document)?.facts ?? documentFacts(document, first.config.ruleSet.defaultRegion),
      report: (document, report) => {
        const state = stateOf.get(document);
        const inForce = state && activeIn.get(state)!.get(active.rule.id);
        if (inForce) pushReport(state, inForce, report, []);
      },
    };
    timed(stats, `rule:${active.rule.id}`, () => guard(owner, active.rule, () => ruleFunction.run(targets, active.options as never, context)));
  }
}

/**
 * A rule that throws, or that takes longer than `limits.ruleMilliseconds`, becomes a `rule-failed` finding on the
 * file; the run goes on. Synchronous rules cannot be interrupted, so the budget is checked when the rule returns:
 * it flags a rule that is too slow for the input, and the regex safety check at load time keeps patterns linear.
 * (Filing rules get the same treatment inline, in runFilingRules.)
 */
function guard(state: FileState, rule: CompiledRule, run: () => void): void {
  const budget = state.config.limits.ruleMilliseconds;
  const started = performance.now();
  try {
    run();
  } catch (error) {
    ruleFailed(state, rule, thrownReason(error));
    return;
  }
  const elapsed = performance.now() - started;
  if (elapsed > budget) ruleFailed(state, rule, overBudget(elapsed, budget));
}

function thrownReason(error: unknown): LocalizedText {
  const message = error instanceof Error ? error.message : String(error);
  return { zh: message, en: message };
}

function overBudget(elapsed: number, budget: number): LocalizedText {
  return {
    zh: `用时 ${Math.round(elapsed)} 毫秒，超过了 ${budget} 毫秒的上限（limits.ruleMilliseconds）`,
    en: `took ${Math.round(elapsed)} ms, over the ${budget} ms budget (limits.ruleMilliseconds)`,
  };
}

function ruleFailed(state: FileState, rule: CompiledRule, reason: LocalizedText): void {
  state.pending.push({
    ruleId: 'rule-failed',
    severity: 'error',
    text: { zh: '规则 {{rule}} 运行失败：{{reason}}', en: 'rule {{rule}} failed: {{reasonEn}}' },
    data: { rule: rule.id, reason: reason.zh, reasonEn: reason.en },
    range: { start: 0, end: 0 },
  });
}

function pushReport(state: FileState, active: ActiveRule, report: FunctionReport, targetPath: YamlPath): void {
  const document = state.document!;
  const message = active.rule.messages.get(report.messageId ?? 'default') ?? active.rule.messages.get('default')!;
  if (message.severity === 'off') return;
  const severity = message.severity && SEVERITY_RANK[message.severity] < SEVERITY_RANK[active.severity] ? message.severity : active.severity;
  const path = report.path ?? targetPath;
  state.pending.push({
    ruleId: active.rule.id,
    severity,
    text: message.text,
    messageId: report.messageId,
    data: report.data,
    range: report.range ?? document.rangeOf(path, report.part ?? 'value'),
    path,
    fix: report.fix,
    suggestions: report.suggestions?.map((suggestion) => ({
      text: (active.rule.messages.get(suggestion.messageId) ?? message).text,
      data: suggestion.data,
      fix: suggestion.fix,
    })),
    related: report.related?.map((location) => {
      const range = location.range ?? location.document.rangeOf(location.path, location.part ?? 'value');
      return {
        filePath: location.document.filePath,
        range,
        start: location.document.source.position(range.start),
        end: location.document.source.position(range.end),
        text: location.messageId ? active.rule.messages.get(location.messageId)?.text : undefined,
        data: location.data,
      };
    }),
  });
}

function addProblem(state: FileState, problem: Problem): void {
  state.pending.push({ ruleId: problem.code, severity: problem.severity, text: problem.message, range: problem.range, path: problem.path });
}

/** Applies suppressions, derives positions and fingerprints, sorts, and counts. */
export function finalizeFile(state: FileState, locale: Locale): FileResult {
  const source = state.source;
  const suppressions = findSuppressions(source);
  const findings: Finding[] = [];
  const seenFingerprints = new Map<string, number>();
  for (const pending of state.pending) {
    const start = source.position(pending.range.start);
    if (suppressionFor(suppressions, pending.ruleId, start.line)) continue;
    const base = fingerprintOf(pending.ruleId, pending.path, source.text.slice(pending.range.start, pending.range.end));
    const occurrence = seenFingerprints.get(base) ?? 0;
    seenFingerprints.set(base, occurrence + 1);
    findings.push({
      ruleId: pending.ruleId,
      severity: pending.severity,
      message: renderMessage(pending.text, locale, pending.data),
      messageId: pending.messageId,
      data: pending.data,
      range: pending.range,
      path: pending.path,
      fix: pending.fix,
      suggestions: pending.suggestions?.map(({ text, data, fix }) => ({ message: renderMessage(text, locale, data), fix })),
      related: pending.related?.map(({ text, data, ...location }) => ({ ...location, message: text ? renderMessage(text, locale, data) : '' })),
      start,
      end: source.position(pending.range.end),
      fingerprint: occurrence === 0 ? base : `${base}:${occurrence}`,
    });
  }
  const ruleSet = state.config.ruleSet;
  const notRunHere = (ruleId: string) => ruleSet.knownRuleIds.has(ruleId) && !ruleSet.rules.has(ruleId);
  findings.push(...unusedSuppressions(suppressions, source, locale, notRunHere));
  // rule ids are kebab-case ASCII: code-unit order, without loading ICU's collator (~10 ms of every start)
  findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  const counts = countSeverities(findings);
  return {
    filePath: state.filePath,
    kind: state.document?.kind ?? 'unknown',
    findings,
    errorCount: counts.error,
    warningCount: counts.warning,
    infoCount: counts.info,
    source: source.text,
  };
}

/**
 * Directives that suppressed nothing. A directive for a rule that exists but did not run (left out by --only) is
 * not reported: it may well be needed when every rule runs.
 */
function unusedSuppressions(suppressions: readonly Suppression[], source: SourceFile, locale: Locale, notRunHere: (ruleId: string) => boolean): Finding[] {
  const findings: Finding[] = [];
  for (const suppression of suppressions) {
    const unused =
      suppression.ruleIds.length === 0
        ? suppression.used.size === 0
          ? ['*']
          : []
        : suppression.ruleIds.filter((id) => !suppression.used.has(id) && !notRunHere(id));
    for (const ruleId of unused) {
      const data = { rule: ruleId === '*' ? (locale === 'zh' ? '所有规则' : 'all rules') : ruleId };
      findings.push({
        ruleId: 'unused-suppression',
        severity: 'warning',
        message: renderMessage({ zh: '这条 ptlint-disable 注释没有屏蔽任何问题（{{rule}}），请删除', en: 'this ptlint-disable comment suppresses nothing ({{rule}}); remove it' }, locale, data),
        data,
        range: suppression.range,
        start: source.position(suppression.range.start),
        end: source.position(suppression.range.end),
        fingerprint: fingerprintOf('unused-suppression', undefined, source.text.slice(suppression.range.start, suppression.range.end) + ruleId),
      });
    }
  }
  return findings;
}

/** rule id + YAML path + hash of the offending text: stable when lines move, new when the value changes. */
export function fingerprintOf(ruleId: string, path: YamlPath | undefined, text: string): string {
  return sha1Hex(`${ruleId}\u0000${(path ?? []).join('/')}\u0000${text}`).slice(0, 16);
}

/**
 * SHA-1 of a string in hex. Every finding gets a fingerprint, so where Node has the one-shot crypto.hash (20.12 and
 * later) it is used: it spares a Hash object per finding and hashes in about half the time.
 */
const sha1Hex: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha1', text, 'hex') : (text) => crypto.createHash('sha1').update(text).digest('hex');

/** A file's size and the limit, in bytes when rounding would make them read the same. */
function formatSizes(size: number, limit: number): [string, string] {
  const rounded = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);
  if (rounded(size) !== rounded(limit)) return [rounded(size), rounded(limit)];
  const exact = (bytes: number) => `${bytes.toLocaleString('en-US')} B`;
  return [exact(size), exact(limit)];
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

