import { describe, expect, it } from 'vitest';
import { lintFixtureFiles } from '../../support/lint-fixture.js';
import type { Finding, TextEdit } from '../../../src/types.js';

const ruleId = 'text-hygiene';

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
      'a stray word and half-width commas in a folded goal (党建工作及党群服务阵地建设展示)',
      '绩效目标:\n  年度总目标: >-\n    贯彻落实习近平新时代中国特色社会主义思想 and 二十大精神, 立足全面加强城市基层党建大背景, 努力构建“一站式”党员群众服务平台。\n',
      '绩效目标:\n  年度总目标: >-\n    贯彻落实习近平新时代中国特色社会主义思想和二十大精神，立足全面加强城市基层党建大背景，努力构建“一站式”党员群众服务平台。\n',
    ],
    [
      'a doubled character in a name and a semicolon in a quoted goal (群文经费, 宣传与推广)',
      '绩效目标:\n  年度总目标: "形成比学赶超的态势;发动机关党员志愿者，，参与创建文明城区"\n绩效指标:\n  - { 一级指标: 效益指标, 二级指标: 社会效益指标, 三级指标: 全年年活动参与总人次, 年度指标值: ≥600.00(人次) }\n',
      '绩效目标:\n  年度总目标: "形成比学赶超的态势；发动机关党员志愿者，参与创建文明城区"\n绩效指标:\n  - { 一级指标: 效益指标, 二级指标: 社会效益指标, 三级指标: 全年活动参与总人次, 年度指标值: ≥600.00(人次) }\n',
    ],
  ])('%s', async (_name, filing, fixed) => {
    const findings = await findingsOf(filing);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((finding) => finding.fix !== undefined)).toBe(true);
    const output = applyFixes(filing, findings);
    expect(output).toBe(fixed);
    expect(await findingsOf(output)).toEqual([]);
  });
});
