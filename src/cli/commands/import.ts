// The `import` subcommand's options; its work lives in ../actions/import.ts, loaded only when it runs.
import { Option } from 'commander';
import type { CliCommand } from '../cli-io.js';
import type { ImportOptions } from '../actions/import.js';

export const command: CliCommand = {
  register(program, io, setExitCode) {
    program
      .command('import')
      .description('把 Excel、Word 或 PDF/Word 导出的文本转成申报表 YAML · import forms from .xlsx, .docx or extracted text')
      .argument('<files...>', '.txt / .xlsx / .docx 文件 · files to import')
      .requiredOption('-o, --out <dir>', '输出文件夹；导入多个文件时每个文件一个子文件夹 · output folder (one subfolder per file when several)')
      .option('--strict', '有未能映射的内容时以退出码 1 结束 · exit 1 when any content could not be mapped')
      .addOption(new Option('--locale <locale>', '提示语言 · message language').choices(['zh', 'en']).default('zh'))
      .action(async (files: string[], options: ImportOptions) => {
        setExitCode(await (await import('../actions/import.js')).runImport(files, options, io));
      });
  },
};
