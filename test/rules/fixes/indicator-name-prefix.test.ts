import { describe, expect, it } from 'vitest';
import { lintFixtureFiles } from '../../support/lint-fixture.js';
import type { Finding, TextEdit } from '../../../src/types.js';

const ruleId = 'indicator-name-prefix';

async function findingsOf(filing: string): Promise<Finding[]> {
  const { results } = await lintFixtureFiles({ 'filing.yaml': filing }, { onlyRules: [ruleId] });
  return results.flatMap((result) => result.findings.filter((finding) => finding.ruleId === ruleId));
}

/** Applies every finding's fix, last edit first, as --fix does in one pass. */
function applyFixes(text: string, findings: readonly Finding[]): string {
  const edits: TextEdit[] = findings.flatMap((finding) => finding.fix?.edits ?? []).sort((a, b) => b.range.start - a.range.start);
  return edits.reduce((result, edit) => result.slice(0, edit.range.start) + edit.text + result.slice(edit.range.end), text);
}

describe(`${ruleId} fixes`, () => {
  it.each([
    [
      'removes a bracketed project name from plain names in flow rows (党建工作及党群服务阵地建设展示)',
      [
        '绩效指标:',
        '  - { 一级指标: 产出指标, 二级指标: 数量指标, 三级指标: (党建工作及党群服务阵地建设展示) 全年党建活动开展次数, 年度指标值: ≥10.00(次) }',
        '  - { 一级指标: 产出指标, 二级指标: 时效指标, 三级指标: (党建工作及党群服务阵地建设展示) 活动开展及时性, 年度指标值: 及时 }',
        '  - { 一级指标: 满意度指标, 二级指标: 服务对象满意度指标, 三级指标: (党建工作及党群服务阵地建设展示) 党员群众满意度, 年度指标值: ≥90.00(%) }',
        '',
      ].join('\n'),
      [
        '绩效指标:',
        '  - { 一级指标: 产出指标, 二级指标: 数量指标, 三级指标: 全年党建活动开展次数, 年度指标值: ≥10.00(次) }',
        '  - { 一级指标: 产出指标, 二级指标: 时效指标, 三级指标: 活动开展及时性, 年度指标值: 及时 }',
        '  - { 一级指标: 满意度指标, 二级指标: 服务对象满意度指标, 三级指标: 党员群众满意度, 年度指标值: ≥90.00(%) }',
        '',
      ].join('\n'),
    ],
    [
      'edits inside quotes, and quotes a plain remainder that would no longer read back',
      [
        '绩效指标:',
        '  - 三级指标: "【群体经费】全镇健身设施巡查次数"',
        '    年度指标值: ≥48次',
        '  - 三级指标: 【群体经费】-设施维护验收合格率',
        '    年度指标值: "=100%"',
        '  - 三级指标: 【群体经费】群众满意度',
        '    年度指标值: ≥80%',
        '',
      ].join('\n'),
      [
        '绩效指标:',
        '  - 三级指标: "全镇健身设施巡查次数"',
        '    年度指标值: ≥48次',
        '  - 三级指标: "-设施维护验收合格率"',
        '    年度指标值: "=100%"',
        '  - 三级指标: 群众满意度',
        '    年度指标值: ≥80%',
        '',
      ].join('\n'),
    ],
  ])('%s', async (_name, filing, fixed) => {
    const findings = await findingsOf(filing);
    expect(findings).toHaveLength(1);
    const output = applyFixes(filing, findings);
    expect(output).toBe(fixed);
    expect(await findingsOf(output)).toEqual([]);
  });
});
