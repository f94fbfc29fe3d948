import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

/**
 * Generated filings for property tests and fuzzing: the header of a real example, then indicator rows drawn from
 * the spellings that occur in real filings — `>=10.00(次)`, `≥５次`, `=100.00(%)`, 不低于, full-width digits —
 * written as flow or block mappings, in plain, single- or double-quoted scalars, with comments and blank lines
 * between rows, and LF or CRLF line ends. Every comment carries a unique tag so that a test can find it again.
 */

export const examplesFolder = join(import.meta.dirname, '..', '..', '..', 'examples');

/** Every example as `folder/name.yaml` → UTF-8 text. */
export const examples: Readonly<Record<string, string>> = Object.fromEntries(
  readdirSync(examplesFolder).flatMap((folder) =>
    readdirSync(join(examplesFolder, folder)).map((name) => [`${folder}/${name}`, readFileSync(join(examplesFolder, folder, name), 'utf8')]),
  ),
);

/** The part of an example above its indicator table, with a goal that the prose rules have something to fix in. */
const HEADER = (() => {
  const example = examples['001_a2faacda87b912c3/两新党建.yaml'];
  return example.slice(0, example.indexOf('绩效指标:')).replace('计划开始日期:\n', '计划开始日期: 2022-01-01\n').replace('计划完成日期:\n', '计划完成日期: 2022-12-31\n');
})();

const CATEGORIES: ReadonlyArray<[string, string]> = [
  ['产出指标', '数量指标'],
  ['产出指标', '质量指标'],
  ['产出指标', '时效指标'],
  ['产出', '数量指标'],
  ['成本指标', '经济成本指标'],
  ['效益指标', '社会效益指标'],
  ['满意度指标', '服务对象满意度指标'],
];

const NAMES = ['专题培训次数', '项目验收合格率', '党员群众满意度', '活动成本', '完成时间', '服务人次', '覆盖率', '宣传的的覆盖面', '全年年活动场次'];
const COMPARATORS = ['≥', '>=', '＞＝', '≧', '不低于', '大于等于', '=', '＝', '≤', '<=', '不高于', '>', '＞', ''];
const NUMBERS = ['10', '10.00', '１０', '5', '５', '100.00', '95.5', '95.50', '1,000', '１，０００', '0.50', '３'];
const UNITS = ['次', '(次)', '（次）', '%', '(%)', '％', '人次', '元/次', '（元/次）', '家', '个', ''];
const WHOLE_TARGETS = ['６月３０日前', '2022年12月31日前', '年底前', '明显', '提升', '较上年提高', '≥５次', '=100.00(%)', '>=10.00(次)', '≤800.00（元/种/年）', '95.0％－98.50％', '5-10次'];

export type ScalarStyle = 'plain' | 'single' | 'double';

export interface IndicatorRow {
  level1: string;
  level2: string;
  name: string;
  target: string;
  layout: 'flow' | 'block';
  style: ScalarStyle;
  blankBefore: boolean;
  commentBefore: boolean;
  trailingComment: boolean;
}

export interface GeneratedFiling {
  text: string;
  /** every comment written, each with a unique tag */
  comments: string[];
  lineEnd: '\n' | '\r\n';
}

const target = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...COMPARATORS), fc.constantFrom(...NUMBERS), fc.constantFrom(...UNITS)).map(([comparator, number, unit]) => comparator + number + unit) },
  { weight: 1, arbitrary: fc.constantFrom(...WHOLE_TARGETS) },
);

export const indicatorRow: fc.Arbitrary<IndicatorRow> = fc.record({
  category: fc.constantFrom(...CATEGORIES),
  name: fc.constantFrom(...NAMES),
  target,
  layout: fc.constantFrom<'flow' | 'block'>('flow', 'block'),
  style: fc.constantFrom<ScalarStyle>('plain', 'single', 'double'),
  blankBefore: fc.boolean(),
  commentBefore: fc.boolean(),
  trailingComment: fc.boolean(),
}).map(({ category: [level1, level2], ...rest }) => ({ level1, level2, ...rest }));

export const generatedFiling: fc.Arbitrary<GeneratedFiling> = fc
  .tuple(fc.array(indicatorRow, { minLength: 1, maxLength: 10 }), fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'), fc.constantFrom('', '全年年开展活动,服务群众 and 党员。'))
  .map(([rows, lineEnd, goalNote]) => renderFiling(rows, lineEnd, goalNote));

/** Writes the rows below the example header; comments are tagged `#c<n>`. */
export function renderFiling(rows: readonly IndicatorRow[], lineEnd: '\n' | '\r\n', goalNote = ''): GeneratedFiling {
  const comments: string[] = [];
  const comment = (text: string) => {
    const tagged = `# c${comments.length}: ${text}`;
    comments.push(tagged);
    return tagged;
  };
  const header = goalNote ? HEADER.replace('  年度总目标: >-\n    ', `  年度总目标: >-\n    ${goalNote}`) : HEADER;
  const lines = [header.trimEnd(), '', `绩效指标:  ${comment('指标表')}`];
  for (const row of rows) {
    if (row.blankBefore) lines.push('');
    if (row.commentBefore) lines.push(`  ${comment('以下为一行指标')}`);
    const trailing = row.trailingComment ? `  ${comment('行尾注释')}` : '';
    const scalar = (value: string) => yamlScalar(value, row.style, row.layout === 'flow');
    if (row.layout === 'flow') {
      lines.push(`  - { 一级指标: ${scalar(row.level1)}, 二级指标: ${scalar(row.level2)}, 三级指标: ${scalar(row.name)}, 年度指标值: ${scalar(row.target)} }${trailing}`);
    } else {
      lines.push(`  - 一级指标: ${scalar(row.level1)}`, `    二级指标: ${scalar(row.level2)}`, `    三级指标: ${scalar(row.name)}`, `    年度指标值: ${scalar(row.target)}${trailing}`);
    }
  }
  lines.push(comment('表尾'), '');
  return { text: lines.join('\n').replace(/\n/g, lineEnd), comments, lineEnd };
}

/**
 * A YAML scalar for `value` in the requested style; a plain scalar only where YAML reads it back as the same string
 * (not a number, no indicator at its start, no flow punctuation inside a flow mapping), double quotes otherwise.
 */
export function yamlScalar(value: string, style: ScalarStyle, inFlow: boolean): string {
  const plainIsSafe =
    value !== '' &&
    !/^[-?:,[\]{}#&*!|>'"%@`=<\s]/u.test(value) &&
    !/[:#]\s|\s$/u.test(value) &&
    !(inFlow && /[,[\]{}]/u.test(value)) &&
    !/^[-+]?[\d.,_]+$/u.test(value);
  if (style === 'plain' && plainIsSafe) return value;
  if (style === 'single') return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value);
}

/** The bytes of one of `texts` with one to eight mutations: a byte replaced or inserted, a span removed or duplicated. */
export const mutatedBytes = (texts: readonly string[]): fc.Arbitrary<Uint8Array> =>
  fc
    .tuple(
      fc.constantFrom(...texts),
      fc.array(fc.tuple(fc.constantFrom('replace', 'remove', 'insert', 'duplicate'), fc.nat(), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 64 })), { minLength: 1, maxLength: 8 }),
    )
    .map(([text, mutations]) => {
      let bytes = Array.from(Buffer.from(text));
      for (const [kind, at, byte, length] of mutations) {
        const position = bytes.length === 0 ? 0 : at % bytes.length;
        if (kind === 'replace' && bytes.length > 0) bytes[position] = byte;
        else if (kind === 'remove') bytes.splice(position, length);
        else if (kind === 'insert') bytes.splice(position, 0, byte);
        else bytes.splice(position, 0, ...bytes.slice(position, position + length));
      }
      return Uint8Array.from(bytes);
    });

/**
 * One of `texts` with one to six edits that keep it text but break its structure: lines removed, duplicated, swapped,
 * indented or dedented, and YAML punctuation, anchors, aliases, tags or full-width characters inserted.
 */
export const mutatedText = (texts: readonly string[]): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom(...texts),
      fc.array(
        fc.tuple(fc.constantFrom('remove-line', 'duplicate-line', 'swap-lines', 'insert-text', 'indent', 'dedent'), fc.nat(), fc.nat(), fc.constantFrom('-', ':', ' ', '{', '}', '[', ']', '"', "'", '#', '&a', '*a', '?', '\t', '\n', '≥', '%', '０', '年', 'null', '~', '!!str', '<<: *a')),
        { minLength: 1, maxLength: 6 },
      ),
    )
    .map(([text, mutations]) => {
      const lines = text.split('\n');
      for (const [kind, first, second, inserted] of mutations) {
        const a = first % lines.length;
        const b = second % lines.length;
        if (kind === 'remove-line' && lines.length > 1) lines.splice(a, 1);
        else if (kind === 'duplicate-line') lines.splice(a, 0, lines[a]);
        else if (kind === 'swap-lines') [lines[a], lines[b]] = [lines[b], lines[a]];
        else if (kind === 'insert-text') lines[a] = lines[a].slice(0, second % (lines[a].length + 1)) + inserted + lines[a].slice(second % (lines[a].length + 1));
        else if (kind === 'indent') lines[a] = `  ${lines[a]}`;
        else lines[a] = lines[a].replace(/^ {1,2}/, '');
      }
      return lines.join('\n');
    });
