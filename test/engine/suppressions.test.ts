import { describe, expect, it } from 'vitest';
import { lintFixtureFiles } from '../support/lint-fixture.js';

const rows = (comment = '') =>
  [
    '绩效指标:',
    `  - { 一级指标: 效益指标, 二级指标: 社会效益指标, 三级指标: 抗疫效果, 年度指标值: 明显 }${comment}`,
    '  - { 一级指标: 效益指标, 二级指标: 社会效益指标, 三级指标: 文明创建活动成效, 年度指标值: 显著 }',
    '',
  ].join('\n');

async function findings(text: string): Promise<string[]> {
  const { results } = await lintFixtureFiles({ 'filing.yaml': text }, { onlyRules: ['vague-target', 'satisfaction-threshold'] });
  return results[0].findings.map((finding) => `${finding.ruleId} ${finding.start.line}:${finding.start.column}`);
}

describe('inline suppressions', () => {
  it('without a directive both rows are reported', async () => {
    expect(await findings(rows())).toEqual(['vague-target 2:52', 'vague-target 3:56']);
  });

  it('ptlint-disable-next-line silences the next line only, for the named rule', async () => {
    const text = rows().replace('  - { 一级指标: 效益指标, 二级指标: 社会效益指标, 三级指标: 抗疫效果', '  # ptlint-disable-next-line vague-target -- 区里统一口径，年终另行说明\n  - { 一级指标: 效益指标, 二级指标: 社会效益指标, 三级指标: 抗疫效果');
    expect(await findings(text)).toEqual(['vague-target 4:56']);
  });

  it('ptlint-disable silences a rule in the whole file', async () => {
    expect(await findings(`# ptlint-disable vague-target -- 定性指标按本区要求填写\n${rows()}`)).toEqual([]);
  });

  it('a directive without rule ids silences every rule on that line', async () => {
    const text = rows().replace('  - { 一级指标: 效益指标, 二级指标: 社会效益指标, 三级指标: 文明创建活动成效', '  # ptlint-disable-next-line\n  - { 一级指标: 效益指标, 二级指标: 社会效益指标, 三级指标: 文明创建活动成效');
    expect(await findings(text)).toEqual(['vague-target 2:52']);
  });

  it('an unused directive is reported, naming the rule it was meant for', async () => {
    const text = `# ptlint-disable satisfaction-threshold -- 不需要\n${rows()}`;
    const { results } = await lintFixtureFiles({ 'filing.yaml': text }, { onlyRules: ['vague-target', 'satisfaction-threshold'] });
    const unused = results[0].findings.filter((finding) => finding.ruleId === 'unused-suppression');
    expect(unused.map((finding) => [finding.start.line, finding.start.column, finding.severity, finding.message])).toEqual([
      [1, 1, 'warning', '这条 ptlint-disable 注释没有屏蔽任何问题（satisfaction-threshold），请删除'],
    ]);
  });

  it('a # inside a quoted value is not a directive', async () => {
    const text = rows().replace('三级指标: 抗疫效果', '三级指标: "抗疫效果 # ptlint-disable vague-target"');
    expect(await findings(text)).toEqual(['vague-target 2:84', 'vague-target 3:56']);
  });
});

describe('suppressions and --only', () => {
  it('a directive for a rule left out of the run is not reported as unused', async () => {
    const text = `# ptlint-disable satisfaction-threshold -- 本区口径\n${rows()}`;
    const { results } = await lintFixtureFiles({ 'filing.yaml': text }, { onlyRules: ['vague-target'] });
    expect(results[0].findings.map((finding) => finding.ruleId)).toEqual(['vague-target', 'vague-target']);
  });

  it('a directive naming a rule that does not exist is reported', async () => {
    const text = `# ptlint-disable vage-target\n${rows()}`;
    const { results } = await lintFixtureFiles({ 'filing.yaml': text }, { onlyRules: ['vague-target'] });
    expect(results[0].findings.map((finding) => finding.ruleId)).toContain('unused-suppression');
  });
});
