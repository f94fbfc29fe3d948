// The `rules` subcommand's options; its work lives in ../actions/rules.ts, loaded only when it runs.
import { Option } from 'commander';
import type { CliCommand } from '../cli-io.js';
import type { RulesOptions } from '../actions/rules.js';

export const command: CliCommand = {
  register(program, io, setExitCode) {
    program
      .command('rules')
      .description('列出生效的规则 · list the rules in force')
      .option('-c, --config <file>', '使用该配置文件 · use this config')
      .addOption(new Option('--locale <locale>', '提示语言 · message language').choices(['zh', 'en']).default('zh'))
      .addOption(new Option('-f, --format <format>', '输出格式 · output format').choices(['table', 'json']).default('table'))
      .action(async (options: RulesOptions) => {
        setExitCode(await (await import('../actions/rules.js')).listRules(options, io));
      });
  },
};
