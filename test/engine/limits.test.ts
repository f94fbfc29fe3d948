import { describe, expect, it } from 'vitest';
import { lintFixtureFiles } from '../support/lint-fixture.js';

/** Each hostile file ends as one finding on that file; the well-formed neighbour is still linted. */
const neighbour = '绩效指标:\n  - { 一级指标: 效益指标, 二级指标: 社会效益指标, 三级指标: 抗疫效果, 年度指标值: 明显 }\n';

function billionLaughs(): string {
  let text = 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let level = 1; level < 10; level++) {
    const name = String.fromCharCode(97 + level);
    const previous = String.fromCharCode(96 + level);
    text += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]\n`;
  }
  return text;
}

async function findingsOf(hostile: string | Buffer, config?: string) {
  const files: Record<string, string> = { 'hostile.yaml': hostile as string, 'neighbour.yaml': neighbour };
  if (config) files['.ptlintrc.yaml'] = config;
  const { results } = await lintFixtureFiles(files, { onlyRules: ['vague-target'] });
  return Object.fromEntries(results.map((result) => [result.filePath.split('/').pop(), result.findings.map((finding) => `${finding.ruleId}: ${finding.message}`)]));
}

describe('hostile input', () => {
  it('an alias bomb stops at the alias limit', async () => {
    const findings = await findingsOf(billionLaughs());
    expect(findings['hostile.yaml']).toEqual([expect.stringContaining('limit-exceeded: YAML 别名（*名称）展开次数超过上限 100')]);
    expect(findings['neighbour.yaml']).toHaveLength(1);
  });

  it('20,000 levels of nesting are a finding, not a stack overflow', async () => {
    const findings = await findingsOf(`a: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`);
    expect(findings['hostile.yaml']).toEqual([expect.stringContaining('嵌套层数过深')]);
    expect(findings['neighbour.yaml']).toHaveLength(1);
  });

  it('nesting within the parser but past the configured depth is refused', async () => {
    const nested = `a: ${'['.repeat(100)}${']'.repeat(100)}\n`;
    expect((await findingsOf(nested))['hostile.yaml']).toEqual([expect.stringContaining('嵌套层数超过上限 64')]);
    const allowed = (await findingsOf(nested, 'limits: { maxDepth: 200 }\n'))['hostile.yaml'];
    expect(allowed.filter((finding) => finding.startsWith('limit-exceeded'))).toEqual([]);
    expect(allowed).toEqual([expect.stringContaining('schema-violation: 没有“a”这一栏')]);
  });

  it('a file over the size limit is not read', async () => {
    const findings = await findingsOf(`项目名称: ${'甲'.repeat(4_000_000)}\n`);
    expect(findings['hostile.yaml']).toEqual([expect.stringMatching(/^limit-exceeded: 文件有 11\.4 MB，超过了 10\.0 MB 的上限/)]);
    expect(findings['neighbour.yaml']).toHaveLength(1);
  });

  it('a single long line under the limit is linted', async () => {
    const findings = await findingsOf(`项目名称: ${'甲'.repeat(3_000_000)}\n`);
    expect(findings['hostile.yaml']).toEqual([]);
  });

  it('the size limit is configurable', async () => {
    const findings = await findingsOf(`项目名称: ${'甲'.repeat(1000)}\n`, 'limits: { maxFileBytes: 1000 }\n');
    expect(findings['hostile.yaml']).toEqual([expect.stringContaining('超过了 1 KB 的上限')]);
  });

  it('a file just over the limit names both sizes in bytes, which rounding would make look equal', async () => {
    const findings = await findingsOf(`项目名称: ${'甲'.repeat(329)}\n`, 'limits: { maxFileBytes: 1000 }\n');
    expect(findings['hostile.yaml']).toEqual([expect.stringContaining('文件有 1,002 B，超过了 1,000 B 的上限')]);
  });
});

describe('rule time budget', () => {
  it('a rule over its budget becomes a rule-failed finding and the run goes on', async () => {
    const findings = await findingsOf(neighbour, 'limits: { ruleMilliseconds: 0 }\n');
    // with a budget of 0 ms every rule run takes longer than allowed; the rule's own findings stay
    const onNeighbour = findings['neighbour.yaml'];
    expect(onNeighbour.some((finding) => finding.startsWith('vague-target'))).toBe(true);
    expect(onNeighbour.filter((finding) => finding.startsWith('rule-failed'))).toEqual([
      expect.stringMatching(/^rule-failed: 规则 vague-target 运行失败：用时 \d+ 毫秒，超过了 0 毫秒的上限（limits\.ruleMilliseconds）$/),
    ]);
  });

  it('within the default budget nothing is reported', async () => {
    const findings = await findingsOf(neighbour);
    expect(Object.values(findings).flat().filter((finding) => finding.startsWith('rule-failed'))).toEqual([]);
  });
});
