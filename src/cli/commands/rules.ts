import { resolve } from 'node:path';
import { Option } from 'commander';
import { ConfigResolver } from '../../config/config-resolver.js';
import type { Locale } from '../../types.js';
import { EXIT_OK, EXIT_SETUP, renderSetupProblems, type CliCommand, type CliIO } from '../cli-io.js';

interface RulesOptions {
  config?: string;
  locale: Locale;
  format: 'table' | 'json';
}

export const command: CliCommand = {
  register(program, io, setExitCode) {
    program
      .command('rules')
      .description('列出生效的规则 · list the rules in force')
      .option('-c, --config <file>', '使用该配置文件 · use this config')
      .addOption(new Option('--locale <locale>', '提示语言 · message language').choices(['zh', 'en']).default('zh'))
      .addOption(new Option('-f, --format <format>', '输出格式 · output format').choices(['table', 'json']).default('table'))
      .action(async (options: RulesOptions) => {
        setExitCode(await listRules(options, io));
      });
  },
};

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

