import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { formatWan, formatYuan, parseMoney, type MoneyParse, type MoneyUnit } from '../../src/values/money.js';

function yuanOf(parsed: MoneyParse): Decimal {
  if (!parsed.ok) throw new Error(`expected an amount, got ${parsed.reason} for ${JSON.stringify(parsed.text)}`);
  return parsed.yuan;
}

interface AmountRow {
  input: string | number;
  defaultUnit?: MoneyUnit;
  yuan: string;
  unit: MoneyUnit;
  unitWritten: boolean;
  text?: string;
}

const AMOUNTS: AmountRow[] = [
  // as written in the seeds
  { input: '1411700', yuan: '1411700', unit: '元', unitWritten: false },
  { input: '1411700.00', yuan: '1411700', unit: '元', unitWritten: false },
  { input: '286700', yuan: '286700', unit: '元', unitWritten: false },
  { input: '1125000.00', yuan: '1125000', unit: '元', unitWritten: false },
  { input: '1,100,000.00', yuan: '1100000', unit: '元', unitWritten: false },
  { input: '15,500.00', yuan: '15500', unit: '元', unitWritten: false },
  { input: '664,000.00', yuan: '664000', unit: '元', unitWritten: false },
  { input: '212,700.00', yuan: '212700', unit: '元', unitWritten: false },
  { input: '7,800.00', yuan: '7800', unit: '元', unitWritten: false },
  { input: '1020000', yuan: '1020000', unit: '元', unitWritten: false },
  { input: '320000.00', yuan: '320000', unit: '元', unitWritten: false },
  { input: '0', yuan: '0', unit: '元', unitWritten: false },
  { input: '0.00', yuan: '0', unit: '元', unitWritten: false },
  { input: '102万', yuan: '1020000', unit: '万元', unitWritten: true },
  { input: '56万', yuan: '560000', unit: '万元', unitWritten: true },
  { input: '46万', yuan: '460000', unit: '万元', unitWritten: true },
  { input: '102万元', yuan: '1020000', unit: '万元', unitWritten: true },
  { input: '32万元', yuan: '320000', unit: '万元', unitWritten: true },
  { input: '165.00万元', yuan: '1650000', unit: '万元', unitWritten: true },
  // other spellings
  { input: '-0', yuan: '0', unit: '元', unitWritten: false },
  { input: '  286700  ', yuan: '286700', unit: '元', unitWritten: false, text: '286700' },
  { input: '\u3000102万\u3000', yuan: '1020000', unit: '万元', unitWritten: true, text: '102万' },
  { input: '102 万元', yuan: '1020000', unit: '万元', unitWritten: true },
  { input: '１４１１７００', yuan: '1411700', unit: '元', unitWritten: false },
  { input: '１，１００，０００．００', yuan: '1100000', unit: '元', unitWritten: false },
  { input: '１６５．５万元', yuan: '1655000', unit: '万元', unitWritten: true },
  { input: '1000元', yuan: '1000', unit: '元', unitWritten: true },
  { input: '0.0001万', yuan: '1', unit: '万元', unitWritten: true },
  { input: '1.23456万', yuan: '12345.6', unit: '万元', unitWritten: true },
  { input: '-1,000.50', yuan: '-1000.5', unit: '元', unitWritten: false },
  { input: '+12', yuan: '12', unit: '元', unitWritten: false },
  { input: '0.015', yuan: '0.015', unit: '元', unitWritten: false },
  { input: '12345678901234567890.1234万元', yuan: '123456789012345678901234', unit: '万元', unitWritten: true },
  { input: '123456789012345678901234.56', yuan: '123456789012345678901234.56', unit: '元', unitWritten: false },
  // the default unit applies only when none is written
  { input: '12.5', defaultUnit: '万元', yuan: '125000', unit: '万元', unitWritten: false },
  { input: '1,000', defaultUnit: '万元', yuan: '10000000', unit: '万元', unitWritten: false },
  { input: '800元', defaultUnit: '万元', yuan: '800', unit: '元', unitWritten: true },
  { input: '3万', defaultUnit: '元', yuan: '30000', unit: '万元', unitWritten: true },
  // JS numbers are read from their decimal string
  { input: 1411700, yuan: '1411700', unit: '元', unitWritten: false },
  { input: 0.1, yuan: '0.1', unit: '元', unitWritten: false },
  { input: -0, yuan: '0', unit: '元', unitWritten: false, text: '0' },
  { input: 165, defaultUnit: '万元', yuan: '1650000', unit: '万元', unitWritten: false },
  { input: 0.3, defaultUnit: '万元', yuan: '3000', unit: '万元', unitWritten: false },
  { input: 1e21, yuan: '1000000000000000000000', unit: '元', unitWritten: false, text: '1e+21' },
];

describe('parseMoney: amounts', () => {
  it.each(AMOUNTS)('$input ($defaultUnit) is $yuan 元', (row) => {
    const parsed = parseMoney(row.input, row.defaultUnit);
    expect(parsed).toMatchObject({ ok: true, unit: row.unit, unitWritten: row.unitWritten, text: row.text ?? String(row.input) });
    const yuan = yuanOf(parsed);
    expect(yuan).toBeInstanceOf(Decimal);
    expect(yuan.toFixed()).toBe(row.yuan);
    expect(yuan.isNegative() && yuan.isZero()).toBe(false);
  });
});

describe('parseMoney: failures', () => {
  it.each<[string | number | null | undefined, string]>([
    ['', ''],
    ['   ', ''],
    ['\u3000\t', ''],
    [null, ''],
    [undefined, ''],
  ])('%j is empty', (input, text) => {
    expect(parseMoney(input)).toEqual({ ok: false, text, reason: 'empty' });
  });

  it.each<string | number>([
    'abc',
    '1.2.3',
    '12万5',
    '--1',
    '+-1',
    '1,1000',
    '1,000,00',
    ',100',
    '.5',
    '5.',
    '12 34',
    '1e5',
    '万',
    '元',
    '万元',
    '十万',
    '1.5亿',
    '约29万元',
    '102万万',
    '102元万',
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ])('%j is malformed', (input) => {
    expect(parseMoney(input)).toEqual({ ok: false, text: String(input).trim(), reason: 'malformed' });
  });
});

describe('parseMoney: exact arithmetic', () => {
  it('sums 0.1 and 0.2 to exactly 0.3', () => {
    const sum = yuanOf(parseMoney('0.1')).plus(yuanOf(parseMoney('0.2')));
    expect(sum.equals(new Decimal('0.3'))).toBe(true);
    expect(sum.toFixed()).toBe('0.3');
  });

  it('sums 0.1 and 0.2 given as JS numbers to exactly 0.3', () => {
    const sum = yuanOf(parseMoney(0.1)).plus(yuanOf(parseMoney(0.2)));
    expect(sum.toFixed()).toBe('0.3');
  });

  it('converts 165.00万元 to 1650000 元 exactly', () => {
    expect(yuanOf(parseMoney('165.00万元')).equals(1_650_000)).toBe(true);
  });

  it.each<[string, string[], string]>([
    ['seed 001 umbrella: 党群综合服务 = “两新”党建 + 社区党建', ['286700', '1125000.00'], '1411700'],
    ['seed 004 资金测算: 党建阵地建设 + 群团工作 = 102万', ['56万', '46万'], '102万'],
    ['seed 004 summary: four projects = 165.00万元', ['1020000', '320000.00', '290000', '20000.00'], '165.00万元'],
    ['mixed units and widths', ['１，０００．０１', '0.0099万', '99.00元'], '1,198.01'],
  ])('%s', (_name, parts, total) => {
    const sum = parts.map((part) => yuanOf(parseMoney(part))).reduce((a, b) => a.plus(b), new Decimal(0));
    expect(sum.equals(yuanOf(parseMoney(total)))).toBe(true);
  });
});

describe('formatYuan and formatWan', () => {
  it.each<[string, string]>([
    ['1411700', '1,411,700.00'],
    ['1100000', '1,100,000.00'],
    ['15500', '15,500.00'],
    ['1000', '1,000.00'],
    ['999', '999.00'],
    ['100', '100.00'],
    ['0', '0.00'],
    ['-0', '0.00'],
    ['-0.001', '0.00'],
    ['0.5', '0.50'],
    ['0.005', '0.01'],
    ['999.995', '1,000.00'],
    ['-1234.5', '-1,234.50'],
    ['123456789012345678901234.56', '123,456,789,012,345,678,901,234.56'],
  ])('formatYuan(%s) is %s', (yuan, text) => {
    expect(formatYuan(new Decimal(yuan))).toBe(text);
  });

  it.each<[string, string]>([
    ['1650000', '165.00万'],
    ['1020000', '102.00万'],
    ['0', '0.00万'],
    ['-0', '0.00万'],
    ['15000', '1.50万'],
    ['12345', '1.23万'],
    ['150', '0.02万'],
    ['-25000', '-2.50万'],
    ['12345678901234567890123400', '1234567890123456789012.34万'],
  ])('formatWan(%s) is %s', (yuan, text) => {
    expect(formatWan(new Decimal(yuan))).toBe(text);
  });

  it('rounds half up whatever Decimal is globally set to', () => {
    const previous = Decimal.rounding;
    Decimal.set({ rounding: Decimal.ROUND_DOWN });
    try {
      expect(formatYuan(new Decimal('999.995'))).toBe('1,000.00');
      expect(formatWan(new Decimal('150'))).toBe('0.02万');
    } finally {
      Decimal.set({ rounding: previous });
    }
  });

  it('round-trips through parseMoney', () => {
    const yuan = yuanOf(parseMoney('1411700'));
    expect(yuanOf(parseMoney(formatYuan(yuan))).equals(yuan)).toBe(true);
    expect(yuanOf(parseMoney(formatWan(yuan))).equals(yuan)).toBe(true);
  });
});
