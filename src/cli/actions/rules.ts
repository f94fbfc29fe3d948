import { resolve } from 'node:path';
import { ConfigResolver } from '../../config/config-resolver.js';
import type { Locale } from '../../types.js';
import { EXIT_OK, EXIT_SETUP, renderSetupProblems, type CliIO } from '../cli-io.js';

export interface RulesOptions {
  config?: string;
  locale: Locale;
  format: 'table' | 'json';
}

export async function listRules(options: RulesOptions, io: CliIO): Promise<number> {
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

