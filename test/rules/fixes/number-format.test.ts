import { describe, expect, it } from 'vitest';
import { lintFixtureFiles } from '../../support/lint-fixture.js';
import type { Finding, TextEdit } from '../../../src/types.js';

const ruleId = 'number-format';

async function findingsOf(filing: string, ruleIds: string[] = [ruleId]): Promise<Finding[]> {
  const { results } = await lintFixtureFiles({ 'filing.yaml': filing }, { onlyRules: ruleIds });
  return results.flatMap((result) => result.findings.filter((finding) => ruleIds.includes(finding.ruleId)));
}

/** Applies every finding's fix, last edit first, as --fix does in one pass; overlapping edits would corrupt the text. */
function applyFixes(text: string, findings: readonly Finding[]): string {
  const edits: TextEdit[] = findings.flatMap((finding) => finding.fix?.edits ?? []).sort((a, b) => b.range.start - a.range.start);
  edits.forEach((edit, index) => expect(index === 0 || edit.range.end <= edits[index - 1].range.start, 'edits overlap').toBe(true));
  return edits.reduce((result, edit) => result.slice(0, edit.range.start) + edit.text + result.slice(edit.range.end), text);
}

const row = (value: string) => `  - { 一级指标: 产出指标, 二级指标: 数量指标, 三级指标: 指标, 年度指标值: ${value} }\n`;

describe(`${ruleId} fixes`, () => {
  it.each([
    ['trailing zeros and brackets, plain', row('≥10.00(次)'), row('≥10次')],
    ['inside double quotes', row('"=100.00(%)"'), row('"=100%"')],
    ['full-width brackets round a composite unit', row('≤800.00（元/种/年）'), row('≤800元/种/年')],
    ['full-width digits and percent sign', row('≥９０％'), row('≥90%')],
    ['both ends of a range and the unit between them', row('95.0％－98.50％'), row('95%-98.5%')],
    ['a full-width deadline', row('６月３０日前'), row('6月30日前')],
    ['thousands separators stay', row('"≥1,100.00(册)"'), row('"≥1,100册"')],
    [
      'split columns, each cell on its own',
      '  - { 一级指标: 产出指标, 二级指标: 数量指标, 三级指标: 指标, 比较符: ≥, 数值: 10.00, 计量单位: （次） }\n',
      '  - { 一级指标: 产出指标, 二级指标: 数量指标, 三级指标: 指标, 比较符: ≥, 数值: 10, 计量单位: 次 }\n',
    ],
    ['a block mapping row', '  - 一级指标: 产出指标\n    三级指标: 指标\n    年度指标值: ≥8.00(人次)\n', '  - 一级指标: 产出指标\n    三级指标: 指标\n    年度指标值: ≥8人次\n'],
  ])('%s', async (_name, rows, fixedRows) => {
    const filing = `绩效指标:\n${rows}`;
    const findings = await findingsOf(filing);
    expect(findings).toHaveLength(1);
    expect(findings[0].fix).toBeDefined();
    const output = applyFixes(filing, findings);
    expect(output).toBe(`绩效指标:\n${fixedRows}`);
    expect(await findingsOf(output)).toEqual([]);
  });

  it('reports a folded scalar without a fix rather than edit shifted offsets', async () => {
    const findings = await findingsOf('绩效指标:\n  - 三级指标: 指标\n    年度指标值: >-\n      ≥10.00(次)\n');
    expect(findings).toHaveLength(1);
    expect(findings[0].fix).toBeUndefined();
  });

  it('applies in the same pass as comparator-style on the same value', async () => {
    const filing = `绩效指标:\n${row('">=10.00(次)"')}${row('≥5次')}`;
    const findings = await findingsOf(filing, [ruleId, 'comparator-style']);
    expect(findings.map((finding) => finding.ruleId).sort()).toEqual(['comparator-style', ruleId]);
    const output = applyFixes(filing, findings);
    expect(output).toBe(`绩效指标:\n${row('"≥10次"')}${row('≥5次')}`);
    expect(await findingsOf(output, [ruleId, 'comparator-style'])).toEqual([]);
  });
});
