import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option } from 'commander';
import { ConfigResolver } from '../../config/config-resolver.js';
import { engineDiagnosticMeta } from '../../engine/engine-diagnostics.js';
import { lintPaths } from '../../engine/run.js';
import { FORMATTERS } from '../../formatters/index.generated.js';
import { cliMessage } from '../../i18n/cli-messages.js';
import { packageVersion } from '../../package-root.js';
import type { FileResult, Locale, RuleMeta } from '../../types.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_SETUP, renderSetupProblems, type CliCommand, type CliIO } from '../cli-io.js';

interface CheckOptions {
  format: string;
  output?: string;
  maxWarnings?: string;
  quiet?: boolean;
  config?: string;
  locale: string;
  color?: boolean;
  only?: string;
}

export const command: CliCommand = {
  register(program, io, setExitCode) {
    program
      .command('check')
      .description('检查申报表（文件、文件夹或通配路径）· lint filings')
      .argument('[paths...]', '文件、文件夹或通配路径 · files, folders or globs', ['.'])
      .addOption(new Option('-f, --format <format>', `输出格式 · output format: ${Object.keys(FORMATTERS).join(', ')}`).default('stylish'))
      .option('-o, --output <file>', '写入文件而不是标准输出 · write the report to a file')
      .option('--max-warnings <n>', '警告超过该数时退出码为 1 · exit 1 when warnings exceed n')
      .option('-q, --quiet', '只报告错误 · report errors only')
      .option('-c, --config <file>', '使用该配置文件，不再向上查找 · use this config instead of searching')
      .option('--only <rule-ids>', '只运行这些规则（逗号分隔）· run only these rules (comma-separated)')
      .addOption(new Option('--locale <locale>', '提示语言 · message language').choices(['zh', 'en']).default('zh'))
      .option('--color', '强制彩色输出 · force colour')
      .option('--no-color', '不使用彩色 · no colour')
      .action(async (paths: string[], options: CheckOptions) => {
        setExitCode(await check(paths, options, io));
      });
  },
};
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
  const configPath = options.config ? resolve(io.cwd, options.config) : undefined;
  const onlyRules = options.only?.split(/[,，\s]+/).filter(Boolean);
  const run = await lintPaths(paths, io.cwd, { locale, resolver: new ConfigResolver({ configPath, onlyRules }) });
  if (!run.ok) {
    io.stderr(renderSetupProblems(run.problems, io.cwd, locale));
    return EXIT_SETUP;
  }
  const results = options.quiet ? run.results.map(errorsOnly) : run.results;
  const rules = await ruleMetaFor(run.results, configPath, io.cwd);
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

