import { describe, expect, it } from 'vitest';
import { format } from '../../src/formatters/stylish.js';
import { displayWidth } from '../../src/formatters/shared.js';
import type { Finding } from '../../src/types.js';
import {
  EMPTY_PATH,
  FILING_PATH,
  fileResult,
  fundingFinding,
  makeContext,
  sampleResults,
  shortNameFinding,
  vagueFinding,
} from './sample-results.js';

const ANSI = /\u001b\[[0-9;]*m/;

function finding(overrides: Partial<Finding>): Finding {
  return { ...fundingFinding, related: undefined, fix: undefined, ...overrides };
}

function rowsOf(output: string, filePath: string): string[] {
  const lines = output.split('\n');
  const header = lines.indexOf(filePath);
  const end = lines.indexOf('', header);
  return lines.slice(header + 1, end);
}

describe('stylish formatter', () => {
  it('renders the exact ESLint layout, padding Chinese text by display width', () => {
    const results = [
      fileResult(FILING_PATH, [
        finding({ message: '合计不符', ruleId: 'a-rule', start: { line: 7, column: 9 } }),
        finding({ message: 'too long text', ruleId: 'b', severity: 'warning', start: { line: 12, column: 10 } }),
      ]),
    ];
    expect(format(results, makeContext({ locale: 'en' }))).toBe(
      '\n' +
        '申报表/社区党建.yaml\n' +
        '   7:9   error    合计不符       a-rule\n' +
        '  12:10  warning  too long text  b\n' +
        '\n' +
        '✖ 2 problems (1 error, 1 warning, 0 infos)\n',
    );
  });

  it('lines up the rule ids of rows whose Chinese messages differ in length', () => {
    const rows = rowsOf(format(sampleResults(), makeContext()), '申报表/社区党建.yaml');
    const ruleIds = [shortNameFinding, fundingFinding, vagueFinding].map((f) => f.ruleId);
    expect(rows).toHaveLength(3);
    const ruleColumns = rows.map((row, index) => displayWidth(row.slice(0, row.lastIndexOf(ruleIds[index]))));
    expect(new Set(ruleColumns).size).toBe(1);
    const messageColumns = rows.map((row) => displayWidth(row.slice(0, row.search(/[\u4e00-\u9fff]{2}  /) + 4)));
    expect(new Set(messageColumns).size).toBe(1);
  });

  it('right-aligns lines and left-aligns columns in the position column', () => {
    const rows = rowsOf(format(sampleResults(), makeContext()), '申报表/社区党建.yaml');
    expect(rows.map((row) => row.slice(0, 8))).toEqual(['   3:7  ', '   7:9  ', '  11:41 ']);
  });

  it('shows paths relative to cwd and skips files without findings', () => {
    const output = format(sampleResults(), makeContext());
    expect(output).toContain('\n申报表/社区党建.yaml\n');
    expect(output).toContain('\n奇怪,名字:100%.yaml\n');
    expect(output).not.toContain('/srv/');
    expect(output).not.toContain('公共图书经费');
  });

  it('keeps a multi-line message on its row', () => {
    const rows = rowsOf(format(sampleResults(), makeContext()), '奇怪,名字:100%.yaml');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('见下行 第二行: 结束  schema-violation');
  });

  it('summarises counts in Chinese', () => {
    const output = format(sampleResults(), makeContext({ locale: 'zh' }));
    expect(output.endsWith('\n✖ 5 个问题（3 个错误，1 个警告，1 个提示）\n')).toBe(true);
    expect(output).toMatch(/ 错误  项目资金总额/);
    expect(output).toMatch(/ 警告  年度指标值/);
    expect(output).toMatch(/ 提示  项目名称/);
  });

  it('summarises counts in English, with singular nouns for one', () => {
    expect(format(sampleResults(), makeContext({ locale: 'en' }))).toContain(
      '\n✖ 5 problems (3 errors, 1 warning, 1 info)\n',
    );
    const one = [fileResult(FILING_PATH, [fundingFinding])];
    expect(format(one, makeContext({ locale: 'en' }))).toContain('✖ 1 problem (1 error, 0 warnings, 0 infos)');
  });

  it('uses English severity words in English', () => {
    const output = format(sampleResults(), makeContext({ locale: 'en' }));
    expect(output).toMatch(/ error    项目资金总额/);
    expect(output).toMatch(/ warning  年度指标值/);
    expect(output).toMatch(/ info     项目名称/);
    expect(output).not.toMatch(/错误|警告|提示/);
  });

  it('prints no escape codes when colour is off', () => {
    expect(format(sampleResults(), makeContext({ color: false }))).not.toMatch(ANSI);
  });

  it('underlines paths and colours severities when colour is on', () => {
    const output = format(sampleResults(), makeContext({ color: true }));
    expect(output).toContain('\u001b[4m申报表/社区党建.yaml\u001b[24m');
    expect(output).toContain('\u001b[31m错误\u001b[39m');
    expect(output).toContain('\u001b[33m警告\u001b[39m');
  });

  it('keeps columns aligned when colour is on', () => {
    const plain = format(sampleResults(), makeContext({ color: false }));
    const coloured = format(sampleResults(), makeContext({ color: true }));
    expect(coloured.replace(new RegExp(ANSI.source, 'g'), '')).toBe(plain);
  });

  it('prints nothing at all when no file has findings', () => {
    expect(format([fileResult(EMPTY_PATH, [])], makeContext({ color: true }))).toBe('');
    expect(format([], makeContext())).toBe('');
  });
});

describe('displayWidth', () => {
  it('counts East Asian wide and fullwidth characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('合计: 1125000')).toBe(13);
    expect(displayWidth('（1125000）。')).toBe(13);
    expect(displayWidth('“明显”')).toBe(6);
  });

  it('counts combining marks as zero columns', () => {
    expect(displayWidth('e\u0301')).toBe(1);
  });
});
