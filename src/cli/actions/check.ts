import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { ConfigResolver } from '../../config/config-resolver.js';
import { engineDiagnosticMeta } from '../../engine/engine-diagnostics.js';
import { createTwoFilesPatch } from 'diff';
import { applyBaseline, readBaseline, writeBaseline } from '../../engine/baseline.js';
import { fixInputs } from '../../engine/fix-files.js';
import { lintUnitsInParallel, PARALLEL_THRESHOLD } from '../../engine/parallel-lint.js';
import { LintCache } from '../../engine/lint-cache.js';
import { lintUnits, prepareRun, readInputs, type LintOptions, type LintRun, type LintUnit } from '../../engine/run.js';
import { RunStats, timed } from '../../engine/run-stats.js';
import { writeFileAtomically } from '../../engine/write-atomically.js';
import { unreadable } from '../../ruleset/load-yaml-file.js';
import { encodeLike } from '../../source/encode.js';
import { FORMATTERS } from '../../formatters/index.generated.js';
import { cliMessage } from '../../i18n/cli-messages.js';
import { packageVersion } from '../../package-root.js';
import { createProgress } from '../../progress/progress-bar.js';
import type { FileResult, Locale, RuleMeta } from '../../types.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_SETUP, renderSetupProblems, type CliIO } from '../cli-io.js';

export interface CheckOptions {
  format: string;
  output?: string;
  maxWarnings?: string;
  quiet?: boolean;
  config?: string;
  locale: string;
  color?: boolean;
  only?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  baseline?: string;
  writeBaseline?: string;
  stats?: boolean;
  jobs?: string;
  cache?: boolean;
  cacheLocation?: string;
}

export async function check(paths: string[], options: CheckOptions, io: CliIO): Promise<number> {
  const locale = options.locale as Locale;
  const formatter = (FORMATTERS as Record<string, (typeof FORMATTERS)[keyof typeof FORMATTERS]>)[options.format];
  if (!formatter) {
    io.stderr(cliMessage('unknownFormat', locale, { format: options.format, formats: Object.keys(FORMATTERS).join(', ') }) + '\n');
    return EXIT_SETUP;
  }
  const maxWarnings = options.maxWarnings === undefined ? -1 : Number(options.maxWarnings);
  if (!Number.isInteger(maxWarnings) || (options.maxWarnings !== undefined && maxWarnings < 0)) {
    io.stderr(cliMessage('badMaxWarnings', locale) + '\n');
    return EXIT_SETUP;
  }
  const configPath = options.config ? resolve(io.cwd, options.config) : undefined;
  const onlyRules = options.only?.split(/[,，\s]+/).filter(Boolean);
  const stats = options.stats ? new RunStats() : undefined;
  const progress = createProgress({ output: io });
  const onFile = (filePath: string, done: number, total: number): void => progress.update(done, total, relative(io.cwd, filePath));
  const keepSource = ['html', 'json'].includes(options.format) || Boolean(options.fix || options.fixDryRun);
  const lintOptions = { locale, resolver: new ConfigResolver({ configPath, onlyRules }), stats, onFile, keepSource };
  const jobs = options.jobs === undefined ? availableParallelism() : Number(options.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) {
    io.stderr(cliMessage('badJobs', locale) + '\n');
    return EXIT_SETUP;
  }
  const run =
    options.fix || options.fixDryRun
      ? await lintAndFix(paths, lintOptions, Boolean(options.fixDryRun), io)
      : await lintForReport(paths, io.cwd, lintOptions, {
          jobs: stats ? 1 : jobs,
          configPath,
          onlyRules,
          cacheLocation: options.cache || options.cacheLocation ? resolve(io.cwd, options.cacheLocation ?? '.ptlintcache') : undefined,
        });
  progress.done();
  if (!run.ok) {
    io.stderr(renderSetupProblems(run.problems, io.cwd, locale));
    return EXIT_SETUP;
  }
  if (run.results.length === 0) {
    io.stderr(cliMessage('noFiles', locale) + '\n');
    return EXIT_SETUP;
  }
  let linted = run.results;
  if (options.writeBaseline) await writeBaseline(linted, resolve(io.cwd, options.writeBaseline));
  if (options.baseline) {
    const baseline = await readBaseline(resolve(io.cwd, options.baseline));
    if (!baseline.ok) {
      io.stderr(renderSetupProblems(baseline.problems, io.cwd, locale));
      return EXIT_SETUP;
    }
    const applied = applyBaseline(linted, baseline.entries, resolve(io.cwd, options.baseline));
    linted = applied.results;
    if (applied.stale.length > 0) io.stderr(cliMessage('staleBaseline', locale, { count: applied.stale.length, file: options.baseline }) + '\n');
  }
  const results = options.quiet ? linted.map(errorsOnly) : linted;
  const rules = await ruleMetaFor(run.results, configPath, io.cwd);
  const color = options.color ?? (io.colorSupported && options.output === undefined);
  const report = timed(stats, 'phase:format', () => formatter(results, { cwd: io.cwd, locale, color, rules, version: packageVersion() }));
  if (stats) io.stderr(stats.render());
  if (options.output) {
    try {
      await writeFile(resolve(io.cwd, options.output), report);
    } catch (error) {
      io.stderr(cliMessage('outputFailed', locale, { file: options.output, reason: (error as Error).message }) + '\n');
    }
  } else if (report) {
    io.stdout(report.endsWith('\n') ? report : report + '\n');
  }
  const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
  if (errors > 0) return EXIT_FINDINGS;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr(cliMessage('tooManyWarnings', locale, { count: warnings, max: maxWarnings }) + '\n');
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/**
 * Lints for a report: unit by unit on this thread, or on `jobs` worker threads when the run is big enough to
 * repay starting them (--stats always runs on one thread, where the timings are collected).
 */
async function lintForReport(
  paths: string[],
  cwd: string,
  options: LintOptions & { locale: Locale; keepSource: boolean },
  parallel: { jobs: number; configPath?: string; onlyRules?: string[]; cacheLocation?: string },
): Promise<LintRun> {
  const read = await readInputs(paths, cwd);
  if (!read.ok) return read;
  const prepared = await prepareRun(read.inputs, { ...options, skip: read.skip });
  if (!prepared.ok) return prepared;
  const cache = parallel.cacheLocation
    ? await LintCache.open(parallel.cacheLocation, JSON.stringify([parallel.onlyRules ?? null, options.locale, options.keepSource]))
    : undefined;
  const cached = new Map<number, FileResult[]>();
  const keys = new Map<number, string>();
  const toLint: LintUnit[] = [];
  const toLintIndex: number[] = [];
  for (const [index, unit] of prepared.units.entries()) {
    let unitToLint = unit;
    if (cache) {
      const { key, unit: withBytes } = cache.keyOf(unit);
      const hit = cache.get(unit.folder, key);
      if (hit) {
        cached.set(index, hit);
        continue;
      }
      keys.set(index, key);
      unitToLint = withBytes;
    }
    toLint.push(unitToLint);
    toLintIndex.push(index);
  }
  const fileCount = toLint.reduce((sum, unit) => sum + unit.files.length, 0);
  const useWorkers = parallel.jobs > 1 && fileCount >= PARALLEL_THRESHOLD && toLint.length > 1;
  const linted = useWorkers
    ? lintUnitsInParallel(toLint, parallel.jobs, { configPath: parallel.configPath, onlyRules: parallel.onlyRules, locale: options.locale, keepSource: options.keepSource })
    : lintUnits({ units: toLint, fileCount }, options);
  const fresh = new Map<number, FileResult[]>();
  let position = 0;
  let done = 0;
  for await (const unitResults of linted) {
    const index = toLintIndex[position++];
    fresh.set(index, unitResults);
    cache?.set(prepared.units[index].folder, keys.get(index)!, unitResults);
    done += unitResults.length;
    if (useWorkers && unitResults.length > 0) options.onFile?.(unitResults[unitResults.length - 1].filePath, done, fileCount);
  }
  await cache?.save();
  const results = prepared.units.flatMap((_, index) => cached.get(index) ?? fresh.get(index) ?? []);
  return { ok: true, results };
}

/** Applies fixes; writes the files atomically, or with a dry run prints a unified diff instead. */
async function lintAndFix(paths: string[], options: LintOptions, dryRun: boolean, io: CliIO): Promise<LintRun> {
  const read = await readInputs(paths, io.cwd);
  if (!read.ok) return read;
  const run = await fixInputs(read.inputs, { ...options, skip: read.skip });
  if (!run.ok) return run;
  for (const { filePath, before, after } of run.fixed) {
    const shown = relative(io.cwd, filePath);
    if (dryRun) {
      io.stdout(createTwoFilesPatch(shown, shown, before, after));
      continue;
    }
    try {
      // written back in the file's own encoding and BOM: a GBK filing stays GBK
      const bytes = encodeLike(await readFile(filePath), after);
      if (bytes) await writeFileAtomically(filePath, bytes);
    } catch (error) {
      return { ok: false, problems: [{ ...unreadable(filePath, error), code: 'unwritable-file' }] };
    }
  }
  return { ok: true, results: run.results };
}

function errorsOnly(result: FileResult): FileResult {
  const findings = result.findings.filter((finding) => finding.severity === 'error');
  return { ...result, findings, warningCount: 0, infoCount: 0 };
}

/** Metadata of every rule that governs the linted files, plus the engine's own diagnostics. */
async function ruleMetaFor(results: readonly FileResult[], configPath: string | undefined, cwd: string): Promise<Map<string, RuleMeta>> {
  const resolver = new ConfigResolver({ configPath });
  const metas = new Map<string, RuleMeta>(engineDiagnosticMeta().map((meta) => [meta.id, meta]));
  const files = results.length > 0 ? results.map((result) => result.filePath) : [resolve(cwd, 'file.yaml')];
  for (const filePath of files) {
    const configured = await resolver.configFor(filePath);
    if (!configured.ok) continue;
    for (const [id, rule] of configured.config.ruleSet.rules) if (!metas.has(id)) metas.set(id, rule.meta);
  }
  return metas;
}

