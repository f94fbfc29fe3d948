import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  COMPARATOR_SPELLINGS,
  PREFERRED_SPELLINGS,
  PREFIX_COMPARATOR_SPELLINGS,
  SUFFIX_COMPARATOR_SPELLINGS,
  comparatorOf,
  isDeadline,
  isQualitative,
  isQuantity,
  isRange,
  parseTarget,
  sameDirection,
  spellComparator,
  type Comparator,
  type ComparatorStyle,
  type Deadline,
  type ParsedTarget,
  type Span,
  type TargetNote,
} from '../../src/values/target.js';

interface QuantityRow {
  input: string;
  comparator: Comparator;
  style: ComparatorStyle;
  comparatorText: string | undefined;
  value: string;
  valueText: string;
  unit: string | undefined;
  unitText?: string;
  bracketed?: boolean;
}

function quantity(
  input: string,
  comparator: Comparator,
  style: ComparatorStyle,
  comparatorText: string | undefined,
  value: string,
  valueText: string,
  unit: string | undefined,
  extra: Partial<Pick<QuantityRow, 'unitText' | 'bracketed'>> = {},
): QuantityRow {
  return { input, comparator, style, comparatorText, value, valueText, unit, ...extra };
}

function expectQuantity(parsed: ParsedTarget, row: QuantityRow): void {
  expect(parsed.kind).toBe('quantity');
  expect(parsed.comparator).toBe(row.comparator);
  expect(parsed.comparatorStyle).toBe(row.style);
  expect(parsed.comparatorText).toBe(row.comparatorText);
  expect(parsed.value).toBeInstanceOf(Decimal);
  expect(parsed.value?.toFixed()).toBe(row.value);
  expect(parsed.valueText).toBe(row.valueText);
  expect(parsed.unit).toBe(row.unit);
  expect(parsed.unitText).toBe(row.unit === undefined ? undefined : (row.unitText ?? row.unit));
  expect(parsed.unitBracketed).toBe(row.unit === undefined ? undefined : (row.bracketed ?? false));
  expect(parsed.unitParts).toEqual(row.unit?.split('/'));
  expect(parsed.upper).toBeUndefined();
  expect(parsed.word).toBeUndefined();
}

/** Every quantitative 指标值 in seeds 001, 003 and 004. */
const SEED_QUANTITIES: QuantityRow[] = [
  quantity('=100%', '=', 'symbol', '=', '100', '100', '%'),
  quantity('>=50%', '≥', 'ascii', '>=', '50', '50', '%'),
  quantity('>=1家', '≥', 'ascii', '>=', '1', '1', '家'),
  quantity('>=1次', '≥', 'ascii', '>=', '1', '1', '次'),
  quantity('≥5次', '≥', 'symbol', '≥', '5', '5', '次'),
  quantity('>=5次', '≥', 'ascii', '>=', '5', '5', '次'),
  quantity('≥1次', '≥', 'symbol', '≥', '1', '1', '次'),
  quantity('≥6次', '≥', 'symbol', '≥', '6', '6', '次'),
  quantity('>=6次', '≥', 'ascii', '>=', '6', '6', '次'),
  quantity('≥90%', '≥', 'symbol', '≥', '90', '90', '%'),
  quantity('>=90%', '≥', 'ascii', '>=', '90', '90', '%'),
  quantity('>=95%', '≥', 'ascii', '>=', '95', '95', '%'),
  quantity('>=30家', '≥', 'ascii', '>=', '30', '30', '家'),
  quantity('>=50家', '≥', 'ascii', '>=', '50', '50', '家'),
  quantity('=3次', '=', 'symbol', '=', '3', '3', '次'),
  quantity('≤1000.00(元/次)', '≤', 'symbol', '≤', '1000', '1000.00', '元/次', { bracketed: true }),
  quantity('≥10.00(次)', '≥', 'symbol', '≥', '10', '10.00', '次', { bracketed: true }),
  quantity('≥8.00(次)', '≥', 'symbol', '≥', '8', '8.00', '次', { bracketed: true }),
  quantity('=100.00(%)', '=', 'symbol', '=', '100', '100.00', '%', { bracketed: true }),
  quantity('≥90.00(%)', '≥', 'symbol', '≥', '90', '90.00', '%', { bracketed: true }),
  quantity('≤800.00(元/种/年)', '≤', 'symbol', '≤', '800', '800.00', '元/种/年', { bracketed: true }),
  quantity('≥100.00(种/年)', '≥', 'symbol', '≥', '100', '100.00', '种/年', { bracketed: true }),
  quantity('≥35000.00(册/年)', '≥', 'symbol', '≥', '35000', '35000.00', '册/年', { bracketed: true }),
  quantity('≤1000.00(元/场/天)', '≤', 'symbol', '≤', '1000', '1000.00', '元/场/天', { bracketed: true }),
  quantity('≥4.00(人)', '≥', 'symbol', '≥', '4', '4.00', '人', { bracketed: true }),
  quantity('≥600.00(人次)', '≥', 'symbol', '≥', '600', '600.00', '人次', { bracketed: true }),
  quantity('≥80.00(%)', '≥', 'symbol', '≥', '80', '80.00', '%', { bracketed: true }),
  quantity('≤100.00(元/人/天)', '≤', 'symbol', '≤', '100', '100.00', '元/人/天', { bracketed: true }),
  quantity('≥48.00(次)', '≥', 'symbol', '≥', '48', '48.00', '次', { bracketed: true }),
  quantity('≥1.00(个)', '≥', 'symbol', '≥', '1', '1.00', '个', { bracketed: true }),
  quantity('≥95.00(%)', '≥', 'symbol', '≥', '95', '95.00', '%', { bracketed: true }),
  quantity('≤100.00(%)', '≤', 'symbol', '≤', '100', '100.00', '%', { bracketed: true }),
  quantity('≥3.00(场/年)', '≥', 'symbol', '≥', '3', '3.00', '场/年', { bracketed: true }),
  quantity('≥1.00(场/年)', '≥', 'symbol', '≥', '1', '1.00', '场/年', { bracketed: true }),
];

/** Every qualitative 指标值 in the seeds. */
const SEED_QUALITATIVE = ['明显', '提升', '及时', '有效', '符合', '完整合规', '显著提高', '良好', '显著'];

const OTHER_QUANTITIES: QuantityRow[] = [
  quantity('>5次', '>', 'symbol', '>', '5', '5', '次'),
  quantity('<5%', '<', 'symbol', '<', '5', '5', '%'),
  quantity('<=1000元', '≤', 'ascii', '<=', '1000', '1000', '元'),
  quantity('＞90%', '>', 'fullwidth', '＞', '90', '90', '%'),
  quantity('＜5次', '<', 'fullwidth', '＜', '5', '5', '次'),
  quantity('＝100%', '=', 'fullwidth', '＝', '100', '100', '%'),
  quantity('≧90%', '≥', 'fullwidth', '≧', '90', '90', '%'),
  quantity('≦5次', '≤', 'fullwidth', '≦', '5', '5', '次'),
  quantity('＞＝90%', '≥', 'fullwidth', '＞＝', '90', '90', '%'),
  quantity('＜＝5次', '≤', 'fullwidth', '＜＝', '5', '5', '次'),
  quantity('不低于90%', '≥', 'word', '不低于', '90', '90', '%'),
  quantity('不少于3次', '≥', 'word', '不少于', '3', '3', '次'),
  quantity('不小于10个', '≥', 'word', '不小于', '10', '10', '个'),
  quantity('达到100%', '≥', 'word', '达到', '100', '100', '%'),
  quantity('大于80%', '>', 'word', '大于', '80', '80', '%'),
  quantity('高于80%', '>', 'word', '高于', '80', '80', '%'),
  quantity('大于等于90%', '≥', 'word', '大于等于', '90', '90', '%'),
  quantity('不高于5%', '≤', 'word', '不高于', '5', '5', '%'),
  quantity('不超过1000元', '≤', 'word', '不超过', '1000', '1000', '元'),
  quantity('不大于3天', '≤', 'word', '不大于', '3', '3', '天'),
  quantity('低于5%', '<', 'word', '低于', '5', '5', '%'),
  quantity('小于3次', '<', 'word', '小于', '3', '3', '次'),
  quantity('90%以上', '≥', 'suffix', '以上', '90', '90', '%'),
  quantity('90%及以上', '≥', 'suffix', '及以上', '90', '90', '%'),
  quantity('1000元以内', '≤', 'suffix', '以内', '1000', '1000', '元'),
  quantity('5%以下', '≤', 'suffix', '以下', '5', '5', '%'),
  quantity('30天内', '≤', 'suffix', '内', '30', '30', '天'),
  quantity('3个工作日内', '≤', 'suffix', '内', '3', '3', '个工作日'),
  quantity('90% 以上', '≥', 'suffix', '以上', '90', '90', '%'),
  quantity('100', '=', 'implicit', undefined, '100', '100', undefined),
  quantity('95.5%', '=', 'implicit', undefined, '95.5', '95.5', '%'),
  quantity('1,100,000.00元', '=', 'implicit', undefined, '1100000', '1,100,000.00', '元'),
  quantity('1，100次', '=', 'implicit', undefined, '1100', '1，100', '次'),
  quantity('１０次', '=', 'implicit', undefined, '10', '１０', '次'),
  quantity('≥９５．５％', '≥', 'symbol', '≥', '95.5', '９５．５', '%', { unitText: '％' }),
  quantity('≥-5%', '≥', 'symbol', '≥', '-5', '-5', '%'),
  quantity('≥10.00（次）', '≥', 'symbol', '≥', '10', '10.00', '次', { bracketed: true }),
  quantity('≥ 10.00 ( 次 )', '≥', 'symbol', '≥', '10', '10.00', '次', { bracketed: true }),
  quantity('≤1000元/次', '≤', 'symbol', '≤', '1000', '1000', '元/次'),
  quantity('≥5 元 / 次', '≥', 'symbol', '≥', '5', '5', '元/次', { unitText: '元 / 次' }),
  quantity('≤100元／人／天', '≤', 'symbol', '≤', '100', '100', '元/人/天', { unitText: '元／人／天' }),
  quantity('≥1次/年', '≥', 'symbol', '≥', '1', '1', '次/年'),
  quantity('≥200册/年', '≥', 'symbol', '≥', '200', '200', '册/年'),
  quantity('≥ 90 %', '≥', 'symbol', '≥', '90', '90', '%'),
  quantity(' \t>= 90%\n', '≥', 'ascii', '>=', '90', '90', '%'),
  quantity('\u3000≥90%\u3000', '≥', 'symbol', '≥', '90', '90', '%'),
  quantity('≥90%以上', '≥', 'symbol', '≥', '90', '90', '%'),
];

interface RangeRow {
  input: string;
  lower: string;
  upper: string;
  separator: string;
  unit: string | undefined;
  bracketed?: boolean;
}

const RANGES: RangeRow[] = [
  { input: '90%-95%', lower: '90', upper: '95', separator: '-', unit: '%' },
  { input: '90%～95%', lower: '90', upper: '95', separator: '～', unit: '%' },
  { input: '90-95%', lower: '90', upper: '95', separator: '-', unit: '%' },
  { input: '90%~95%', lower: '90', upper: '95', separator: '~', unit: '%' },
  { input: '90%至95%', lower: '90', upper: '95', separator: '至', unit: '%' },
  { input: '90%—95%', lower: '90', upper: '95', separator: '—', unit: '%' },
  { input: '90% - 95%', lower: '90', upper: '95', separator: '-', unit: '%' },
  { input: '3到5次', lower: '3', upper: '5', separator: '到', unit: '次' },
  { input: '3次至5次', lower: '3', upper: '5', separator: '至', unit: '次' },
  { input: '90%-95', lower: '90', upper: '95', separator: '-', unit: '%' },
  { input: '90-95(%)', lower: '90', upper: '95', separator: '-', unit: '%', bracketed: true },
  { input: '１０－２０次', lower: '10', upper: '20', separator: '－', unit: '次' },
  { input: '1,000-2,000.50元', lower: '1000', upper: '2000.5', separator: '-', unit: '元' },
  { input: '90-95', lower: '90', upper: '95', separator: '-', unit: undefined },
];

interface DeadlineRow {
  input: string;
  deadline: Omit<Deadline, 'text'>;
  before: string | undefined;
}

const DEADLINES: DeadlineRow[] = [
  { input: '6月30日前', deadline: { month: 6, day: 30 }, before: '前' },
  { input: '2022年12月底前', deadline: { year: 2022, month: 12, endOfMonth: true }, before: '前' },
  { input: '12月31日前', deadline: { month: 12, day: 31 }, before: '前' },
  { input: '6月底前', deadline: { month: 6, endOfMonth: true }, before: '前' },
  { input: '年底前', deadline: { month: 12, endOfMonth: true }, before: '前' },
  { input: '2022年底前', deadline: { year: 2022, month: 12, endOfMonth: true }, before: '前' },
  { input: '2022年12月31日前', deadline: { year: 2022, month: 12, day: 31 }, before: '前' },
  { input: '2022 年 6 月 30 日 前', deadline: { year: 2022, month: 6, day: 30 }, before: '前' },
  { input: '6月30日之前', deadline: { month: 6, day: 30 }, before: '之前' },
  { input: '9月30号以前', deadline: { month: 9, day: 30 }, before: '以前' },
  { input: '6月底前完成', deadline: { month: 6, endOfMonth: true }, before: '前' },
  { input: '６月３０日前', deadline: { month: 6, day: 30 }, before: '前' },
  { input: '2024年2月29日前', deadline: { year: 2024, month: 2, day: 29 }, before: '前' },
  { input: '2月29日前', deadline: { month: 2, day: 29 }, before: '前' },
  { input: '2022-12-31前', deadline: { year: 2022, month: 12, day: 31 }, before: '前' },
  { input: '2022/6/30', deadline: { year: 2022, month: 6, day: 30 }, before: undefined },
  { input: '12月31日', deadline: { month: 12, day: 31 }, before: undefined },
  { input: '年末', deadline: { month: 12, endOfMonth: true }, before: undefined },
];

const OTHER_QUALITATIVE: Array<[input: string, word: string]> = [
  ['达标', '达标'],
  ['优良', '优良'],
  ['逐步提高', '逐步提高'],
  ['稳步提升', '稳步提升'],
  ['应保尽保', '应保尽保'],
  ['是', '是'],
  ['否', '否'],
  ['有', '有'],
  ['无', '无'],
  ['高/中/低', '高/中/低'],
  ['高、中、低', '高、中、低'],
  ['是，否', '是，否'],
  ['显著 提高', '显著 提高'],
  [' 明显 ', '明显'],
  ['年内', '年内'],
  ['不低于上年', '不低于上年'],
  ['高于全市平均水平', '高于全市平均水平'],
];

const UNPARSEABLE = [
  '约30家左右吧',
  '≥**%',
  'XX次',
  '>=',
  '=%',
  '≥',
  '不低于',
  '以上',
  '90%-',
  '-',
  '90%%',
  '≥≥90%',
  '1,1000',
  '1.2.3',
  '≥.5',
  '≥5.',
  '90% 95%',
  '100%完成',
  '≥10(次',
  '≥10次)',
  '(次)≥10',
  'abc',
  'N/A',
  'TBD',
  '明显。',
  '90%-95%以上',
  '≥90%-95%',
  '2022年12月底前后',
];

describe('parseTarget: seed values', () => {
  it.each(SEED_QUANTITIES)('$input', (row) => {
    expectQuantity(parseTarget(row.input), row);
  });

  it.each(SEED_QUALITATIVE)('%s is qualitative', (input) => {
    const parsed = parseTarget(input);
    expect(parsed).toEqual({ raw: input, kind: 'qualitative', word: input });
  });
});

describe('parseTarget: comparators, suffixes, numbers and units', () => {
  it.each(OTHER_QUANTITIES)('$input', (row) => {
    expectQuantity(parseTarget(row.input), row);
  });

  it.each(PREFIX_COMPARATOR_SPELLINGS)('prefix spelling $text reads as $comparator ($style)', (spelling) => {
    const parsed = parseTarget(`${spelling.text}12.5次`);
    expect(parsed).toMatchObject({
      kind: 'quantity',
      comparator: spelling.comparator,
      comparatorStyle: spelling.style,
      comparatorText: spelling.text,
      valueText: '12.5',
      unit: '次',
    });
  });

  it.each(SUFFIX_COMPARATOR_SPELLINGS)('suffix spelling $text reads as $comparator', (spelling) => {
    const parsed = parseTarget(`12.5次${spelling.text}`);
    expect(parsed).toMatchObject({
      kind: 'quantity',
      comparator: spelling.comparator,
      comparatorStyle: 'suffix',
      comparatorText: spelling.text,
      valueText: '12.5',
      unit: '次',
    });
  });
});

describe('parseTarget: ranges', () => {
  it.each(RANGES)('$input', (row) => {
    const parsed = parseTarget(row.input);
    expect(parsed.kind).toBe('range');
    expect(parsed.value?.toFixed()).toBe(row.lower);
    expect(parsed.upper?.toFixed()).toBe(row.upper);
    expect(parsed.rangeSeparator).toBe(row.separator);
    expect(parsed.unit).toBe(row.unit);
    expect(parsed.unitBracketed).toBe(row.unit === undefined ? undefined : (row.bracketed ?? false));
    expect(parsed.comparator).toBeUndefined();
  });
});

describe('parseTarget: deadlines', () => {
  it.each(DEADLINES)('$input', (row) => {
    const parsed = parseTarget(row.input);
    expect(parsed.kind).toBe('deadline');
    expect(parsed.deadline).toEqual({ ...row.deadline, text: row.input.trim() });
    expect(parsed.comparatorText).toBe(row.before);
    expect(parsed.comparator).toBe(row.before === undefined ? undefined : '≤');
    expect(parsed.comparatorStyle).toBe(row.before === undefined ? undefined : 'suffix');
    expect(parsed.value).toBeUndefined();
  });

  it.each(['2月30日前', '13月底前', '0月1日前', '6月31日前', '2023年2月29日前', '2022-13-01前', '6月0日前'])(
    '%s is an impossible date',
    (input) => {
      expect(parseTarget(input)).toEqual({ raw: input, kind: 'unparseable', notes: ['invalid-date'] });
    },
  );
});

describe('parseTarget: qualitative, empty, unparseable', () => {
  it.each(OTHER_QUALITATIVE)('%s is qualitative with word %s', (input, word) => {
    const parsed = parseTarget(input);
    expect(parsed.kind).toBe('qualitative');
    expect(parsed.word).toBe(word);
    expect(parsed.value).toBeUndefined();
    expect(parsed.comparator).toBeUndefined();
  });

  it.each([
    ['>=', ['missing-number']],
    ['不低于', ['missing-number']],
    ['以上', ['missing-number']],
    ['=%', ['missing-number']],
    ['≥(次)', ['missing-number']],
    ['XX次', undefined],
    ['约30家左右吧', undefined],
  ])('%s is unparseable with notes %j', (input, notes) => {
    expect(parseTarget(input)).toEqual(notes ? { raw: input, kind: 'unparseable', notes } : { raw: input, kind: 'unparseable' });
  });

  it.each(UNPARSEABLE)('%s is unparseable', (input) => {
    const parsed = parseTarget(input);
    expect(parsed.kind).toBe('unparseable');
    expect(parsed.raw).toBe(input);
    expect(parsed.value).toBeUndefined();
  });

  it.each<[string | null | undefined, string]>([
    ['', ''],
    ['   ', '   '],
    ['\u3000', '\u3000'],
    ['\n\t', '\n\t'],
    [null, ''],
    [undefined, ''],
  ])('%j is empty', (input, raw) => {
    expect(parseTarget(input)).toEqual({ raw, kind: 'empty' });
  });
});

describe('parseTarget: JS numbers (YAML scalars)', () => {
  it.each<[number, string]>([
    [90, '90'],
    [0, '0'],
    [95.5, '95.5'],
    [0.1, '0.1'],
    [-3, '-3'],
  ])('%d is an implicit =', (input, text) => {
    const parsed = parseTarget(input);
    expect(parsed).toMatchObject({ raw: text, kind: 'quantity', comparator: '=', comparatorStyle: 'implicit', valueText: text });
    expect(parsed.value?.equals(new Decimal(text))).toBe(true);
    expect(parsed.unit).toBeUndefined();
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('%d is unparseable', (input) => {
    expect(parseTarget(input)).toEqual({ raw: String(input), kind: 'unparseable' });
  });
});

describe('parseTarget: notes', () => {
  it.each<[string, TargetNote[] | undefined]>([
    ['≥90%', undefined],
    ['≥10.00(次)', ['trailing-zeros']],
    ['≥95.5%', undefined],
    ['≥95.50%', ['trailing-zeros']],
    ['1,100次', ['thousands-separator']],
    ['１０次', ['fullwidth-digits']],
    ['≥90％', ['fullwidth-punctuation']],
    ['≥10（次）', ['fullwidth-punctuation']],
    ['≥ 90%', ['inner-whitespace']],
    [' ≥90%', ['surrounding-whitespace']],
    ['≥90%以上', ['redundant-comparator']],
    ['95%-90%', ['inverted-range']],
    ['90.00%-95.00%', ['trailing-zeros']],
    ['≥90%以下', ['conflicting-comparators']],
    ['=90%以上', ['conflicting-comparators']],
    ['90%-95次', ['mismatched-range-units']],
    ['６月３０日前', ['fullwidth-digits']],
    ['明显', undefined],
    ['显著 提高', ['inner-whitespace']],
  ])('%s', (input, notes) => {
    expect(parseTarget(input).notes).toEqual(notes);
  });
});

describe('parseTarget: spans point into raw', () => {
  function slice(raw: string, span: Span | undefined): string | undefined {
    return span && raw.slice(span[0], span[1]);
  }

  it.each(['≥10.00(次)', '  >= 1,100 元/次 ', '90%以上', '不低于 ９５％', '≥１０（人次）'])('%s', (input) => {
    const parsed = parseTarget(input);
    expect(slice(input, parsed.spans?.comparator)).toBe(parsed.comparatorText);
    expect(slice(input, parsed.spans?.value)).toBe(parsed.valueText);
    expect(slice(input, parsed.spans?.unit)).toBe(parsed.unitText);
    expect(parsed.valueText).toBeDefined();
    expect(parsed.unitText).toBeDefined();
  });

  it('spans a range and a deadline', () => {
    const range = parseTarget(' 90%～95%');
    expect(slice(range.raw, range.spans?.value)).toBe('90');
    expect(slice(range.raw, range.spans?.upper)).toBe('95');
    expect(slice(range.raw, range.spans?.unit)).toBe('%');
    const deadline = parseTarget('6月30日之前');
    expect(slice(deadline.raw, deadline.spans?.comparator)).toBe('之前');
  });
});

describe('type guards', () => {
  it.each<[string, (target: ParsedTarget) => boolean]>([
    ['≥90%', isQuantity],
    ['90%-95%', isRange],
    ['6月30日前', isDeadline],
    ['明显', isQualitative],
  ])('%s', (input, guard) => {
    const guards = [isQuantity, isRange, isDeadline, isQualitative];
    expect(guards.filter((candidate) => candidate(parseTarget(input)))).toEqual([guard]);
  });
});

describe('comparator tables', () => {
  it('spells each comparator only once', () => {
    const texts = COMPARATOR_SPELLINGS.map((spelling) => spelling.text);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it.each<[string, Comparator, ComparatorStyle]>([
    ['>=', '≥', 'ascii'],
    ['≥', '≥', 'symbol'],
    [' ≤ ', '≤', 'symbol'],
    ['＞＝', '≥', 'fullwidth'],
    ['不低于', '≥', 'word'],
    ['达到', '≥', 'word'],
    ['大于', '>', 'word'],
    ['高于', '>', 'word'],
    ['不超过', '≤', 'word'],
    ['低于', '<', 'word'],
    ['以上', '≥', 'suffix'],
    ['以内', '≤', 'suffix'],
  ])('comparatorOf(%j) is %s (%s)', (text, comparator, style) => {
    expect(comparatorOf(text)).toEqual({ text: text.trim(), comparator, style });
  });

  it.each(['≈', '', '约', '>=='])('comparatorOf(%j) is undefined', (text) => {
    expect(comparatorOf(text)).toBeUndefined();
  });

  it.each(Object.entries(PREFERRED_SPELLINGS).flatMap(([style, table]) =>
    Object.entries(table).map(([comparator, text]) => ({ style, comparator, text })),
  ))('preferred $style spelling of $comparator ($text) is a known spelling for it', ({ comparator, text }) => {
    expect(comparatorOf(text)?.comparator).toBe(comparator);
  });

  it.each<[Comparator, Parameters<typeof spellComparator>[1], string]>([
    ['≥', 'ascii', '>='],
    ['≤', 'ascii', '<='],
    ['≥', 'symbol', '≥'],
    ['≥', 'word', '不低于'],
    ['<', 'fullwidth', '＜'],
    ['≤', undefined, '≤'],
  ])('spellComparator(%s, %s) is %s', (comparator, style, text) => {
    expect(spellComparator(comparator, style)).toBe(text);
  });

  it.each<[Comparator, Comparator, boolean]>([
    ['≥', '>', true],
    ['≤', '<', true],
    ['≥', '≤', false],
    ['=', '≥', false],
    ['=', '=', true],
  ])('sameDirection(%s, %s) is %s', (a, b, same) => {
    expect(sameDirection(a, b)).toBe(same);
  });
});

// Catastrophic backtracking would hang these past the test timeout; speed itself is measured in bench/, not here.
describe('parseTarget rejects long hostile input', () => {
  const length = 50_000;
  it.each([
    ['digits then junk', `${'1'.repeat(length)}#`],
    ['grouped digits', `${'1,'.repeat(length)}`],
    ['words then a digit', `${'明'.repeat(length)}1`],
    ['spaced words then junk', `${'明 '.repeat(length)}X`],
    ['inner whitespace', `9${' '.repeat(length)}#`],
    ['composite unit then junk', `≥5${'元/'.repeat(length)}#`],
    ['spaced composite unit then junk', `≥5元${' / 元'.repeat(length)} /`],
    ['range unit then junk', `90${'次'.repeat(length)}至#`],
    ['suffix characters', `5${'以'.repeat(length)}#`],
    ['bracket then junk', `≥5(${' '.repeat(length)}次`],
  ])('%s', (_name, input) => {
    expect(parseTarget(input).kind).toBe('unparseable');
  });
});
