// The `new` subcommand's options; its work lives in ../actions/new.ts, loaded only when it runs.
import { Option } from 'commander';
import { PROFILE_NAMES } from '../../ruleset/profile-names.js';
import type { CliCommand } from '../cli-io.js';
import type { NewOptions } from '../actions/new.js';

export const command: CliCommand = {
  register(program, io, setExitCode) {
    program
      .command('new')
      .description('新建一张空白申报表，每个栏目附中文说明 · write a blank filing with every field explained')
      .argument('<项目名称>', '项目名称，也是文件名 · the project name, also the file name')
      .option('--year <YYYY>', '预算年度（默认今年）· budget year (default: this year)')
      .addOption(new Option('--profile <profile>', '规则集 · rule set').choices([...PROFILE_NAMES]).default('recommended'))
      .option('--out <dir>', '写入的文件夹 · folder to write to', '.')
      .addOption(new Option('--locale <locale>', '提示语言 · message language').choices(['zh', 'en']).default('zh'))
      .action(async (projectName: string, options: NewOptions) => {
        setExitCode(await (await import('../actions/new.js')).writeNewFiling(projectName, options, io));
      });
  },
};
