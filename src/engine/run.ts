import { access, constants } from 'node:fs/promises';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ConfigResolver, type ResolvedConfig } from '../config/config-resolver.js';
import { unreadable } from '../ruleset/load-yaml-file.js';
import { readSource } from '../source/read-source.js';
import type { FileResult, Locale, SetupProblem } from '../types.js';
import { collectFiles } from './collect-files.js';
import { finalizeFile, lintFileAlone, runUnitBatchRules, type FileInput, type FileState } from './lint.js';
import { timed, type RunStats } from './run-stats.js';

export interface LintOptions {
  locale?: Locale;
  /** a config file to use for every file instead of searching upward */
  configPath?: string;
  /** reuse one resolver across runs (the language server does) */
  resolver?: ConfigResolver;
  /** collects time per phase and rule (--stats) */
  stats?: RunStats;
  /** told as each file of the batch is linted (`done` of `total`), for a progress bar */
  onFile?: (filePath: string, done: number, total: number) => void;
  /** keep each file's decoded text on its result (formatters that quote source, --fix); default true */
  keepSource?: boolean;
}

export type LintRun = { ok: true; results: FileResult[] } | { ok: false; problems: SetupProblem[] };

export type SkipFile = (filePath: string, config: ResolvedConfig) => boolean;

export type ReadInputs = { ok: true; inputs: FileInput[]; skip: SkipFile } | { ok: false; problems: SetupProblem[] };

/**
 * One unit's filings: the files of one folder governed by one config. Batch rules (summary totals, name
 * consistency, double counting) compare the filings of a unit, and a unit's filings sit in one folder, so a run
 * is linted unit by unit: memory holds one unit at a time and results can be written as each unit finishes.
 */
export interface LintUnit {
  folder: string;
  files: Array<{ input: FileInput; config: ResolvedConfig }>;
}

export type PreparedRun = { ok: true; units: LintUnit[]; fileCount: number } | { ok: false; problems: SetupProblem[] };

/**
 * Expands paths and globs into inputs that are read when linted; every file is checked to be readable up front,
 * so that a path that cannot be read stops the run before anything is reported. `skip` drops files found in
 * folders that their config ignores.
 */
export async function readInputs(patterns: readonly string[], cwd: string): Promise<ReadInputs> {
  const collected = await collectFiles(patterns, cwd);
  if (collected.problems.length > 0) return { ok: false, problems: collected.problems };
  const problems: SetupProblem[] = [];
  for (const filePath of collected.files) {
    await access(filePath, constants.R_OK).catch((error: unknown) => problems.push(unreadable(filePath, error)));
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    inputs: collected.files.map((filePath) => ({ filePath })),
    skip: (filePath, config) => collected.discovered.has(filePath) && config.ignores(filePath),
  };
}

/** Lints files and folders as `ptlint check` does; results in unit (folder) order, then path order. */
export async function lintPaths(patterns: readonly string[], cwd: string, options: LintOptions = {}): Promise<LintRun> {
  const read = await readInputs(patterns, cwd);
  if (!read.ok) return read;
  return lintInputs(read.inputs, { ...options, skip: read.skip });
}

/**
 * Lints files whose content the caller supplies (bytes from disk, an editor's text, or nothing — then the file is
 * read from disk) and collects every result.
 */
export async function lintInputs(inputs: readonly FileInput[], options: LintOptions & { skip?: SkipFile } = {}): Promise<LintRun> {
  const prepared = await prepareRun(inputs, options);
  if (!prepared.ok) return prepared;
  const results: FileResult[] = [];
  for await (const unitResults of lintUnits(prepared, options)) results.push(...unitResults);
  return { ok: true, results };
}

/** Resolves every file's config (stopping on a broken one) and groups the files into units. */
export async function prepareRun(inputs: readonly FileInput[], options: LintOptions & { skip?: SkipFile } = {}): Promise<PreparedRun> {
  const resolver = options.resolver ?? new ConfigResolver({ configPath: options.configPath });
  const problems: SetupProblem[] = [];
  const seenProblems = new Set<string>();
  const units = new Map<string, LintUnit>();
  let fileCount = 0;
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
    const folder = dirname(input.filePath);
    const unit = units.get(folder) ?? { folder, files: [] };
    unit.files.push({ input, config: configured.config });
    units.set(folder, unit);
    fileCount++;
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, units: [...units.values()], fileCount };
}

/** Lints unit after unit, yielding each unit's results as soon as its batch rules have run. */
export async function* lintUnits(prepared: { units: readonly LintUnit[]; fileCount: number }, options: LintOptions = {}): AsyncGenerator<FileResult[]> {
  let done = 0;
  for (const unit of prepared.units) {
    yield lintUnit(unit, options, { done, total: prepared.fileCount });
    done += unit.files.length;
  }
}

/**
 * Lints one unit's files, then its batch rules. `progress` places the unit in a run for `onFile` (`done` files
 * before it of `total`); without it `onFile` is not told.
 */
export function lintUnit(unit: LintUnit, options: LintOptions = {}, progress?: { done: number; total: number }): FileResult[] {
  const states: FileState[] = [];
  let done = progress?.done ?? 0;
  for (const { input, config } of unit.files) {
    if (progress) options.onFile?.(input.filePath, ++done, progress.total);
    states.push(lintFileAlone(withContent(input, config.limits.maxFileBytes, options.stats), config, options.stats));
  }
  return finishUnit(states, options);
}

/** Batch rules per config within the unit, then suppressions, positions and counts per file. */
export function finishUnit(states: readonly FileState[], options: LintOptions = {}): FileResult[] {
  runUnitBatchRules(states, options.stats);
  const keepSource = options.keepSource ?? true;
  return states.map((state) => {
    const result = timed(options.stats, 'phase:finalize', () => finalizeFile(state, options.locale ?? 'zh'));
    return keepSource ? result : { ...result, source: undefined };
  });
}

/**
 * Reads a file that was named but not supplied (one over the size limit is measured, not read); a read that fails
 * now (after the up-front check) is a finding.
 * Synchronous on purpose: files are small and linted one after another, and an awaited read per file costs more
 * in scheduling than the read itself.
 */
function withContent(input: FileInput, maxFileBytes: number, stats: RunStats | undefined): FileInput {
  if (input.bytes !== undefined || input.text !== undefined) return input;
  const started = performance.now();
  try {
    return { ...input, ...readSource(input.filePath, maxFileBytes) };
  } catch (error) {
    return { ...input, unreadable: unreadable(input.filePath, error).message };
  } finally {
    stats?.add('phase:read', performance.now() - started);
  }
}
