import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RuleFunction } from '../../src/engine/function-api.js';
import { BUILT_IN_FUNCTIONS } from '../../src/functions/index.generated.js';
import { lintFixtureFiles } from '../support/lint-fixture.js';

/**
 * A rule that throws becomes one `rule-failed` finding — `rule <id> failed: <reason>` — on the filing (or, for a batch
 * rule, the unit) it failed on; the other rules on that filing and the same rule on the other filings still report.
 * No built-in rule is known to throw (the fuzzers look for one), so the failure is injected into the function.
 */

const row = (name: string, value: string) => `  - { 一级指标: 效益指标, 二级指标: 社会效益指标, 三级指标: ${name}, 年度指标值: ${value} }\n`;
const files = {
  'poisoned.yaml': `项目名称: 甲\n绩效指标:\n${row('抗疫效果', '明显')}${row('群众满意度', '毒')}`,
  'healthy.yaml': `项目名称: 乙\n绩效指标:\n${row('抗疫效果', '明显')}`,
};

function failOn(functionName: string, fails: (target: unknown) => boolean): void {
  const ruleFunction = (BUILT_IN_FUNCTIONS as Record<string, RuleFunction>)[functionName];
  const original = ruleFunction.run.bind(ruleFunction) as (...args: unknown[]) => unknown;
  vi.spyOn(ruleFunction, 'run').mockImplementation(((...args: unknown[]) => {
    if (fails(args[0])) throw new TypeError('Cannot read properties of undefined (reading "value")');
    return original(...args);
  }) as never);
}

async function findingsByFile(onlyRules: string[], locale: 'zh' | 'en' = 'zh') {
  const { results } = await lintFixtureFiles(files, { onlyRules, locale });
  return Object.fromEntries(results.map((result) => [result.filePath.split('/').pop(), result.findings.map((finding) => `${finding.ruleId}: ${finding.message}`)]));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a rule that throws', () => {
  it('is one rule-failed finding on that filing; other rules and other filings are still linted', async () => {
    const before = await findingsByFile(['vague-target', 'required-fields']);
    failOn('vague-target', (target) => JSON.stringify(target).includes('毒'));
    const after = await findingsByFile(['vague-target', 'required-fields']);

    expect(after['healthy.yaml']).toEqual(before['healthy.yaml']);
    expect(after['healthy.yaml'].some((finding) => finding.startsWith('vague-target:'))).toBe(true);
    expect(after['poisoned.yaml'].filter((finding) => finding.startsWith('rule-failed'))).toEqual([
      'rule-failed: 规则 vague-target 运行失败：Cannot read properties of undefined (reading "value")',
    ]);
    // required-fields still ran on the poisoned filing
    const otherRules = (findings: string[]) => findings.filter((finding) => finding.startsWith('required-fields'));
    expect(otherRules(after['poisoned.yaml'])).toEqual(otherRules(before['poisoned.yaml']));
    expect(otherRules(after['poisoned.yaml']).length).toBeGreaterThan(0);
  });

  it('in a batch rule is reported once for the unit, and the filing rules still report on every filing', async () => {
    const rules = ['boilerplate-indicator', 'vague-target'];
    const before = await findingsByFile(rules);
    failOn('repeated-indicators', () => true);
    const after = await findingsByFile(rules);
    const failures = Object.values(after).flat().filter((finding) => finding.startsWith('rule-failed'));
    expect(failures).toEqual(['rule-failed: 规则 boilerplate-indicator 运行失败：Cannot read properties of undefined (reading "value")']);
    const filingRule = (findings: string[]) => findings.filter((finding) => finding.startsWith('vague-target'));
    for (const name of Object.keys(files)) expect(filingRule(after[name]), name).toEqual(filingRule(before[name]));
  });

  it('reads “rule <id> failed: …” in English', async () => {
    failOn('vague-target', () => true);
    const after = await findingsByFile(['vague-target'], 'en');
    expect(after['poisoned.yaml']).toContain('rule-failed: rule vague-target failed: Cannot read properties of undefined (reading "value")');
  });
});
