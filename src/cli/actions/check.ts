import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { ConfigResolver } from '../../config/config-resolver.js';
import { engineDiagnosticMeta } from '../../engine/engine-diagnostics.js';
import { lintUnitsInParallel, PARALLEL_THRESHOLD } from '../../engine/parallel-lint.js';
import { lintUnit, lintUnits, prepareRun, readInputs, type LintOptions, type LintUnit } from '../../engine/run.js';
import { RunStats, timed } from '../../engine/run-stats.js';
import { temporaryPathBeside, writeFileAtomically } from '../../engine/write-atomically.js';
import { unreadable } from '../../ruleset/load-yaml-file.js';
import type { BaselineEntry } from '../../engine/baseline.js';
import { FORMAT_NAMES, LOAD_FORMATTER } from '../../formatters/names.generated.js';
import type { StreamingFormatter } from '../../formatters/streaming/report-writer.js';
import { cliMessage } from '../../i18n/cli-messages.js';
import { packageVersion } from '../../package-root.js';
import { createProgress, type Progress } from '../../progress/progress-bar.js';
import type { FileResult, Locale, RuleMeta, SetupProblem } from '../../types.js';
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
  if (!(FORMAT_NAMES as readonly string[]).includes(options.format)) {
    io.stderr(cliMessage('unknownFormat', locale, { format: options.format, formats: FORMAT_NAMES.join(', ') }) + '\n');
    return EXIT_SETUP;
  }
  const formatter: StreamingFormatter = (await LOAD_FORMATTER[options.format as (typeof FORMAT_NAMES)[number]]()).format;
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
  const planned =
    options.fix || options.fixDryRun
      ? await lintAndFix(paths, lintOptions, Boolean(options.fixDryRun), io)
      : await planReport(paths, io.cwd, lintOptions, {
          jobs: stats ? 1 : jobs,
          configPath,
          onlyRules,
          cacheLocation: options.cache || options.cacheLocation ? resolve(io.cwd, options.cacheLocation ?? '.ptlintcache') : undefined,
        });
  if (!planned.ok) {
    progress.done();
    io.stderr(renderSetupProblems(planned.problems, io.cwd, locale));
    return EXIT_SETUP;
  }
  if (planned.filePaths.length === 0) {
    progress.done();
    io.stderr(cliMessage('noFiles', locale) + '\n');
    return EXIT_SETUP;
  }
  const baselinePath = options.baseline ? resolve(io.cwd, options.baseline) : undefined;
  const baselines = options.baseline || options.writeBaseline ? await import('../../engine/baseline.js') : undefined;
  const baseline = baselinePath ? await baselines!.readBaseline(baselinePath) : undefined;
  if (baseline && !baseline.ok) {
    progress.done();
    io.stderr(renderSetupProblems(baseline.problems, io.cwd, locale));
    return EXIT_SETUP;
  }
  // --only restricts the lint's rule sets; the report still lists every rule that governs the files
  const rules = await ruleMetaFor(planned.filePaths, onlyRules ? new ConfigResolver({ configPath }) : lintOptions.resolver);
  const color = options.color ?? (io.colorSupported && options.output === undefined);
  const writer = formatter.createWriter({ cwd: io.cwd, locale, color, rules, version: packageVersion() });
  const output = options.output ? await openFileOutput(resolve(io.cwd, options.output)) : stdoutOutput(io, progress);
  const unbaselined = baseline?.ok ? new BaselineByFile(baseline.entries, baselinePath!, baselines!.applyBaseline) : undefined;
  // --write-baseline records every finding of the run, so it keeps them (without source text) until the end
  const toRecord: FileResult[] | undefined = options.writeBaseline ? [] : undefined;
  let errors = 0;
  let warnings = 0;
  try {
    await output.write(timed(stats, 'phase:format', () => writer.begin()));
    for await (const linted of planned.units) {
      toRecord?.push(...linted.map((result) => ({ ...result, source: undefined })));
      const shown = unbaselined ? unbaselined.apply(linted) : linted;
      const results = options.quiet ? shown.map(errorsOnly) : shown;
      for (const result of results) {
        errors += result.errorCount;
        warnings += result.warningCount;
      }
      await output.write(timed(stats, 'phase:format', () => writer.unit(results)));
    }
    const closing = writer.end()[Symbol.iterator]();
    for (let piece = timed(stats, 'phase:format', () => closing.next()); !piece.done; piece = timed(stats, 'phase:format', () => closing.next())) {
      await output.write(piece.value);
    }
  } catch (error) {
    await output.abandon();
    throw error;
  } finally {
    writer.dispose();
    progress.done();
  }
  const failure = await output.close();
  if (failure) io.stderr(cliMessage('outputFailed', locale, { file: String(options.output), reason: failure.message }) + '\n');
  if (toRecord && options.writeBaseline) await baselines!.writeBaseline(toRecord, resolve(io.cwd, options.writeBaseline));
  const stale = unbaselined?.stale() ?? 0;
  if (stale > 0) io.stderr(cliMessage('staleBaseline', locale, { count: stale, file: String(options.baseline) }) + '\n');
  if (stats) io.stderr(stats.render());
  if (errors > 0) return EXIT_FINDINGS;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr(cliMessage('tooManyWarnings', locale, { count: warnings, max: maxWarnings }) + '\n');
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/**
 * A run ready to report: the files it covers (known before any is linted) and their results, unit by unit in run
 * order, produced as they are taken — nothing holds the run's results.
 */
type PlannedReport = { ok: true; filePaths: string[]; units: AsyncIterable<FileResult[]> } | { ok: false; problems: SetupProblem[] };

/**
 * Plans a report: units come from the cache when unchanged, else are linted on this thread, or on `jobs` threads
 * (this one and jobs − 1 workers) when the run is big enough to repay starting workers (--stats always runs on
 * one thread, where the timings are collected).
 */
async function planReport(
  paths: string[],
  cwd: string,
  options: LintOptions & { locale: Locale; keepSource: boolean },
  parallel: { jobs: number; configPath?: string; onlyRules?: string[]; cacheLocation?: string },
): Promise<PlannedReport> {
  const read = await readInputs(paths, cwd);
  if (!read.ok) return read;
  const prepared = await prepareRun(read.inputs, { ...options, skip: read.skip });
  if (!prepared.ok) return prepared;
  const filePaths = prepared.units.flatMap((unit) => unit.files.map((file) => file.input.filePath));
  return { ok: true, filePaths, units: unitsInOrder(prepared.units, options, parallel) };
}

/** Each unit's results in run order, whichever way it was obtained; the cache is saved after the last unit. */
async function* unitsInOrder(
  units: readonly LintUnit[],
  options: LintOptions & { locale: Locale; keepSource: boolean },
  parallel: { jobs: number; configPath?: string; onlyRules?: string[]; cacheLocation?: string },
): AsyncGenerator<FileResult[]> {
  const cache = parallel.cacheLocation
    ? await (await import('../../engine/lint-cache.js')).LintCache.open(parallel.cacheLocation, JSON.stringify([parallel.onlyRules ?? null, options.locale]))
    : undefined;
  // Only keys are kept up front (reading each file to hash it); a unit's files are read again when it is linted,
  // so that no unit's bytes wait in memory for their turn.
  const keys = new Map<number, string>();
  const hits = new Set<number>();
  const toLint: LintUnit[] = [];
  for (const [index, unit] of units.entries()) {
    if (cache) {
      const { key } = cache.keyOf(unit);
      keys.set(index, key);
      if (cache.has(unit.folder, key)) {
        hits.add(index);
        continue;
      }
    }
    toLint.push(unit);
  }
  const fileCount = toLint.reduce((sum, unit) => sum + unit.files.length, 0);
  const useWorkers = parallel.jobs > 1 && fileCount >= PARALLEL_THRESHOLD && toLint.length > 1;
  const linted = useWorkers
    ? lintUnitsInParallel(
        toLint,
        parallel.jobs,
        { configPath: parallel.configPath, onlyRules: parallel.onlyRules, locale: options.locale, keepSource: options.keepSource },
        // progress is told per unit as units are yielded (below), not per file as this thread lints its share
        { lintHere: (unit) => lintUnit(unit, { ...options, onFile: undefined }) },
      )
    : lintUnits({ units: toLint, fileCount }, options);
  const fresh = linted[Symbol.asyncIterator]();
  let done = 0;
  try {
    for (const [index, unit] of units.entries()) {
      const key = keys.get(index);
      if (hits.has(index)) {
        yield cache!.results(unit, key!, options.keepSource)!;
        continue;
      }
      const next = await fresh.next();
      const unitResults = next.done ? [] : next.value;
      if (key !== undefined) cache?.set(unit.folder, key, unitResults);
      done += unitResults.length;
      if (useWorkers && unitResults.length > 0) options.onFile?.(unitResults[unitResults.length - 1].filePath, done, fileCount);
      yield unitResults;
    }
  } finally {
    // stops worker threads when the run ends early
    await fresh.return?.(undefined);
  }
  await cache?.save();
}

/**
 * Applies fixes; writes the files atomically, or with a dry run prints a unified diff instead. Fixing re-lints
 * until nothing changes, so this path holds every file's results and text (fix-files.ts) and reports them as one
 * unit.
 */
async function lintAndFix(paths: string[], options: LintOptions, dryRun: boolean, io: CliIO): Promise<PlannedReport> {
  const read = await readInputs(paths, io.cwd);
  if (!read.ok) return read;
  const [{ fixInputs }, { createTwoFilesPatch }, { encodeLike }] = await Promise.all([
    import('../../engine/fix-files.js'),
    import('diff'),
    import('../../source/encode.js'),
  ]);
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
  const results = run.results;
  return { ok: true, filePaths: results.map((result) => result.filePath), units: (async function* () { yield results; })() };
}

function errorsOnly(result: FileResult): FileResult {
  const findings = result.findings.filter((finding) => finding.severity === 'error');
  return { ...result, findings, warningCount: 0, infoCount: 0 };
}

/**
 * Metadata of every rule that governs the files as `resolver` resolves them (the caller passes one without --only,
 * so whatever --only selects), plus the engine's own diagnostics, in the order the files name them. Known before
 * any file is linted, as a report that lists rules first needs.
 */
async function ruleMetaFor(filePaths: readonly string[], resolver: ConfigResolver): Promise<Map<string, RuleMeta>> {
  const metas = new Map<string, RuleMeta>(engineDiagnosticMeta().map((meta) => [meta.id, meta]));
  const seen = new Set<unknown>();
  for (const filePath of filePaths) {
    const configured = await resolver.configFor(filePath);
    if (!configured.ok || seen.has(configured.config.ruleSet)) continue;
    seen.add(configured.config.ruleSet);
    for (const [id, rule] of configured.config.ruleSet.rules) if (!metas.has(id)) metas.set(id, rule.meta);
  }
  return metas;
}

/**
 * A baseline applied unit by unit: entries are grouped by file, each unit takes its files' entries, and what no
 * unit took is stale. A file's findings are all in one unit, so this matches applying it to the whole run.
 */
class BaselineByFile {
  private readonly byFile = new Map<string, BaselineEntry[]>();
  private readonly folder: string;
  private staleCount = 0;

  constructor(
    entries: readonly BaselineEntry[],
    private readonly baselinePath: string,
    private readonly applyBaseline: typeof import('../../engine/baseline.js').applyBaseline,
  ) {
    this.folder = dirname(baselinePath);
    for (const entry of entries) this.byFile.set(entry.file, [...(this.byFile.get(entry.file) ?? []), entry]);
  }

  apply(results: readonly FileResult[]): FileResult[] {
    const entries: BaselineEntry[] = [];
    for (const result of results) {
      const file = relative(this.folder, result.filePath).split('\\').join('/');
      entries.push(...(this.byFile.get(file) ?? []));
      this.byFile.delete(file);
    }
    if (entries.length === 0) return [...results];
    const applied = this.applyBaseline(results, entries, this.baselinePath);
    this.staleCount += applied.stale.length;
    return applied.results;
  }

  /** entries that matched no finding, including those for files this run did not lint */
  stale(): number {
    let count = this.staleCount;
    for (const entries of this.byFile.values()) count += entries.length;
    return count;
  }
}

/** Where the report goes, piece by piece; a failure to write is remembered and reported by `close`. */
interface ReportOutput {
  write(text: string): Promise<void>;
  /** finishes the report; resolves to the error that stopped writing, if any */
  close(): Promise<Error | undefined>;
  /** drops what was written when the run fails (a temporary file is removed) */
  abandon(): Promise<void>;
}

/**
 * Standard output, waiting for it to drain when it is full. A report that does not end with a line break gets one
 * (as the whole report always did), and the progress bar is cleared before each piece so they do not interleave.
 */
function stdoutOutput(io: CliIO, progress: Progress): ReportOutput {
  let last = '';
  return {
    async write(text) {
      if (text === '') return;
      progress.done();
      last = text;
      if (io.stdout(text) === false) await once(io.stdoutStream ?? process.stdout, 'drain');
    },
    async close() {
      if (last !== '' && !last.endsWith('\n')) io.stdout('\n');
      return undefined;
    },
    async abandon() {},
  };
}

/**
 * `--output FILE`: the report streams into a temporary file beside FILE, renamed over it once complete, so FILE
 * holds the old report or the new one, never half of one (a symbolic link is written through; a device or pipe
 * such as /dev/null is written directly, as renaming over it would replace it).
 */
async function openFileOutput(filePath: string): Promise<ReportOutput> {
  const target = await realpath(filePath).catch(() => filePath);
  const existing = await stat(target).catch(() => undefined);
  const direct = existing !== undefined && !existing.isFile();
  const temporary = temporaryPathBeside(target);
  const stream = createWriteStream(direct ? target : temporary, { mode: existing?.mode });
  let failure: Error | undefined;
  const closed = new Promise<void>((resolveClosed) => stream.once('close', resolveClosed));
  stream.on('error', (error) => {
    // the reader asked for FILE, not for the temporary file beside it
    failure ??= new Error(error.message.replaceAll(temporary, target));
  });
  const discard = async (): Promise<void> => {
    stream.destroy();
    await closed;
    if (!direct) await unlink(temporary).catch(() => undefined);
  };
  return {
    async write(text) {
      if (failure || text === '') return;
      if (!stream.write(text)) await Promise.race([once(stream, 'drain'), closed]);
    },
    async close() {
      if (!failure) {
        stream.end();
        await closed;
      }
      if (failure) {
        await discard();
        return failure;
      }
      if (direct) return undefined;
      return rename(temporary, target).catch(async (error: Error) => {
        await unlink(temporary).catch(() => undefined);
        return error;
      }) as Promise<Error | undefined>;
    },
    abandon: discard,
  };
}
