import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { LintDocument } from '../document/lint-document.js';
import { loadYamlFile } from '../ruleset/load-yaml-file.js';
import { resolveConfigRuleSet, type ResolvedRuleSet } from '../ruleset/resolve-ruleset.js';
import { CONFIG_SCHEMA } from '../schema/schemas.js';
import type { SetupProblem } from '../types.js';
import { limitsFrom, type Limits } from './limits.js';

export const CONFIG_FILE_NAMES = ['.ptlintrc.yaml', '.ptlintrc.yml'] as const;

export interface ResolvedConfig {
  /** absent when no config file was found and the default profile applies */
  configPath?: string;
  ruleSet: ResolvedRuleSet;
  limits: Limits;
  /** whether a file is excluded by the config's `ignores` */
  ignores(filePath: string): boolean;
}

export interface ConfigResolverOptions {
  /** a config file to use for every file instead of searching upward (--config) */
  configPath?: string;
  /** run only these rules (e.g. a rule's own test cases); their severities and options stay as configured */
  onlyRules?: readonly string[];
}

export type ConfigResult = { ok: true; config: ResolvedConfig } | { ok: false; problems: SetupProblem[] };

/**
 * Finds the config for each linted file by searching upward from its folder for `.ptlintrc.yaml` (or uses the one
 * given with --config), and builds each config's rule set once. The CLI and the language server share it.
 */
export class ConfigResolver {
  private readonly configPathByFolder = new Map<string, string | undefined>();
  private readonly configByPath = new Map<string, Promise<ConfigResult>>();

  constructor(private readonly options: ConfigResolverOptions = {}) {}

  async configFor(filePath: string): Promise<ConfigResult> {
    const explicit = this.options.configPath;
    const configPath = explicit ? resolve(explicit) : this.findConfigPath(dirname(resolve(filePath)));
    const key = configPath ?? '';
    let result = this.configByPath.get(key);
    if (!result) {
      result = loadConfig(configPath).then((loaded) => (loaded.ok && this.options.onlyRules ? restrict(loaded.config, this.options.onlyRules) : loaded));
      this.configByPath.set(key, result);
    }
    return result;
  }

  /** Forgets everything loaded, e.g. after a config or rule file changed in the editor. */
  clear(): void {
    this.configPathByFolder.clear();
    this.configByPath.clear();
  }

  /**
   * The nearest config at or above `folder`, remembered per folder. Looked up synchronously: a handful of existence
   * checks, each far cheaper than the round trip an awaited one costs.
   */
  private findConfigPath(folder: string): string | undefined {
    if (this.configPathByFolder.has(folder)) return this.configPathByFolder.get(folder);
    let found = CONFIG_FILE_NAMES.map((name) => join(folder, name)).find((candidate) => existsSync(candidate));
    if (!found) {
      const parent = dirname(folder);
      found = parent === folder ? undefined : this.findConfigPath(parent);
    }
    this.configPathByFolder.set(folder, found);
    return found;
  }
}

async function loadConfig(configPath: string | undefined): Promise<ConfigResult> {
  let document: LintDocument | undefined;
  if (configPath) {
    const loaded = await loadYamlFile(configPath, CONFIG_SCHEMA);
    if (!loaded.ok) return { ok: false, problems: loaded.problems };
    document = loaded.document;
  }
  const built = await resolveConfigRuleSet(document);
  if (!built.ok) return built;
  const patterns = ((document?.data as { ignores?: string[] } | undefined)?.ignores ?? []).slice();
  // the matcher library is loaded only for configs that ignore something
  const matcher = patterns.length > 0 ? (await import('picomatch')).default(patterns, { dot: true }) : undefined;
  const base = configPath ? dirname(configPath) : process.cwd();
  return {
    ok: true,
    config: {
      configPath,
      ruleSet: built.ruleSet,
      limits: limitsFrom(document?.data),
      ignores: (filePath) => (matcher ? matcher(relative(base, resolve(filePath)).split('\\').join('/')) : false),
    },
  };
}

function restrict(config: ResolvedConfig, onlyRules: readonly string[]): ConfigResult {
  const unknown = onlyRules.filter((id) => !config.ruleSet.rules.has(id));
  if (unknown.length > 0) {
    return {
      ok: false,
      problems: [{ code: 'unknown-rule', filePath: '--only', message: { zh: `没有这些规则：${unknown.join('、')}`, en: `no such rules: ${unknown.join(', ')}` } }],
    };
  }
  return { ok: true, config: { ...config, ruleSet: config.ruleSet.restrictedTo(onlyRules) } };
}
