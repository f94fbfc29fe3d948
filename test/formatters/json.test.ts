import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { format } from '../../src/formatters/json.js';
import {
  BROKEN_PATH,
  CWD,
  EMPTY_PATH,
  FILING_PATH,
  FILING_SOURCE,
  INDICATOR,
  ODD_MESSAGE,
  TOTAL,
  VAGUE,
  fileResult,
  makeContext,
  sampleResults,
  vagueFinding,
} from './sample-results.js';

interface Fix {
  range: [number, number];
  text: string;
}

interface Message {
  ruleId: string;
  severity: number;
  ptlintSeverity?: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  messageId?: string;
  fix?: Fix;
  suggestions?: Array<{ desc: string; fix: Fix }>;
  fatal?: boolean;
}

interface Result {
  filePath: string;
  messages: Message[];
  suppressedMessages: Message[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  usedDeprecatedRules: unknown[];
  source?: string;
}

function run(results = sampleResults()): Result[] {
  return JSON.parse(format(results, makeContext())) as Result[];
}

function applyFix(source: string, fix: Fix): string {
  return source.slice(0, fix.range[0]) + fix.text + source.slice(fix.range[1]);
}

describe('json formatter', () => {
  it('writes one line of JSON', () => {
    const output = format(sampleResults(), makeContext());
    expect(output).not.toContain('\n');
    expect(output).toContain('项目资金总额合计');
  });

  it('has the keys of an ESLint LintResult and absolute file paths', () => {
    const results = run();
    expect(results.map((result) => result.filePath)).toEqual([
      FILING_PATH,
      path.join(CWD, '奇怪,名字:100%.yaml'),
      BROKEN_PATH,
      EMPTY_PATH,
    ]);
    expect(Object.keys(results[0])).toEqual([
      'filePath',
      'messages',
      'suppressedMessages',
      'errorCount',
      'fatalErrorCount',
      'warningCount',
      'fixableErrorCount',
      'fixableWarningCount',
      'usedDeprecatedRules',
    ]);
    expect(results[0]).not.toHaveProperty('source');
  });

  it('resolves relative file paths against cwd', () => {
    const [result] = run([fileResult('申报表/社区党建.yaml', [])]);
    expect(result.filePath).toBe(FILING_PATH);
  });

  it('maps error to 2 and warning and info to 1, marking infos', () => {
    const messages = run()[0].messages;
    expect(messages.map((m) => [m.ruleId, m.severity, m.ptlintSeverity])).toEqual([
      ['target-wording', 1, 'info'],
      ['funding-arithmetic', 2, undefined],
      ['indicator-value-format', 1, undefined],
    ]);
    expect(messages[1]).not.toHaveProperty('ptlintSeverity');
  });

  it('keeps 1-based positions and the message', () => {
    const message = run()[0].messages[1];
    expect(message).toMatchObject({
      message: '项目资金总额合计（1125000）不等于财政资金与其他资金之和（1125001）。',
      messageId: 'sumMismatch',
      line: 7,
      column: 9,
      endLine: 7,
      endColumn: 16,
    });
    expect(run()[1].messages[0].message).toBe(ODD_MESSAGE);
  });

  it('writes a single-edit fix as range and text', () => {
    const fix = run()[0].messages[1].fix;
    expect(fix).toEqual({ range: [TOTAL.range.start, TOTAL.range.end], text: '1125001' });
    expect(applyFix(FILING_SOURCE, fix as Fix)).toContain('    合计: 1125001\n');
  });

  it('merges a multi-edit suggestion into one replacement when the source is known', () => {
    const suggestions = run()[0].messages[2].suggestions ?? [];
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0].desc).toBe('改为“党组织引领企业数量 >=1家”');
    expect(suggestions[0].fix.range).toEqual([INDICATOR.range.start, VAGUE.range.end]);
    expect(applyFix(FILING_SOURCE, suggestions[0].fix)).toContain(
      '三级指标: 党组织引领企业数量, 年度指标值: ">=1家" }',
    );
  });

  it('leaves out a multi-edit fix when the source is unknown', () => {
    const [result] = run([fileResult(FILING_PATH, [vagueFinding])]);
    expect(result.messages[0]).not.toHaveProperty('suggestions');
  });

  it('counts errors, warnings (infos included) and fixable ones per file', () => {
    const counts = run().map((r) => [r.errorCount, r.warningCount, r.fixableErrorCount, r.fixableWarningCount]);
    expect(counts).toEqual([
      [1, 2, 1, 0],
      [1, 0, 0, 0],
      [1, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
  });

  it('marks parse errors fatal, as ESLint does', () => {
    const results = run();
    expect(results[2].messages[0].fatal).toBe(true);
    expect(results[2].fatalErrorCount).toBe(1);
    expect(results[0].messages.some((message) => 'fatal' in message)).toBe(false);
  });

  it('keeps files without findings with empty messages', () => {
    expect(run()[3]).toMatchObject({ messages: [], errorCount: 0, warningCount: 0 });
  });
});
