import { readFile } from 'node:fs/promises';
import { ConfigResolver, type ResolvedConfig } from '../config/config-resolver.js';
import { unreadable } from '../ruleset/load-yaml-file.js';
import type { FileResult, Locale, SetupProblem } from '../types.js';
import { performance } from 'node:perf_hooks';
import { collectFiles } from './collect-files.js';
import { timed, type RunStats } from './run-stats.js';
import { finalizeFile, lintFileAlone, runBatchRules, type FileInput, type FileState } from './lint.js';

export interface LintOptions {
  locale?: Locale;
  /** a config file to use for every file instead of searching upward */
  configPath?: string;
  /** reuse one resolver across runs (the language server does) */
  resolver?: ConfigResolver;
  /** collects time per phase and rule (--stats) */
  stats?: RunStats;
}

export type LintRun = { ok: true; results: FileResult[] } | { ok: false; problems: SetupProblem[] };

export type SkipFile = (filePath: string, config: ResolvedConfig) => boolean;

export type ReadInputs = { ok: true; inputs: FileInput[]; skip: SkipFile } | { ok: false; problems: SetupProblem[] };

/** Expands paths and globs and reads every file; `skip` drops files found in folders that their config ignores. */
export async function readInputs(patterns: readonly string[], cwd: string, options: Pick<LintOptions, 'stats'> = {}): Promise<ReadInputs> {
  const collected = await collectFiles(patterns, cwd);
  if (collected.problems.length > 0) return { ok: false, problems: collected.problems };
  const inputs: FileInput[] = [];
  const problems: SetupProblem[] = [];
  for (const filePath of collected.files) {
    try {
      const started = performance.now();
      inputs.push({ filePath, bytes: await readFile(filePath) });
      options.stats?.add('phase:read', performance.now() - started);
    } catch (error) {
      problems.push(unreadable(filePath, error));
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, inputs, skip: (filePath, config) => collected.discovered.has(filePath) && config.ignores(filePath) };
}

/** Lints files and folders as `ptlint check` does: one batch, results in path order. */
export async function lintPaths(patterns: readonly string[], cwd: string, options: LintOptions = {}): Promise<LintRun> {
  const read = await readInputs(patterns, cwd, options);
  if (!read.ok) return read;
  return lintInputs(read.inputs, { ...options, skip: read.skip });
}

/**
 * Lints files whose content the caller supplies (bytes from disk or an editor's text) as one batch: batch rules
 * see every file governed by the same config.
 */
export async function lintInputs(inputs: readonly FileInput[], options: LintOptions & { skip?: SkipFile } = {}): Promise<LintRun> {
  const locale = options.locale ?? 'zh';
  const resolver = options.resolver ?? new ConfigResolver({ configPath: options.configPath });
  const states: FileState[] = [];
  const problems: SetupProblem[] = [];
  const seenProblems = new Set<string>();
  for (const input of inputs) {
    const configured = await resolver.configFor(input.filePath);
    if (!configured.ok) {
      for (const problem of configured.problems) {
        const key = `${problem.filePath}:${problem.range?.start}:${problem.code}:${problem.message.en}`;
        if (!seenProblems.has(key)) problems.push(problem);
        seenProblems.add(key);
      }
      continue;
    }
    if (options.skip?.(input.filePath, configured.config)) continue;
    states.push(lintFileAlone(input, configured.config, options.stats));
  }
  if (problems.length > 0) return { ok: false, problems };
  const byRuleSet = new Map<unknown, FileState[]>();
  for (const state of states) {
    const group = byRuleSet.get(state.config.ruleSet) ?? [];
    group.push(state);
    byRuleSet.set(state.config.ruleSet, group);
  }
  for (const group of byRuleSet.values()) runBatchRules(group, options.stats);
  return { ok: true, results: states.map((state) => timed(options.stats, 'phase:finalize', () => finalizeFile(state, locale))) };
}

