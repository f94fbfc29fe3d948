import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { lintFixtureFiles } from '../../support/lint-fixture.js';
import type { Finding, TextEdit } from '../../../src/types.js';

const ruleId = 'comparator-style';

async function findingsOf(filing: string, options?: Record<string, unknown>): Promise<Finding[]> {
  const files: Record<string, string> = { 'filing.yaml': filing };
  if (options) files['.ptlintrc.yaml'] = stringify({ rules: { [ruleId]: { options } } });
  const { results } = await lintFixtureFiles(files, { onlyRules: [ruleId] });
  return results.flatMap((result) => result.findings.filter((finding) => finding.ruleId === ruleId));
}

/** Applies every finding's fix, last edit first, as --fix does in one pass. */
function applyFixes(text: string, findings: readonly Finding[]): string {
  const edits: TextEdit[] = findings.flatMap((finding) => finding.fix?.edits ?? []).sort((a, b) => b.range.start - a.range.start);
  return edits.reduce((result, edit) => result.slice(0, edit.range.start) + edit.text + result.slice(edit.range.end), text);
}

const row = (value: string) => `  - { 一级指标: 产出指标, 二级指标: 数量指标, 三级指标: 指标, 年度指标值: ${value} }\n`;
const splitRow = (comparator: string) => `  - { 一级指标: 产出指标, 二级指标: 数量指标, 三级指标: 指标, 比较符: ${comparator}, 数值: 5, 计量单位: 次 }\n`;

describe(`${ruleId} fixes`, () => {
  it.each([
    ['>= inside quotes becomes ≥', undefined, [row('">=50%"'), row('≥5次')], [row('"≥50%"'), row('≥5次')]],
    ['words and full-width signs become symbols', undefined, [row('不低于90%'), row('≥5次'), row('＜３次')], [row('≥90%'), row('≥5次'), row('<３次')]],
    ['a split 比较符 column is rewritten whole, quoted where YAML needs it', { prefer: 'ascii' }, [splitRow('≥'), row('">=1家"')], [splitRow('">="'), row('">=1家"')]],
    ['a plain value that would start with > is quoted', { prefer: 'ascii' }, [row('≥5次'), row('">=1家"')], [row('">=5次"'), row('">=1家"')]],
  ])('%s', async (_name, options, rows, fixedRows) => {
    const filing = `绩效指标:\n${rows.join('')}`;
    const findings = await findingsOf(filing, options);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((finding) => finding.fix !== undefined)).toBe(true);
    const output = applyFixes(filing, findings);
    expect(output).toBe(`绩效指标:\n${fixedRows.join('')}`);
    expect(await findingsOf(output, options)).toEqual([]);
  });
});
