import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RuleFunction } from '../../src/engine/function-api.js';
import { BUILT_IN_FUNCTIONS } from '../../src/functions/index.generated.js';
import { regexOptions, selectorRegexes, verdictFor } from '../../src/ruleset/regex-safety.js';
import type { SchemaNode } from '../../src/schema/schemas.js';
import { runCli } from '../support/run-cli.js';
import { tempFolder } from '../support/temp-folder.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const functions = BUILT_IN_FUNCTIONS as Record<string, RuleFunction>;

const filing = '项目名称: 甲\n绩效指标:\n  - { 一级指标: 满意度指标, 二级指标: 服务对象满意度指标, 三级指标: 群众满意度, 年度指标值: ≥90% }\n';

/** A user rule file defining `local-pattern` with text-patterns; `given` and `patterns` are spliced in as written. */
function ruleFile({ given = '$.项目名称', patterns = "['待填']" }: { given?: string; patterns?: string }): string {
  return [
    'rules:',
    '  local-pattern:',
    '    severity: error',
    '    description: { zh: 说明, en: what }',
    '    message: { zh: 提示, en: message }',
    '    messages: { matched: { zh: 命中, en: matched } }',
    `    given: ${given}`,
    '    then:',
    '      function: text-patterns',
    '      options:',
    `        patterns: ${patterns}`,
    '',
  ].join('\n');
}

async function check(files: Record<string, string>, only = 'local-pattern') {
  const folder = await tempFolder({ ...files, 'filing.yaml': filing });
  return runCli(['check', '--only', only, 'filing.yaml'], folder);
}

describe('regular expressions in rule sets are checked for catastrophic backtracking when they load', () => {
  it('an option pattern such as (a+)+$ in a user rule file stops the run at its line and column', async () => {
    const run = await check({ '.ptlintrc.yaml': 'ruleFiles: [rules/local.yaml]\n', 'rules/local.yaml': ruleFile({ patterns: "['待填', '(a+)+$']" }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('rules/local.yaml:11:26: 规则“local-pattern”的选项“patterns.1”的正则表达式 /(a+)+$/u 可能发生灾难性回溯');
    expect(run.stderr).toContain('回溯发生在“a”处');
    expect(run.stderr).toContain('(unsafe-regex)');
  });

  it('a selector pattern =~ /…/ is checked too, and named by its character', async () => {
    const given = "'$.绩效指标[?(@.三级指标 == \"=~ /(a+)+$/\" && @.一级指标 =~ /^(满意|满意度|度)*$/)]'";
    const run = await check({ '.ptlintrc.yaml': 'ruleFiles: [rules/local.yaml]\n', 'rules/local.yaml': ruleFile({ given }) });
    expect(run.code).toBe(2);
    const problems = run.stderr.split('\n').filter((line) => line.includes('(unsafe-regex)'));
    // the quoted string that merely looks like a pattern is no pattern; the real one is
    expect(problems).toEqual([expect.stringMatching(/^rules\/local\.yaml:7:12: 选择器第 47 个字符处的正则表达式 \/\^\(满意\|满意度\|度\)\*\$\/ 可能发生灾难性回溯/)]);
  });

  it('a pattern a config sets for a built-in rule is checked, in English too', async () => {
    const folder = await tempFolder({ '.ptlintrc.yaml': 'rules:\n  goals-duplicated: [error, { ignore: "(x|x)*y" }]\n', 'filing.yaml': filing });
    const run = await runCli(['check', '--locale', 'en', 'filing.yaml'], folder);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.ptlintrc.yaml:2:39: rule “goals-duplicated” option “ignore”: regular expression /(x|x)*y/u can backtrack catastrophically');
  });

  it('a pattern set in an override for some budget years is checked where it is written', async () => {
    const config = ['overrides:', '  - when: { yearFrom: 2025 }', "    rules: { goals-duplicated: [error, { ignore: '^(\\s|\\s\\s)*$' }] }", ''].join('\n');
    const run = await check({ '.ptlintrc.yaml': config }, 'goals-duplicated');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.ptlintrc.yaml:3:50: 规则“goals-duplicated”的选项“ignore”的正则表达式 /^(\\s|\\s\\s)*$/u 可能发生灾难性回溯');
  });

  it('the run goes on with safe patterns, including polynomial ones the catalogue itself uses', async () => {
    const run = await check({ '.ptlintrc.yaml': 'ruleFiles: [rules/local.yaml]\n', 'rules/local.yaml': ruleFile({ patterns: String.raw`['待填', '[^:：]{2,}?\s*[:：]\s*', '(?<![频效功汇])率\s*$']` }) });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const flagged = await check({ '.ptlintrc.yaml': 'ruleFiles: [rules/local.yaml]\n', 'rules/local.yaml': ruleFile({ patterns: "['^甲$']" }) });
    expect(flagged.code).toBe(1);
  });

  it('no pattern in ptlint’s own rules/ backtracks exponentially (they are trusted at load time because of this test)', async () => {
    const patterns = bundledPatterns();
    expect(patterns.length).toBeGreaterThan(30);
    const verdicts = await Promise.all(patterns.map(async ({ source, flags, file }) => ({ file, source, ...(await verdictFor(source, flags)) })));
    expect(verdicts.filter((verdict) => verdict.exponential)).toEqual([]);
  });

  it('the checker does find exponential backtracking in the classic shapes, and not in linear ones', async () => {
    for (const unsafe of ['(a+)+$', '(a|aa)+$', '^(\\w+\\s?)*$', '^(满意|满意度|度)*$']) expect((await verdictFor(unsafe, 'u')).exponential, unsafe).toBe(true);
    for (const safe of ['满意度$', '^[0-9]+(?:\\.[0-9]+)?$', '([，；：、])\\1+']) expect((await verdictFor(safe, 'u')).exponential, safe).toBe(false);
  });
});

describe('finding the patterns', () => {
  it('walks options along the schema: nested items, additionalProperties and anyOf', () => {
    const schema: SchemaNode = {
      type: 'object',
      anyOf: [{ required: ['skip'] }],
      properties: {
        skip: { type: 'string', format: 'regex' },
        label: { type: 'string' },
        fits: { type: 'array', items: { type: 'object', properties: { name: { type: 'string', format: 'regex' }, units: { type: 'array', items: { type: 'string' } } } } },
        named: { type: 'object', additionalProperties: { type: 'string', format: 'regex' } },
      },
    };
    const options = { skip: 'a+', label: '(a+)+', fits: [{ name: 'b+', units: ['(c+)+'] }], named: { x: 'd+' } };
    expect(regexOptions(schema, options)).toEqual([
      { path: ['skip'], source: 'a+' },
      { path: ['fits', 0, 'name'], source: 'b+' },
      { path: ['named', 'x'], source: 'd+' },
    ]);
  });

  it('reads selector patterns as the selector parser does', () => {
    expect(selectorRegexes(String.raw`$.a[?(@.b =~ /x\/y+/i && @.c == '=~ /no/' && @.d=~/z$/)]`)).toEqual([
      { source: String.raw`x\/y+`, flags: 'i', offset: 13 },
      { source: 'z$', flags: '', offset: 50 },
    ]);
    expect(selectorRegexes('$.绩效指标[*]')).toEqual([]);
  });
});

/** Every pattern in rules/: definitions' and adjustments' regex options (by the function's schema) and selectors. */
function bundledPatterns(): Array<{ file: string; source: string; flags: string }> {
  const folders = [join(repoRoot, 'rules'), join(repoRoot, 'rules', 'catalogue')];
  const files = folders.flatMap((folder) => readdirSync(folder).filter((name) => name.endsWith('.yaml')).map((name) => join(folder, name)));
  const documents = files.map((file) => ({ file, data: parse(readFileSync(file, 'utf8')) as { rules?: Record<string, unknown>; overrides?: Array<{ rules: Record<string, unknown> }> } }));
  const functionOf = new Map<string, RuleFunction>();
  for (const { data } of documents) {
    for (const [id, entry] of Object.entries(data.rules ?? {})) {
      const then = (entry as { then?: { function: string } }).then;
      if (then) functionOf.set(id, functions[then.function]);
    }
  }
  const found: Array<{ file: string; source: string; flags: string }> = [];
  const addOptions = (file: string, id: string, options: unknown) => {
    const schema = functionOf.get(id)?.optionsSchema;
    if (schema && options) for (const { source } of regexOptions(schema, options)) found.push({ file, source, flags: 'u' });
  };
  for (const { file, data } of documents) {
    const settings = [...Object.entries(data.rules ?? {}), ...(data.overrides ?? []).flatMap((override) => Object.entries(override.rules))];
    for (const [id, entry] of settings) {
      const definition = entry as { given?: string | string[]; then?: { options?: unknown }; options?: unknown };
      if (Array.isArray(entry)) addOptions(file, id, entry[1]);
      else if (typeof entry === 'object' && entry !== null) addOptions(file, id, definition.then?.options ?? definition.options);
      for (const selector of [definition.given ?? []].flat()) for (const { source, flags } of selectorRegexes(selector)) found.push({ file, source, flags });
    }
  }
  return found;
}
