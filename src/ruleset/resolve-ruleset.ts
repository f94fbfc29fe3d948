import { dirname, isAbsolute, join, resolve } from 'node:path';
import { closest } from 'fastest-levenshtein';
import { isScalar } from 'yaml';
import type { LintDocument } from '../document/lint-document.js';
import type { RuleFunction } from '../engine/function-api.js';
import { BUILT_IN_FUNCTIONS } from '../functions/index.generated.js';
import { isBundledRuleFile, packageRoot, ruleDocsUrl } from '../package-root.js';
import { chineseAjvMessage, compileSchema, pointerToPath } from '../schema/ajv.js';
import { RULESET_SCHEMA } from '../schema/schemas.js';
import { compileSelector, SelectorSyntaxError, type Selector } from '../selectors/compile-selector.js';
import type { LocalizedText, Severity, SeveritySetting, SetupProblem, YamlPath } from '../types.js';
import { BundledRules } from './bundled-rules.js';
import { loadYamlFile, setupProblem } from './load-yaml-file.js';
import { PROFILE_NAMES } from './profile-names.js';
import { RegexSafetyCheck } from './regex-safety.js';
import type { ActiveRule, CompiledRule, Options, OverrideCondition, RuleMessage, RuleSetting, RuleSourceDocument, WrittenAt } from './rule-types.js';


interface OverrideLayer {
  when: OverrideCondition;
  settings: Map<string, Partial<RuleSetting> & { at: WrittenAt }>;
}

/**
 * The rules in force for one config: every definition, the base setting of each rule, and the overrides that
 * apply by budget year and region. Built once per config file and shared by every filing it governs.
 */
export class ResolvedRuleSet {
  private readonly byCondition = new Map<string, ActiveRule[]>();

  constructor(
    readonly rules: ReadonlyMap<string, CompiledRule>,
    private readonly base: ReadonlyMap<string, RuleSetting>,
    private readonly overrides: readonly OverrideLayer[],
    /** files that make up this rule set, for cache keys and editor reloads */
    readonly files: readonly string[],
    readonly defaultRegion: string,
    /** every rule id the config defines, including rules left out by `restrictedTo` */
    readonly knownRuleIds: ReadonlySet<string> = new Set(rules.keys()),
  ) {}

  /** The rules that run on a document of this budget year and region, with their severities and options. */
  activeRules(year: number | undefined, region: string): ActiveRule[] {
    const applicable = this.overrides.filter(({ when }) => matches(when, year, region));
    const key = applicable.map((layer) => this.overrides.indexOf(layer)).join(',');
    let active = this.byCondition.get(key);
    if (!active) {
      active = [];
      for (const [id, rule] of this.rules) {
        const setting = { ...this.base.get(id)! };
        for (const layer of applicable) applySetting(setting, layer.settings.get(id));
        if (setting.severity !== 'off') active.push({ rule, severity: setting.severity, options: setting.options });
      }
      this.byCondition.set(key, active);
    }
    return active;
  }

  /** The same rule set with every other rule left out. */
  restrictedTo(ids: readonly string[]): ResolvedRuleSet {
    const keep = (id: string) => ids.includes(id);
    return new ResolvedRuleSet(
      new Map([...this.rules].filter(([id]) => keep(id))),
      new Map([...this.base].filter(([id]) => keep(id))),
      this.overrides,
      this.files,
      this.defaultRegion,
      this.knownRuleIds,
    );
  }

  /** Base severity of each rule (before year/region overrides), for `ptlint rules`. */
  baseSeverity(id: string): SeveritySetting | undefined {
    return this.base.get(id)?.severity;
  }
}

function matches(when: OverrideCondition, year: number | undefined, region: string): boolean {
  if (when.yearFrom !== undefined && (year === undefined || year < when.yearFrom)) return false;
  if (when.yearTo !== undefined && (year === undefined || year > when.yearTo)) return false;
  if (when.region !== undefined && !region.includes(when.region)) return false;
  return true;
}

function applySetting(target: RuleSetting, setting: Partial<RuleSetting> | undefined): void {
  if (!setting) return;
  if (setting.severity) target.severity = setting.severity;
  if (setting.options) target.options = { ...target.options, ...setting.options };
}

/** Accumulates layers (extends → include → own rules → overrides → severityMap) in the order they are read. */
class RuleSetBuilder {
  readonly rules = new Map<string, CompiledRule>();
  readonly settings = new Map<string, RuleSetting & { at: WrittenAt }>();
  readonly overrides: OverrideLayer[] = [];
  readonly problems: SetupProblem[] = [];
  readonly files: string[] = [];
  /** every regular expression written in the layers, checked for catastrophic backtracking once all are read */
  readonly regexSafety = new RegexSafetyCheck();
  private readonly loading = new Set<string>();
  private readonly loaded = new Set<string>();

  /** `bundled`: ptlint's own rule sets as generated plain data, checked against the files on disk as they are read */
  constructor(private readonly bundled: BundledRules) {}

  /** Loads a rule set file and everything it extends or includes. */
  async addRuleSetFile(filePath: string): Promise<void> {
    const absolute = resolve(filePath);
    if (this.loaded.has(absolute)) return;
    if (this.loading.has(absolute)) {
      this.problems.push({ code: 'extends-cycle', filePath: absolute, message: { zh: '规则集循环继承', en: 'rule sets extend each other in a cycle' } });
      return;
    }
    this.loading.add(absolute);
    // ptlint's own rule sets are validated (schema and options) by its test suite, not on every start, and come
    // from the generated snapshot while they are unchanged.
    const bundled = isBundledRuleFile(absolute);
    const snapshot = bundled ? this.bundled.document(absolute) : undefined;
    const loaded = snapshot ? { ok: true as const, document: snapshot } : await loadYamlFile(absolute, bundled ? undefined : RULESET_SCHEMA);
    this.files.push(absolute);
    if (!loaded.ok) {
      this.problems.push(...loaded.problems);
    } else {
      await this.addLayer(loaded.document, 'ruleset');
    }
    this.loading.delete(absolute);
    this.loaded.add(absolute);
  }

  /** One rule set or config document; configs may only adjust rules, not define them. */
  async addLayer(document: RuleSourceDocument, kind: 'ruleset' | 'config'): Promise<void> {
    const data = document.data as Record<string, unknown>;
    const folder = dirname(document.filePath);
    const extendsList = toList(data.extends ?? (kind === 'config' ? 'ptlint:recommended' : undefined));
    for (const [index, name] of extendsList.entries()) {
      const extendsPath: YamlPath = Array.isArray(data.extends) ? ['extends', index] : ['extends'];
      const target = resolveRuleSetReference(name, folder);
      if (!target) {
        this.problems.push(this.problemAt({ document, path: extendsPath }, 'unknown-profile', {
          zh: `未知的规则集“${name}”；内置规则集为 ${PROFILE_NAMES.map((p) => `ptlint:${p}`).join('、')}，或写相对路径`,
          en: `unknown rule set “${name}”; built-in ones are ${PROFILE_NAMES.map((p) => `ptlint:${p}`).join(', ')}, or give a relative path`,
        }));
        continue;
      }
      await this.addRuleSetFile(target);
    }
    const includes = kind === 'config' ? toList(data.ruleFiles) : toList(data.include);
    for (const pattern of includes) {
      const files = this.bundled.includes(document.filePath, pattern) ?? (await globRuleFiles(pattern, folder));
      if (files.length === 0) {
        const key = kind === 'config' ? 'ruleFiles' : 'include';
        const index = includes.indexOf(pattern);
        this.problems.push(this.problemAt({ document, path: [key, index] }, 'unreadable-file', {
          zh: `找不到规则文件“${pattern}”`,
          en: `no rule file matches “${pattern}”`,
        }));
      }
      for (const file of files) await this.addRuleSetFile(file);
    }
    const rules = (data.rules ?? {}) as Record<string, unknown>;
    for (const [id, entry] of Object.entries(rules)) {
      const at = { document, path: ['rules', id] };
      if (isDefinition(entry)) {
        if (kind === 'config') {
          this.problems.push(this.problemAt(at, 'config-defines-rule', {
            zh: '配置文件中不能定义规则：请写在规则文件中，并在 ruleFiles 中引用',
            en: 'a config cannot define rules: put them in a rule file listed under ruleFiles',
          }));
          continue;
        }
        this.define(id, entry as Record<string, unknown>, at);
      } else {
        this.adjust(id, entry, at);
      }
    }
    const overrides = toList<{ when: OverrideCondition; rules: Record<string, unknown> }>(data.overrides);
    for (const [index, { when, rules: overrideRules }] of overrides.entries()) {
      const settings = new Map<string, Partial<RuleSetting> & { at: WrittenAt }>();
      for (const [id, entry] of Object.entries(overrideRules)) {
        const at = { document, path: ['overrides', index, 'rules', id] };
        if (!this.rules.has(id)) {
          this.problems.push(this.unknownRule(id, at));
          continue;
        }
        settings.set(id, { ...parseSetting(entry), at });
      }
      this.overrides.push({ when, settings });
    }
    const severityMap = data.severityMap as Partial<Record<Severity, SeveritySetting>> | undefined;
    if (severityMap) {
      const remap = (severity: SeveritySetting | undefined) => (severity && severity !== 'off' ? (severityMap[severity] ?? severity) : severity);
      for (const setting of this.settings.values()) setting.severity = remap(setting.severity)!;
      for (const layer of this.overrides) for (const setting of layer.settings.values()) setting.severity = remap(setting.severity);
    }
  }

  private define(id: string, definition: Record<string, unknown>, at: WrittenAt): void {
    if (this.rules.has(id)) {
      this.problems.push(this.problemAt(at, 'duplicate-rule', {
        zh: `规则“${id}”已在 ${this.rules.get(id)!.definedAt.document.filePath} 中定义`,
        en: `rule “${id}” is already defined in ${this.rules.get(id)!.definedAt.document.filePath}`,
      }, 'key'));
      return;
    }
    const then = definition.then as { function: string; field?: string; options?: Options };
    const ruleFunction = (BUILT_IN_FUNCTIONS as Record<string, RuleFunction>)[then.function];
    if (!ruleFunction) {
      const names = Object.keys(BUILT_IN_FUNCTIONS);
      const nearest = names.length > 0 ? closest(then.function, names) : undefined;
      this.problems.push(this.problemAt({ document: at.document, path: [...at.path, 'then', 'function'] }, 'unknown-function', {
        zh: `没有名为“${then.function}”的内置函数${nearest ? `；是否应为“${nearest}”？` : ''}`,
        en: `no built-in function “${then.function}”${nearest ? `; did you mean “${nearest}”?` : ''}`,
      }));
      return;
    }
    const selectors = this.compileSelectors(definition.given as string | string[], at);
    if (!selectors) return;
    const scope = (definition.scope as string | undefined) ?? 'filing';
    if (scope !== ruleFunction.scope) {
      this.problems.push(this.problemAt({ document: at.document, path: [...at.path, 'then', 'function'] }, 'scope-mismatch', {
        zh: `函数“${then.function}”用于 ${ruleFunction.scope} 范围，规则的 scope 为 ${scope}`,
        en: `function “${then.function}” runs at ${ruleFunction.scope} scope but the rule's scope is ${scope}`,
      }));
      return;
    }
    const messages = new Map<string, RuleMessage>([['default', { text: definition.message as LocalizedText }]]);
    for (const [messageId, message] of Object.entries((definition.messages ?? {}) as Record<string, LocalizedText & { severity?: SeveritySetting }>)) {
      messages.set(messageId, { text: { zh: message.zh, en: message.en }, severity: message.severity });
    }
    const missing = ruleFunction.messageIds.filter((messageId) => !messages.has(messageId));
    if (missing.length > 0) {
      this.problems.push(this.problemAt(at, 'missing-message', {
        zh: `函数“${then.function}”会给出以下情形的提示，规则的 messages 中缺少：${missing.join('、')}`,
        en: `function “${then.function}” reports these cases, which the rule's messages lack: ${missing.join(', ')}`,
      }, 'key'));
      return;
    }
    const severity = definition.severity as SeveritySetting;
    this.rules.set(id, {
      id,
      meta: {
        id,
        severity,
        description: definition.description as LocalizedText,
        rationale: definition.rationale as LocalizedText | undefined,
        source: definition.source as string | undefined,
        fixable: ruleFunction.fixable === true,
        hasSuggestions: ruleFunction.suggests === true,
        docsUrl: ruleDocsUrl(id),
      },
      functionName: then.function,
      ruleFunction,
      selectors,
      field: then.field,
      messages,
      definedAt: at,
    });
    this.settings.set(id, { severity, options: then.options ?? {}, at: { document: at.document, path: [...at.path, 'then', 'options'] } });
  }

  private adjust(id: string, entry: unknown, at: WrittenAt): void {
    const current = this.settings.get(id);
    if (!current) {
      this.problems.push(this.unknownRule(id, at));
      return;
    }
    const setting = parseSetting(entry);
    applySetting(current, setting);
    if (setting.options) current.at = at;
    // A later layer's plain setting beats conditional settings of the layers it extends: a user who turns a rule
    // off means off, also where a profile raised it for recent budget years.
    for (const layer of this.overrides) {
      const earlier = layer.settings.get(id);
      if (!earlier) continue;
      if (setting.severity) delete earlier.severity;
      if (setting.options) delete earlier.options;
    }
  }

  private compileSelectors(given: string | string[], at: WrittenAt): Selector[] | undefined {
    const sources = Array.isArray(given) ? given : [given];
    const selectors: Selector[] = [];
    for (const [index, source] of sources.entries()) {
      const path = Array.isArray(given) ? [...at.path, 'given', index] : [...at.path, 'given'];
      try {
        selectors.push(compileSelector(source));
        this.regexSafety.addSelector(source, { document: at.document, path });
      } catch (error) {
        if (!(error instanceof SelectorSyntaxError)) throw error;
        this.problems.push(this.problemAt({ document: at.document, path }, 'invalid-selector', {
          zh: `选择器“${source}”第 ${error.offset + 1} 个字符处有误：${error.text.zh}`,
          en: `selector “${source}” at character ${error.offset + 1}: ${error.text.en}`,
        }));
        return undefined;
      }
    }
    return selectors;
  }

  /** Checks every rule's options, as set and as each override leaves them, against its function's schema. */
  validateOptions(): void {
    for (const [id, setting] of this.settings) {
      const rule = this.rules.get(id);
      if (!rule) continue;
      this.checkOptions(rule, setting.options, setting.at);
      for (const layer of this.overrides) {
        const override = layer.settings.get(id);
        if (override?.options) this.checkOptions(rule, { ...setting.options, ...override.options }, override.at);
      }
    }
  }

  private checkOptions(rule: CompiledRule, options: Options, at: WrittenAt): void {
    if (isBundledRuleFile(at.document.filePath)) return;
    const validate = compileSchema(rule.ruleFunction.optionsSchema);
    if (validate(options)) {
      const definition = { document: rule.definedAt.document, path: [...rule.definedAt.path, 'then', 'options'] };
      this.regexSafety.addOptions(rule.id, rule.ruleFunction.optionsSchema, options, (optionPath) => [locateOption(at, optionPath), locateOption(definition, optionPath)]);
      return;
    }
    for (const error of validate.errors ?? []) {
      const optionPath = pointerToPath(error.instancePath);
      const where = locateOption(at, optionPath);
      const name = optionPath.length > 0 ? optionPath.join('.') : String((error.params as { additionalProperty?: string }).additionalProperty ?? '');
      this.problems.push(this.problemAt(where, 'invalid-options', {
        zh: `规则“${rule.id}”的选项${name ? `“${name}”` : ''}无效：${chineseAjvMessage(error)}`,
        en: `rule “${rule.id}” option${name ? ` “${name}”` : 's'} invalid: ${error.message ?? ''}`,
      }));
    }
  }

  unknownRule(id: string, at: WrittenAt): SetupProblem {
    const names = [...this.rules.keys()];
    const nearest = names.length > 0 ? closest(id, names) : undefined;
    return this.problemAt(at, 'unknown-rule', {
      zh: `没有名为“${id}”的规则${nearest ? `；是否应为“${nearest}”？` : ''}`,
      en: `no rule named “${id}”${nearest ? `; did you mean “${nearest}”?` : ''}`,
    }, 'key');
  }

  problemAt(at: WrittenAt, code: string, message: LocalizedText, part: 'key' | 'value' = 'value'): SetupProblem {
    return setupProblem(at.document.source, code, at.document.rangeOf(at.path, part), message);
  }
}

/** Rule files matching `pattern` under `folder`, sorted; the glob library is loaded only for users' patterns. */
async function globRuleFiles(pattern: string, folder: string): Promise<string[]> {
  const { glob } = await import('tinyglobby');
  return (await glob(pattern, { cwd: folder, absolute: true })).sort();
}

/** Points at the deepest option node that exists (an option that is missing points at `options`). */
function locateOption(at: WrittenAt, optionPath: YamlPath): WrittenAt {
  const settingIsTuple = Array.isArray(at.document.valueAt(at.path));
  const base: YamlPath = at.path[at.path.length - 1] === 'options' ? at.path : settingIsTuple ? [...at.path, 1] : isScalarAt(at) ? at.path : [...at.path, 'options'];
  for (let length = optionPath.length; length >= 0; length--) {
    const path = [...base, ...optionPath.slice(0, length)];
    if (at.document.nodeAt(path)) return { document: at.document, path };
  }
  return at;
}

function isScalarAt(at: WrittenAt): boolean {
  return isScalar(at.document.nodeAt(at.path));
}

function isDefinition(entry: unknown): boolean {
  return typeof entry === 'object' && entry !== null && !Array.isArray(entry) && 'then' in entry;
}

function parseSetting(entry: unknown): Partial<RuleSetting> {
  if (typeof entry === 'string') return { severity: entry as SeveritySetting };
  if (Array.isArray(entry)) return { severity: entry[0] as SeveritySetting, options: entry[1] as Options | undefined };
  const { severity, options } = entry as Partial<RuleSetting>;
  return { severity, options };
}

function toList<T = string>(value: unknown): T[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as T[];
}

/** `ptlint:recommended` / `recommended` → the bundled profile; anything else is a path relative to `folder`. */
export function resolveRuleSetReference(name: string, folder: string): string | undefined {
  const profile = name.startsWith('ptlint:') ? name.slice('ptlint:'.length) : name;
  if ((PROFILE_NAMES as readonly string[]).includes(profile)) return join(packageRoot(), 'rules', `${profile}.yaml`);
  if (name.startsWith('ptlint:')) return undefined;
  return isAbsolute(name) ? name : resolve(folder, name);
}

export type RuleSetResult = { ok: true; ruleSet: ResolvedRuleSet } | { ok: false; problems: SetupProblem[] };

/**
 * Builds the rule set a config document describes (a `.ptlintrc.yaml`, or the default when there is none).
 * `bundled` serves ptlint's own rule files; tests pass one with an empty snapshot to read them as YAML.
 */
export async function resolveConfigRuleSet(config: LintDocument | undefined, bundled = new BundledRules()): Promise<RuleSetResult> {
  const builder = new RuleSetBuilder(bundled);
  if (config) {
    builder.files.push(config.filePath);
    await builder.addLayer(config, 'config');
  } else {
    await builder.addRuleSetFile(resolveRuleSetReference('ptlint:recommended', '.')!);
  }
  builder.validateOptions();
  builder.problems.push(...(await builder.regexSafety.problems()));
  if (builder.problems.length > 0) return { ok: false, problems: builder.problems };
  const base = new Map<string, RuleSetting>([...builder.settings].map(([id, { severity, options }]) => [id, { severity, options }]));
  const region = typeof (config?.data as { region?: unknown } | undefined)?.region === 'string' ? String((config!.data as { region: string }).region) : '';
  return { ok: true, ruleSet: new ResolvedRuleSet(builder.rules, base, builder.overrides, builder.files, region) };
}

