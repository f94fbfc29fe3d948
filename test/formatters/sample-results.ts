import path from 'node:path';
import type {
  FileResult,
  Finding,
  FormatContext,
  Position,
  RuleMeta,
  SourceRange,
} from '../../src/types.js';

/** A working folder with a space and Chinese characters, so paths and URIs need encoding. */
export const CWD = path.resolve('/srv/预算 绩效');

export const FILING_PATH = path.join(CWD, '申报表', '社区党建.yaml');
export const SUMMARY_PATH = path.join(CWD, '申报表', '单位汇总.yaml');
export const ODD_PATH = path.join(CWD, '奇怪,名字:100%.yaml');
export const BROKEN_PATH = path.join(CWD, 'broken.yaml');
export const EMPTY_PATH = path.join(CWD, '申报表', '公共图书经费.yaml');

export const FILING_SOURCE = [
  '表名: 财政项目支出绩效目标申报表',
  '年度: 2022',
  '项目名称: 社区党建',
  '项目资金:',
  '  单位: 元',
  '  项目资金总额:',
  '    合计: 1125000',
  '    财政资金: 1125001',
  '    其他资金: 0',
  '绩效指标:',
  '  - { 一级指标: 效益指标, 三级指标: 党组织引领企业, 年度指标值: 明显 }',
  '',
].join('\n');

/** Offsets and 1-based UTF-16 line/column of the `occurrence`-th `needle` in `source`. */
export function locate(
  source: string,
  needle: string,
  occurrence = 1,
): { range: SourceRange; start: Position; end: Position } {
  let start = -1;
  for (let seen = 0; seen < occurrence; seen += 1) {
    start = source.indexOf(needle, start + 1);
    if (start < 0) throw new Error(`"${needle}" #${occurrence} not in source`);
  }
  const end = start + needle.length;
  return { range: { start, end }, start: position(source, start), end: position(source, end) };
}

function position(source: string, offset: number): Position {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

export const TOTAL = locate(FILING_SOURCE, '1125000');
export const VAGUE = locate(FILING_SOURCE, '明显');
export const NAME = locate(FILING_SOURCE, '社区党建');
export const INDICATOR = locate(FILING_SOURCE, '党组织引领企业');

/** An error on a line with Chinese text, with a related location in another file and a fix. */
export const fundingFinding: Finding = {
  ruleId: 'funding-arithmetic',
  severity: 'error',
  message: '项目资金总额合计（1125000）不等于财政资金与其他资金之和（1125001）。',
  messageId: 'sumMismatch',
  ...TOTAL,
  path: ['项目资金', '项目资金总额', '合计'],
  fix: { edits: [{ range: TOTAL.range, text: '1125001' }] },
  related: [
    {
      filePath: SUMMARY_PATH,
      range: { start: 210, end: 217 },
      start: { line: 12, column: 9 },
      end: { line: 12, column: 16 },
      message: '单位汇总表中同一项目的金额',
    },
  ],
  fingerprint: 'funding-arithmetic:6f1e2a',
};

/** A warning whose suggestion needs two edits. */
export const vagueFinding: Finding = {
  ruleId: 'indicator-value-format',
  severity: 'warning',
  message: '年度指标值“明显”无法衡量，请给出可量化的目标值',
  ...VAGUE,
  path: ['绩效指标', 0, '年度指标值'],
  suggestions: [
    {
      message: '改为“党组织引领企业数量 >=1家”',
      fix: {
        edits: [
          { range: VAGUE.range, text: '">=1家"' },
          { range: INDICATOR.range, text: '党组织引领企业数量' },
        ],
      },
    },
  ],
  fingerprint: 'indicator-value-format:91bd0c',
};

export const shortNameFinding: Finding = {
  ruleId: 'target-wording',
  severity: 'info',
  message: '项目名称“社区党建”较笼统，建议写明具体内容。',
  ...NAME,
  fingerprint: 'target-wording:3c77aa',
};

/** Characters every output format must escape: markup, quotes, percent, colon, comma, newlines. */
export const ODD_MESSAGE = `值 <"a" & 'b'> 不合法：超过 50%, 见下行\r\n第二行: 结束`;

export const oddFinding: Finding = {
  ruleId: 'schema-violation',
  severity: 'error',
  message: ODD_MESSAGE,
  range: { start: 0, end: 4 },
  start: { line: 1, column: 1 },
  end: { line: 1, column: 5 },
  fingerprint: 'schema-violation:aa01',
};

export const parseFinding: Finding = {
  ruleId: 'parse-error',
  severity: 'error',
  message: '第 2 行缩进不一致，无法解析 YAML',
  range: { start: 9, end: 10 },
  start: { line: 2, column: 3 },
  end: { line: 2, column: 4 },
  fingerprint: 'parse-error:0001',
};

export function fileResult(filePath: string, findings: Finding[], source?: string): FileResult {
  const count = (severity: Finding['severity']): number =>
    findings.filter((finding) => finding.severity === severity).length;
  return {
    filePath,
    kind: 'filing',
    findings,
    errorCount: count('error'),
    warningCount: count('warning'),
    infoCount: count('info'),
    ...(source === undefined ? {} : { source }),
  };
}

/** 3 errors, 1 warning, 1 info over four files; the last file has no findings. */
export function sampleResults(): FileResult[] {
  return [
    fileResult(FILING_PATH, [shortNameFinding, fundingFinding, vagueFinding], FILING_SOURCE),
    fileResult(ODD_PATH, [oddFinding]),
    fileResult(BROKEN_PATH, [parseFinding]),
    fileResult(EMPTY_PATH, []),
  ];
}

function rule(
  id: string,
  severity: RuleMeta['severity'],
  zh: string,
  en: string,
  extra: Partial<RuleMeta> = {},
): RuleMeta {
  return {
    id,
    severity,
    description: { zh, en },
    fixable: false,
    hasSuggestions: false,
    docsUrl: `https://ptlint.example/rules/${id}`,
    ...extra,
  };
}

export const RULES: ReadonlyMap<string, RuleMeta> = new Map(
  [
    rule('funding-arithmetic', 'error', '资金合计应等于各分项之和', 'Funding totals must equal the sum of their parts', {
      rationale: { zh: '合计与分项不符会导致预算审核退回。', en: 'Mismatched totals get the filing sent back.' },
      source: '《项目支出绩效目标管理办法》第十条',
      fixable: true,
    }),
    rule('indicator-value-format', 'warning', '指标值应可衡量', 'Indicator values must be measurable', {
      hasSuggestions: true,
    }),
    rule('target-wording', 'info', '目标表述应具体', 'Targets should be worded specifically'),
    rule('parse-error', 'error', '文件无法解析', 'The file cannot be parsed'),
    rule('schema-violation', 'error', '不符合申报表结构', 'The filing does not match its schema'),
    rule('unused-suppression', 'warning', '未使用的抑制注释', 'Unused suppression comment', { docsUrl: undefined }),
    rule('legacy-wording', 'off', '旧版措辞检查', 'Legacy wording check', {
      docsUrl: 'file:///opt/ptlint/docs/rules/legacy-wording.md',
    }),
  ].map((meta) => [meta.id, meta]),
);

export function makeContext(overrides: Partial<FormatContext> = {}): FormatContext {
  return { cwd: CWD, locale: 'zh', color: false, rules: RULES, version: '0.1.0', ...overrides };
}
