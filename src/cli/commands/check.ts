// The `check` subcommand's options; its work lives in ../actions/check.ts, loaded only when it runs.
import { Option } from 'commander';
import { FORMAT_NAMES } from '../../formatters/names.generated.js';
import type { CliCommand } from '../cli-io.js';
import type { CheckOptions } from '../actions/check.js';

export const command: CliCommand = {
  register(program, io, setExitCode) {
    program
      .command('check')
      .description('检查申报表（文件、文件夹或通配路径）· lint filings')
      .argument('[paths...]', '文件、文件夹或通配路径 · files, folders or globs', ['.'])
      .addOption(new Option('-f, --format <format>', `输出格式 · output format: ${FORMAT_NAMES.join(', ')}`).default('stylish'))
      .option('-o, --output <file>', '写入文件而不是标准输出 · write the report to a file')
      .option('--max-warnings <n>', '警告超过该数时退出码为 1 · exit 1 when warnings exceed n')
      .option('-q, --quiet', '只报告错误 · report errors only')
      .option('-c, --config <file>', '使用该配置文件，不再向上查找 · use this config instead of searching')
      .option('--only <rule-ids>', '只运行这些规则（逗号分隔）· run only these rules (comma-separated)')
      .addOption(new Option('--locale <locale>', '提示语言 · message language').choices(['zh', 'en']).default('zh'))
      .option('--fix', '自动修复可修复的问题并写回文件 · apply fixes and write the files')
      .option('--fix-dry-run', '显示自动修复的差异，不写文件 · print the fixes as a unified diff, write nothing')
      .option('--write-baseline <file>', '把当前的问题记为基线 · record today\'s findings as a baseline')
      .option('--baseline <file>', '只报告基线之外的新问题 · report only findings not in the baseline')
      .option('--stats', '在标准错误输出中列出各阶段、各规则的耗时 · print time per phase and rule to stderr')
      .option('-j, --jobs <n>', '并行线程数（默认为 CPU 核数；文件少时单线程）· worker threads (default: CPU cores; one for small runs)')
      .option('--cache', '缓存结果，未改动的文件夹不再检查 · reuse results of unchanged folders')
      .option('--cache-location <file>', '缓存文件（默认 .ptlintcache）· cache file (default .ptlintcache)')
      .option('--color', '强制彩色输出 · force colour')
      .option('--no-color', '不使用彩色 · no colour')
      .action(async (paths: string[], options: CheckOptions) => {
        setExitCode(await (await import('../actions/check.js')).check(paths, options, io));
      });
  },
};
