import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LintDocument } from '../../src/document/lint-document.js';
import { parseYaml } from '../../src/parse/parse-yaml.js';
import { lintFixtureFiles } from '../support/lint-fixture.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const example = readFileSync(join(repoRoot, 'examples/001_a2faacda87b912c3/两新党建.yaml'), 'utf8');

/** Lints one text with only the engine's own diagnostics (no rules), returning `ruleId line:column message`. */
async function engineFindings(text: string | Buffer, locale: 'zh' | 'en' = 'zh'): Promise<string[]> {
  const files = { 'filing.yaml': text as string };
  const { results } = await lintFixtureFiles(files, { onlyRules: [], locale });
  return results[0].findings.map((finding) => `${finding.ruleId} ${finding.start.line}:${finding.start.column} ${finding.message}`);
}

describe('loading a filing', () => {
  it('maps every value back to the range of its key and of its value', () => {
    const text = '项目名称: 两新党建\n项目资金:\n  项目资金总额:\n    合计: 1,100,000.00\n';
    const parsed = parseYaml('f.yaml', text);
    const document = new LintDocument(parsed.source, parsed.contents, parsed.toData(100));
    const path = ['项目资金', '项目资金总额', '合计'];
    const key = document.rangeOf(path, 'key');
    const value = document.rangeOf(path, 'value');
    expect(text.slice(key.start, key.end)).toBe('合计');
    expect(text.slice(value.start, value.end)).toBe('1,100,000.00');
    expect(document.source.position(value.start)).toEqual({ line: 4, column: 9 });
    expect(document.sourceText(path)).toBe('1,100,000.00');
  });

  it('keeps the exact spelling of a number for money checks', () => {
    const parsed = parseYaml('f.yaml', '合计: 1411700.00\n');
    const document = new LintDocument(parsed.source, parsed.contents, parsed.toData(100));
    expect(document.valueAt(['合计'])).toBe(1411700);
    expect(document.sourceText(['合计'])).toBe('1411700.00');
  });

  it('a missing field falls back to the nearest existing section', () => {
    const text = '项目资金:\n  单位: 元\n';
    const parsed = parseYaml('f.yaml', text);
    const document = new LintDocument(parsed.source, parsed.contents, parsed.toData(100));
    const range = document.rangeOf(['项目资金', '项目资金总额', '合计']);
    expect(text.slice(range.start, range.end)).toBe('项目资金');
  });


  it.each([
    ['a key written as a number, reached by its data key', '年度资金:\n  2025: 100\n  2026: 200\n', ['年度资金', '2026'], '200', '2026'],
    ['a sequence item by index', '绩效指标:\n  - 三级指标: 甲\n  - 三级指标: 乙\n', ['绩效指标', 1, '三级指标'], '乙', '三级指标'],
    ['the last of duplicate keys, the one the data holds', '项目名称: 甲\n项目名称: 乙\n', ['项目名称'], '乙', '项目名称'],
    [
      'a key of a large mapping (looked up through an index), the last of duplicates',
      `${Array.from({ length: 40 }, (_, index) => `栏目${index}: ${index}\n`).join('')}栏目7: 七\n`,
      ['栏目7'],
      '七',
      '栏目7',
    ],
  ])('finds the node and entry of %s', (_case, text, path, value, key) => {
    const parsed = parseYaml('f.yaml', text);
    const document = new LintDocument(parsed.source, parsed.contents, parsed.toData(100));
    const slice = ({ start, end }: { start: number; end: number }) => text.slice(start, end);
    expect(slice(document.rangeOf(path))).toBe(value);
    expect(slice(document.rangeOf(path, 'key'))).toBe(key);
    expect(document.sourceText(path)).toBe(value);
    expect(String(document.valueAt(path))).toBe(value);
    expect(document.pairAt(path)).toBeDefined();
  });
  it('a YAML syntax error is a finding at its position, not an exception', async () => {
    const findings = await engineFindings('项目名称: 两新党建\n绩效指标:\n  - { 一级指标: 产出指标, 年度指标值: >=1家 }\n');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/^parse-error 3:\d+ YAML 语法错误/);
  });

  it('reports a duplicate key on the second occurrence and still lints the file', async () => {
    const findings = await engineFindings('项目名称: 甲\n年度: 2022\n项目名称: 乙\n');
    expect(findings).toEqual([expect.stringMatching(/^duplicate-key 3:1 同一层级出现了重复的栏目名/)]);
  });

  it.each([
    ['a wrong type, on the value', '年度: 二〇二二\n', 'schema-violation 1:5 “年度”应为整数，实际为文字“二〇二二”'],
    ['an unknown field, on the key, with the nearest known one', '项目名字: 甲\n', 'schema-violation 1:1 没有“项目名字”这一栏；是否应为“项目名称”？'],
    ['an amount that is not one', '项目资金:\n  项目资金总额:\n    合计: 一百万\n', 'schema-violation 3:9 “项目资金 › 项目资金总额 › 项目资金总额合计”的值“一百万”无法识别为金额'],
    ['a row field in a table', '绩效指标:\n  - { 一级指标: 产出指标, 指标值: 3 }\n', 'schema-violation 2:19 “绩效指标第1行”中没有“指标值”这一栏；是否应为“年度指标值”？'],
    ['an enum', '项目资金:\n  单位: 千元\n', 'schema-violation 2:7 “项目资金 › 金额单位”应为以下之一：元、万元'],
    ['a document that is not a mapping', '- 甲\n- 乙\n', 'schema-violation 1:1 文件内容不是一张申报表'],
  ])('a schema violation: %s', async (_name, text, expected) => {
    const findings = await engineFindings(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toContain(expected);
  });

  it('schema messages are in English with --locale en', async () => {
    const [finding] = await engineFindings('年度: 二〇二二\n', 'en');
    expect(finding).toBe('schema-violation 1:5 “年度” must be an integer, found the text “二〇二二”');
  });

  it('a real example follows the schema', async () => {
    expect(await engineFindings(example)).toEqual([]);
  });

  it('reads UTF-8 with a BOM and CRLF line ends with the same positions', async () => {
    const broken = '项目名称: 甲\n年度: 二〇二二\n';
    const plain = await engineFindings(broken);
    const withBomAndCrlf = await engineFindings(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(broken.replace(/\n/g, '\r\n'))]));
    expect(withBomAndCrlf).toEqual(plain);
    expect(plain[0]).toMatch(/^schema-violation 2:5 /);
  });

  it.each([
    ['invalid UTF-8', Buffer.from([0x61, 0x3a, 0x20, 0xff, 0xfe, 0x0a]), /^encoding-error 1:1 文件不是有效的 UTF-8 文本（第 3 字节）/],
    ['binary garbage', Buffer.from([0x00, 0x01, 0x02, 0x03]), /^encoding-error 1:1 文件不是文本/],
    ['UTF-32', Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00]), /^encoding-error 1:1 文件编码为 UTF-32LE/],
  ])('%s becomes an error finding', async (_name, bytes, expected) => {
    const findings = await engineFindings(bytes);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(expected);
  });

  it('a malformed filing does not stop the rest of the batch', async () => {
    const { results } = await lintFixtureFiles({ 'a.yaml': 'a: [\n', 'b.yaml': example.replace('党员群众满意度, 年度指标值: ">=90%"', '党员群众满意度, 年度指标值: ">=60%"') }, { onlyRules: ['satisfaction-threshold'] });
    expect(results.map((result) => [result.filePath.endsWith('a.yaml'), result.findings.map((finding) => finding.ruleId)])).toEqual([
      [true, ['parse-error']],
      [false, ['satisfaction-threshold']],
    ]);
  });
});

describe('money is never floating point', () => {
  const sourceFiles = (folder: string): string[] =>
    readdirSync(folder).flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
    });

  it('src/ reads amounts with decimal.js only: no parseFloat, and no Number() or Math on money fields', () => {
    const offenders = sourceFiles(join(repoRoot, 'src')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, index) => ({ line, where: `${file}:${index + 1}` }))
        .filter(({ line }) => /parseFloat\(|(Number|Math\.\w+)\([^)]*(金额|资金|合计|拨款|money|yuan|amount)/i.test(line))
        .map(({ where, line }) => `${where}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});
