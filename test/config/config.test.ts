import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPaths, type LintRun } from '../../src/engine/run.js';
import { tempFolder } from '../support/temp-folder.js';

const satisfactionAt = (value: string) => `绩效指标:\n  - { 一级指标: 满意度指标, 二级指标: 服务对象满意度指标, 三级指标: 群众满意度, 年度指标值: "${value}" }\n`;
const vagueRow = '绩效指标:\n  - { 一级指标: 效益指标, 二级指标: 社会效益指标, 三级指标: 党建活动环境改善度, 年度指标值: 明显 }\n';

function findingsOf(run: LintRun, rule?: string): string[] {
  if (!run.ok) throw new Error(JSON.stringify(run.problems));
  return run.results.flatMap((result) =>
    result.findings.filter((finding) => !rule || finding.ruleId === rule).map((finding) => `${finding.ruleId}:${finding.severity}:${finding.start.line}`),
  );
}

function problemsOf(run: LintRun): string[] {
  if (run.ok) throw new Error('expected setup problems');
  return run.problems.map((problem) => {
    const file = problem.filePath.startsWith('/') ? problem.filePath.split('/').pop() : problem.filePath;
    return `${problem.code} ${file}:${problem.start?.line}:${problem.start?.column} ${problem.message.zh}`;
  });
}

describe('config discovery', () => {
  it('uses the nearest .ptlintrc.yaml above each file', async () => {
    const folder = await tempFolder({
      '.ptlintrc.yaml': 'rules:\n  satisfaction-threshold: [error, { min: 90 }]\n',
      'a/filing.yaml': satisfactionAt('≥85%'),
      'b/.ptlintrc.yaml': 'rules:\n  satisfaction-threshold: off\n',
      'b/filing.yaml': satisfactionAt('≥85%'),
      'b/c/filing.yaml': satisfactionAt('≥85%'),
    });
    const run = await lintPaths(['.'], folder);
    if (!run.ok) throw new Error('setup');
    const byFile = Object.fromEntries(
      run.results.map((result) => [result.filePath.slice(folder.length + 1), result.findings.filter((finding) => finding.ruleId === 'satisfaction-threshold').map((finding) => finding.ruleId)]),
    );
    expect(byFile).toEqual({ 'a/filing.yaml': ['satisfaction-threshold'], 'b/filing.yaml': [], 'b/c/filing.yaml': [] });
  });

  it('--config replaces the search', async () => {
    const folder = await tempFolder({
      'strict.yaml': 'extends: ptlint:strict\n',
      '.ptlintrc.yaml': 'rules:\n  vague-target: off\n',
      'filing.yaml': vagueRow,
    });
    expect(findingsOf(await lintPaths(['filing.yaml'], folder), 'vague-target')).toEqual([]);
    expect(findingsOf(await lintPaths(['filing.yaml'], folder, { configPath: join(folder, 'strict.yaml') }), 'vague-target')).toEqual(['vague-target:error:2']);
  });

  it.each([
    ['recommended keeps vague-target a warning', 'extends: ptlint:recommended\n', 'vague-target:warning:2'],
    ['strict turns warnings into errors', 'extends: ptlint:strict\n', 'vague-target:error:2'],
    ['a severity setting', 'rules:\n  vague-target: info\n', 'vague-target:info:2'],
    ['a severity setting in object form', 'rules:\n  vague-target: { severity: error }\n', 'vague-target:error:2'],
  ])('%s', async (_name, config, expected) => {
    const folder = await tempFolder({ '.ptlintrc.yaml': config, 'filing.yaml': vagueRow });
    expect(findingsOf(await lintPaths(['.'], folder), 'vague-target')).toEqual([expected]);
  });

  it('options merge over the rule defaults', async () => {
    const folder = await tempFolder({ '.ptlintrc.yaml': 'rules:\n  satisfaction-threshold: [error, { min: 95 }]\n', 'filing.yaml': satisfactionAt('≥90%') });
    const run = await lintPaths(['.'], folder);
    if (!run.ok) throw new Error('setup');
    const satisfaction = run.results[0].findings.filter((finding) => finding.ruleId === 'satisfaction-threshold');
    expect(satisfaction.map((finding) => finding.message)).toEqual(['满意度指标“群众满意度”的目标 ≥90% 低于 95%']);
  });

  it('overrides apply by budget year and region', async () => {
    const config = [
      'overrides:',
      '  - when: { yearFrom: 2025, region: 上海 }',
      '    rules: { vague-target: error }',
      '',
    ].join('\n');
    const folder = await tempFolder({
      '.ptlintrc.yaml': config,
      'old.yaml': `年度: 2024\n主管部门: 上海市松江区九亭镇\n${vagueRow}`,
      'new.yaml': `年度: 2026\n主管部门: 上海市松江区九亭镇\n${vagueRow}`,
      'elsewhere.yaml': `年度: 2026\n主管部门: 湘潭市城市管理和综合执法局\n${vagueRow}`,
    });
    const run = await lintPaths(['.'], folder);
    if (!run.ok) throw new Error('setup');
    const severities = Object.fromEntries(
      run.results.map((result) => [result.filePath.split('/').pop(), result.findings.filter((finding) => finding.ruleId === 'vague-target').map((finding) => finding.severity)]),
    );
    expect(severities).toEqual({ 'elsewhere.yaml': ['warning'], 'new.yaml': ['error'], 'old.yaml': ['warning'] });
  });

  it('a batch rule reports with the severity in force in each filing, and not in a filing where it is off', async () => {
    const config = [
      'rules: { unit-name-consistency: warning }',
      'overrides:',
      '  - when: { yearFrom: 2026 }',
      '    rules: { unit-name-consistency: error }',
      '  - when: { yearTo: 2023 }',
      '    rules: { unit-name-consistency: off }',
      '',
    ].join('\n');
    const folder = await tempFolder({
      '.ptlintrc.yaml': config,
      'a-2024.yaml': '项目名称: 甲项目\n年度: 2024\n实施单位: 上海市松江区九亭镇社区党群服务中心\n',
      'b-2026.yaml': '项目名称: 乙项目\n年度: 2026\n实施单位: 上海市松江区九亭镇社区党群服务心\n',
      'c-2023.yaml': '项目名称: 丙项目\n年度: 2023\n实施单位: 上海市松江区九亭镇社区党群服务中\n',
    });
    const run = await lintPaths(['.'], folder);
    if (!run.ok) throw new Error('setup');
    const severities = Object.fromEntries(
      run.results.map((result) => [result.filePath.split('/').pop(), result.findings.filter((finding) => finding.ruleId === 'unit-name-consistency').map((finding) => finding.severity)]),
    );
    expect(severities).toEqual({ 'a-2024.yaml': ['warning'], 'b-2026.yaml': ['error'], 'c-2023.yaml': [] });
  });

  it("runs a user's own rule file", async () => {
    const ruleFile = [
      'rules:',
      '  local-satisfaction-floor:',
      '    severity: error',
      '    description: { zh: 本区满意度不低于 92%, en: Satisfaction at least 92% here }',
      '    message: { zh: 低于本区要求, en: Below the local floor }',
      '    messages:',
      "      belowMin: { zh: '“{{name}}”低于本区要求 {{min}}%', en: '“{{name}}” is below the local {{min}}%' }",
      '      wrongUnit: { zh: 应为百分比, en: must be a percentage }',
      '      notLowerBound: { zh: 应为下限, en: must be a floor }',
      '      atMaximum: { zh: 不应为 100%, en: not 100% }',
      "    given: $.绩效指标[?(@.一级指标 == '满意度指标')]",
      '    then: { function: target-threshold, options: { min: 92 } }',
      '',
    ].join('\n');
    const folder = await tempFolder({
      '.ptlintrc.yaml': 'ruleFiles: [rules/*.yaml]\n',
      'rules/local.yaml': ruleFile,
      'filing.yaml': satisfactionAt('≥90%'),
    });
    const run = await lintPaths(['filing.yaml'], folder);
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    const local = run.results[0].findings.filter((finding) => finding.ruleId === 'local-satisfaction-floor');
    expect(local.map((finding) => finding.message)).toEqual(['“群众满意度”低于本区要求 92%']);
  });
});

describe('a broken config or rule file stops the run with file, line and column', () => {
  it.each([
    ['an unknown rule id', { '.ptlintrc.yaml': 'rules:\n  satisfaction-treshold: error\n' }, 'unknown-rule .ptlintrc.yaml:2:3 没有名为“satisfaction-treshold”的规则；是否应为“satisfaction-threshold”？'],
    ['a bad severity', { '.ptlintrc.yaml': 'rules:\n  vague-target: fatal\n' }, 'schema-violation .ptlintrc.yaml:2:17'],
    ['an option of the wrong type', { '.ptlintrc.yaml': 'rules:\n  satisfaction-threshold: [error, { min: 很高 }]\n' }, 'invalid-options .ptlintrc.yaml:2:42 规则“satisfaction-threshold”的选项“min”无效：应当是 number 类型'],
    ['an unknown option', { '.ptlintrc.yaml': 'rules:\n  satisfaction-threshold:\n    options: { minimum: 90 }\n' }, 'invalid-options .ptlintrc.yaml:3:14'],
    ['an unknown profile', { '.ptlintrc.yaml': 'extends: ptlint:beijing\n' }, 'unknown-profile .ptlintrc.yaml:1:10 未知的规则集“ptlint:beijing”'],
    ['YAML that does not parse', { '.ptlintrc.yaml': 'rules: [\n' }, 'parse-error .ptlintrc.yaml:2:1'],
    ['a rule file that cannot be found', { '.ptlintrc.yaml': 'ruleFiles: [missing.yaml]\n' }, 'unreadable-file .ptlintrc.yaml:1:13 找不到规则文件“missing.yaml”'],
    [
      'a rule with an invalid selector',
      { '.ptlintrc.yaml': 'ruleFiles: [r.yaml]\n', 'r.yaml': ruleWith({ given: "'$.绩效指标[?(@.一级指标 == 满意度)]'" }) },
      'invalid-selector r.yaml:7:12 选择器“$.绩效指标[?(@.一级指标 == 满意度)]”第 20 个字符处有误',
    ],
    [
      'a rule naming no built-in function',
      { '.ptlintrc.yaml': 'ruleFiles: [r.yaml]\n', 'r.yaml': ruleWith({ fn: 'target-treshold' }) },
      'unknown-function r.yaml:8:23 没有名为“target-treshold”的内置函数；是否应为“target-threshold”？',
    ],
    [
      'a rule lacking a message its function reports',
      { '.ptlintrc.yaml': 'ruleFiles: [r.yaml]\n', 'r.yaml': ruleWith({ messages: '{}' }) },
      'missing-message r.yaml:2:3 函数“target-threshold”会给出以下情形的提示，规则的 messages 中缺少：belowMin、wrongUnit、notLowerBound、atMaximum',
    ],
    [
      'a rule without a required part',
      { '.ptlintrc.yaml': 'ruleFiles: [r.yaml]\n', 'r.yaml': 'rules:\n  my-rule:\n    severity: error\n    given: $.绩效指标[*]\n' },
      'schema-violation r.yaml:2:3',
    ],
  ])('%s', async (_name, files, expected) => {
    const folder = await tempFolder({ ...files, 'filing.yaml': satisfactionAt('≥90%') });
    const problems = problemsOf(await lintPaths(['filing.yaml'], folder));
    expect(problems.join('\n')).toContain(expected);
  });

  it('a path that does not exist', async () => {
    const folder = await tempFolder({});
    expect(problemsOf(await lintPaths(['nowhere.yaml', 'nothing/**/*.yaml'], folder))).toEqual([
      'missing-path nowhere.yaml:undefined:undefined 文件不存在',
      'missing-path nothing/**/*.yaml:undefined:undefined 没有文件与该通配路径匹配',
    ]);
  });
});

function ruleWith({ given = '$.绩效指标[*]', fn = 'target-threshold', messages = '{ belowMin: { zh: 低, en: low }, wrongUnit: { zh: 单位, en: unit }, notLowerBound: { zh: 下限, en: floor }, atMaximum: { zh: 满, en: full } }' }): string {
  return [
    'rules:',
    '  my-rule:',
    '    severity: error',
    '    description: { zh: 说明, en: what }',
    '    message: { zh: 提示, en: message }',
    `    messages: ${messages}`,
    `    given: ${given}`,
    `    then: { function: ${fn}, options: { min: 80 } }`,
    '',
  ].join('\n');
}

describe('precedence', () => {
  it("a user's plain setting beats a profile's year override", async () => {
    const filing = '年度: 2026\n主管部门: 上海市松江区九亭镇\n绩效指标:\n  - { 一级指标: 产出指标, 二级指标: 数量指标, 三级指标: 培训次数, 年度指标值: ≥5次 }\n';
    const profileOnly = await tempFolder({ '.ptlintrc.yaml': 'extends: ptlint:shanghai\n', 'f.yaml': filing });
    expect(findingsOf(await lintPaths(['.'], profileOnly), 'cost-indicator-required')).toEqual(['cost-indicator-required:error:3']);
    const userOff = await tempFolder({ '.ptlintrc.yaml': 'extends: ptlint:shanghai\nrules:\n  cost-indicator-required: off\n', 'f.yaml': filing });
    expect(findingsOf(await lintPaths(['.'], userOff), 'cost-indicator-required')).toEqual([]);
  });
});
