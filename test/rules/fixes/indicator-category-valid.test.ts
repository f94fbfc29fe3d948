import { describe, expect, it } from 'vitest';
import { lintFixtureFiles } from '../../support/lint-fixture.js';
import type { Finding, TextEdit } from '../../../src/types.js';

const ruleId = 'indicator-category-valid';

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
      'removes spaces inside a category name',
      '绩效指标:\n  - { 一级指标: 满意度指标, 二级指标: 服务对象满意度 指标, 三级指标: 群众满意度, 年度指标值: ≥90% }\n',
      '绩效指标:\n  - { 一级指标: 满意度指标, 二级指标: 服务对象满意度指标, 三级指标: 群众满意度, 年度指标值: ≥90% }\n',
    ],
    [
      'completes names missing 指标 at both levels, quoted or not',
      '绩效指标:\n  - 一级指标: "产出 "\n    二级指标: 数量\n    三级指标: 培训次数\n    年度指标值: ≥6次\n',
      '绩效指标:\n  - 一级指标: 产出指标\n    二级指标: 数量指标\n    三级指标: 培训次数\n    年度指标值: ≥6次\n',
    ],
  ])('%s', async (_name, filing, fixed) => {
    const findings = await findingsOf(filing);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((finding) => finding.fix !== undefined)).toBe(true);
    const output = applyFixes(filing, findings);
    expect(output).toBe(fixed);
    expect(await findingsOf(output)).toEqual([]);
  });

  it('offers no fix for an unknown name, only a suggestion', async () => {
    const findings = await findingsOf('绩效指标:\n  - { 一级指标: 效益指标, 二级指标: 社会效果指标, 三级指标: 凝聚力, 年度指标值: 提升 }\n');
    expect(findings).toHaveLength(1);
    expect(findings[0].fix).toBeUndefined();
    expect(findings[0].suggestions?.[0].fix.edits[0].text).toBe('社会效益指标');
  });
});
