import { writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { ConfigResolver } from '../config/config-resolver.js';
import { engineDiagnosticMeta } from '../engine/engine-diagnostics.js';
import { lintPaths } from '../engine/run.js';
import { FORMATTERS } from '../formatters/index.generated.js';
import { cliMessage } from '../i18n/cli-messages.js';
import { packageVersion } from '../package-root.js';
import type { FileResult, Locale, RuleMeta, SetupProblem } from '../types.js';

/** Where the CLI reads and writes; tests pass their own to run it in-process. */
export interface CliIO {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** whether stdout is a terminal that shows colour */
  colorSupported: boolean;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_SETUP = 2;

interface CheckOptions {
  format: string;
  output?: string;
  maxWarnings?: string;
  quiet?: boolean;
  config?: string;
  locale: string;
  color?: boolean;
}

/** Runs one ptlint command line; resolves to the exit code. Never throws for a user's mistake. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command('ptlint')
    .description('财政项目支出绩效目标申报表质量检查 · lint Chinese budget performance-target filings')
    .version(packageVersion(), '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();

  program
    .command('check')
    .description('检查申报表（文件、文件夹或通配路径）· lint filings')
    .argument('[paths...]', '文件、文件夹或通配路径 · files, folders or globs', ['.'])
    .addOption(new Option('-f, --format <format>', '输出格式 · output format').default('stylish'))
    .option('-o, --output <file>', '写入文件而不是标准输出 · write the report to a file')
    .option('--max-warnings <n>', '警告超过该数时退出码为 1 · exit 1 when warnings exceed n')
    .option('-q, --quiet', '只报告错误 · report errors only')
    .option('-c, --config <file>', '使用该配置文件，不再向上查找 · use this config instead of searching')
    .addOption(new Option('--locale <locale>', '提示语言 · message language').choices(['zh', 'en']).default('zh'))
    .option('--color', '强制彩色输出 · force colour')
    .option('--no-color', '不使用彩色 · no colour')
    .action(async (paths: string[], options: CheckOptions) => {
      exitCode = await check(paths, options, io);
    });

  program
    .command('rules')
    .description('列出生效的规则 · list the rules in force')
    .option('-c, --config <file>', '使用该配置文件 · use this config')
    .addOption(new Option('--locale <locale>', '提示语言 · message language').choices(['zh', 'en']).default('zh'))
    .addOption(new Option('-f, --format <format>', '输出格式 · output format').choices(['table', 'json']).default('table'))
    .action(async (options: { config?: string; locale: Locale; format: 'table' | 'json' }) => {
      exitCode = await listRules(options, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT_OK : EXIT_SETUP;
    }
    throw error;
  }
  return exitCode;
}

async function check(paths: string[], options: CheckOptions, io: CliIO): Promise<number> {
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
  const run = await lintPaths(paths, io.cwd, { locale, configPath: options.config ? resolve(io.cwd, options.config) : undefined });
  if (!run.ok) {
    io.stderr(renderSetupProblems(run.problems, io.cwd, locale));
    return EXIT_SETUP;
  }
  const results = options.quiet ? run.results.map(errorsOnly) : run.results;
  const rules = await ruleMetaFor(run.results, options.config ? resolve(io.cwd, options.config) : undefined, io.cwd);
  const color = options.color ?? (io.colorSupported && options.output === undefined);
  const report = formatter(results, { cwd: io.cwd, locale, color, rules, version: packageVersion() });
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

async function listRules(options: { config?: string; locale: Locale; format: 'table' | 'json' }, io: CliIO): Promise<number> {
  const configPath = options.config ? resolve(io.cwd, options.config) : undefined;
  const configured = await new ConfigResolver({ configPath }).configFor(resolve(io.cwd, 'file.yaml'));
  if (!configured.ok) {
    io.stderr(renderSetupProblems(configured.problems, io.cwd, options.locale));
    return EXIT_SETUP;
  }
  const ruleSet = configured.config.ruleSet;
  const rows = [...ruleSet.rules.values()]
    .map((rule) => ({ ...rule.meta, severity: ruleSet.baseSeverity(rule.id) ?? rule.meta.severity }))
    .sort((a, b) => a.id.localeCompare(b.id));
  if (options.format === 'json') {
    io.stdout(JSON.stringify(rows.map(({ id, severity, description, source, fixable, hasSuggestions, docsUrl }) => ({ id, severity, description: description[options.locale], source, fixable, hasSuggestions, docsUrl }))) + '\n');
    return EXIT_OK;
  }
  const width = Math.max(...rows.map((row) => row.id.length));
  for (const row of rows) {
    const marks = `${row.fixable ? '🔧' : '  '}${row.hasSuggestions ? '💡' : '  '}`;
    io.stdout(`${row.id.padEnd(width)}  ${row.severity.padEnd(7)} ${marks} ${row.description[options.locale]}\n`);
    if (row.docsUrl) io.stdout(`${' '.repeat(width + 2)}${row.docsUrl}\n`);
  }
  return EXIT_OK;
}

/** `file:line:column: message (code)` lines for problems that stop the run. */
export function renderSetupProblems(problems: readonly SetupProblem[], cwd: string, locale: Locale): string {
  const lines = problems.map((problem) => {
    const where = problem.start ? `:${problem.start.line}:${problem.start.column}` : '';
    const shown = problem.filePath.startsWith('/') ? relative(cwd, problem.filePath) || problem.filePath : problem.filePath;
    return `${shown}${where}: ${problem.message[locale]} (${problem.code})`;
  });
  return `${cliMessage('setupFailed', locale)}\n${lines.join('\n')}\n`;
}
