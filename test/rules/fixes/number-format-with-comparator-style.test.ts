import { describe, expect, it } from 'vitest';
import { fixFixtureFiles, lintFixtureFiles } from '../../support/lint-fixture.js';

/**
 * The one fix scenario test/rules/cases/*.yaml cannot express, since each case runs a single rule: number-format and
 * comparator-style both fix the same target value, and --fix (the engine's real fixer) applies both.
 */
const rules = ['number-format', 'comparator-style'];
const row = (value: string) => `  - { 一级指标: 产出指标, 二级指标: 数量指标, 三级指标: 指标, 年度指标值: ${value} }\n`;

async function findingsOf(filing: string) {
  const { results } = await lintFixtureFiles({ 'filing.yaml': filing }, { onlyRules: rules });
  return results.flatMap((result) => result.findings.filter((finding) => rules.includes(finding.ruleId)));
}

describe('number-format and comparator-style fixes', () => {
  it('apply in the same pass on the same value', async () => {
    const filing = `绩效指标:\n${row('">=10.00(次)"')}${row('≥5次')}`;
    const findings = await findingsOf(filing);
    expect(findings.map((finding) => finding.ruleId).sort()).toEqual(['comparator-style', 'number-format']);
    // The fixer defers a fix that overlaps one already taken to a later pass; disjoint edits go in together.
    const edits = findings.flatMap((finding) => finding.fix?.edits ?? []).sort((a, b) => a.range.start - b.range.start);
    expect(edits.length).toBeGreaterThanOrEqual(2);
    edits.forEach((edit, index) => expect(index === 0 || edit.range.start >= edits[index - 1].range.end, 'edits overlap').toBe(true));

    const fixed = await fixFixtureFiles({ 'filing.yaml': filing }, { onlyRules: rules });
    expect(fixed['filing.yaml']).toBe(`绩效指标:\n${row('"≥10次"')}${row('≥5次')}`);
    expect(await findingsOf(fixed['filing.yaml'])).toEqual([]);
  });
});
