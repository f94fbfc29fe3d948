import { relative } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../../src/config/config-resolver.js';
import { lintPaths } from '../../src/engine/run.js';
import { decodeBytes } from '../../src/source/decode.js';
import { encodeLike } from '../../src/source/encode.js';
import { tempFolder } from '../support/temp-folder.js';
import { examples } from './support/filings.js';

interface Variant {
  name: string;
  /** what decodeBytes must report */
  encoding: string;
  encode(text: string): Buffer;
}

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

const VARIANTS: Variant[] = [
  { name: 'GBK', encoding: 'GB18030', encode: (text) => iconv.encode(text, 'gbk') },
  { name: 'GB18030', encoding: 'GB18030', encode: (text) => iconv.encode(text, 'gb18030') },
  { name: 'UTF-16LE with BOM', encoding: 'UTF-16LE', encode: (text) => iconv.encode(text, 'utf16le', { addBOM: true }) },
  { name: 'UTF-16BE with BOM', encoding: 'UTF-16BE', encode: (text) => iconv.encode(text, 'utf16be', { addBOM: true }) },
  { name: 'UTF-8 with BOM', encoding: 'UTF-8', encode: (text) => iconv.encode(text, 'utf8', { addBOM: true }) },
  { name: 'UTF-8, CRLF', encoding: 'UTF-8', encode: (text) => Buffer.from(crlf(text)) },
  { name: 'GBK, CRLF', encoding: 'GB18030', encode: (text) => iconv.encode(crlf(text), 'gbk') },
  { name: 'UTF-16LE with BOM, CRLF', encoding: 'UTF-16LE', encode: (text) => iconv.encode(crlf(text), 'utf16le', { addBOM: true }) },
];

/** Lints a copy of examples/ (every file in the variant's encoding) and lists `file ruleId line:column message`. */
async function findingsOnExamples(encode: (text: string) => Buffer): Promise<string[]> {
  const folder = await tempFolder(Object.fromEntries(Object.entries(examples).map(([name, text]) => [name, encode(text)])));
  const run = await lintPaths([folder], folder, { resolver: new ConfigResolver() });
  if (!run.ok) throw new Error(JSON.stringify(run.problems));
  return run.results.flatMap((result) =>
    result.findings.map((finding) => `${relative(folder, result.filePath)} ${finding.ruleId} ${finding.start.line}:${finding.start.column} ${finding.message}`),
  );
}

describe('decodeBytes', () => {
  it.each(VARIANTS)('decodes every example saved as $name, reporting the encoding', ({ encoding, encode }) => {
    for (const [name, text] of Object.entries(examples)) {
      const decoded = decodeBytes(encode(text));
      expect(decoded, name).toMatchObject({ ok: true, encoding });
      if (decoded.ok) expect(decoded.text.replace(/\r\n/g, '\n'), name).toBe(text);
    }
  });

  it.each([
    ['a bare GBK line', '项目名称: 社区党建\n'],
    ['a target with ≥ and %', '年度指标值: ≥90%\n'],
    ['an amount', '金额: 102万元\n'],
    ['a comment of two characters', '# 注释\n'],
    ['one character', '是\n'],
    ['a character outside GBK', '项目名称: 𠀀\n'],
  ])('reads %s in GB18030 although it is too short for statistics', (_name, text) => {
    expect(decodeBytes(iconv.encode(text, 'gb18030'))).toEqual({ ok: true, text, encoding: 'GB18030', hadBom: false });
  });

  it('reads the GB18030 bytes the importer test relies on', () => {
    const bytes = Uint8Array.from([0xcf, 0xee, 0xc4, 0xbf, 0xc3, 0xfb, 0xb3, 0xc6, 0x09, 0xb5, 0xb3, 0xbd, 0xa8]);
    expect(decodeBytes(bytes)).toMatchObject({ ok: true, text: '项目名称\t党建', encoding: 'GB18030' });
  });

  it.each([
    ['Big5 (traditional Chinese)', iconv.encode('項目名稱: 社區黨建\n年度指標值: 滿意度≥90%\n', 'big5'), /^big5$/i],
    ['Shift_JIS', iconv.encode('プロジェクト名: 地域の活動\n満足度: 90%\n', 'shift_jis'), /^(shift_jis|cp932)$/i],
    ['EUC-KR', iconv.encode('프로젝트 이름: 지역 활동\n', 'euc-kr'), /^(euc-kr|cp949)$/i],
    ['UTF-32LE with BOM', iconv.encode('项目名称: 甲\n', 'utf32le', { addBOM: true }), /^UTF-32LE$/],
    ['UTF-32BE with BOM', iconv.encode('项目名称: 甲\n', 'utf32be', { addBOM: true }), /^UTF-32BE$/],
    ['UTF-16LE without BOM', iconv.encode(examples['004_94bc4c6928439b7e/疫情防控.yaml'], 'utf16le'), /^UTF-16LE without BOM$/],
    ['UTF-16BE without BOM', iconv.encode(examples['004_94bc4c6928439b7e/疫情防控.yaml'], 'utf16be'), /^UTF-16BE without BOM$/],
  ])('refuses %s, naming the encoding found', (_name, bytes, encoding) => {
    const decoded = decodeBytes(bytes);
    expect(decoded).toMatchObject({ ok: false, reason: 'unsupported-encoding' });
    if (!decoded.ok) expect(decoded.encoding).toMatch(encoding);
  });

  it('refuses UTF-16 with a BOM whose bytes do not form whole characters', () => {
    const oddLength = Buffer.concat([iconv.encode('项目名称: 甲\n', 'utf16le', { addBOM: true }), Buffer.from([0x41])]);
    expect(decodeBytes(oddLength)).toMatchObject({ ok: false, encoding: 'UTF-16LE', reason: 'unsupported-encoding' });
    const loneSurrogate = Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]);
    expect(decodeBytes(loneSurrogate)).toMatchObject({ ok: false, encoding: 'UTF-16LE', reason: 'unsupported-encoding' });
  });

  it('refuses GB18030 bytes that do not map back to themselves', () => {
    // 0x80 is the euro sign in Windows' code page 936 only; GB18030 writes € as A2 E3, so a rewrite would change it
    expect(decodeBytes(Buffer.from([0x61, 0x3a, 0x20, 0x80, 0xc4, 0xe3, 0x0a]))).toMatchObject({ ok: false });
  });

  it('reports UTF-8 with one damaged byte as invalid UTF-8 at that byte, not as GB18030 mojibake', () => {
    const text = Buffer.from(examples['004_94bc4c6928439b7e/疫情防控.yaml']);
    const damaged = Buffer.concat([text.subarray(0, 500), Buffer.from([0xff]), text.subarray(500)]);
    expect(decodeBytes(damaged)).toEqual({ ok: false, encoding: 'unknown', reason: 'invalid-utf8', offset: 500 });
  });

  it('reports NUL bytes as binary', () => {
    expect(decodeBytes(Buffer.from([0x50, 0x00, 0x4b]))).toEqual({ ok: false, encoding: 'binary', reason: 'binary', offset: 1 });
  });

  it('never throws, and accepts only texts that encode back to the bytes read', () => {
    const exampleBytes = Object.values(examples).flatMap((text) => VARIANTS.map((variant) => variant.encode(text)));
    const damagedExample = fc
      .tuple(fc.constantFrom(...exampleBytes), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }))
      .map(([bytes, damage]) => {
        const copy = Uint8Array.from(bytes);
        for (const [position, value] of damage) copy[position % copy.length] = value;
        return copy;
      });
    const withoutNul = fc.uint8Array({ min: 1, maxLength: 512 });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 512 }), withoutNul, damagedExample), (bytes) => {
        const decoded = decodeBytes(bytes);
        if (decoded.ok) expect(Buffer.from(encodeLike(bytes, decoded.text)!)).toEqual(Buffer.from(bytes));
        else expect(decoded.offset).toBeGreaterThanOrEqual(0);
      }),
      { seed: 20240607, numRuns: 300 },
    );
  });
});

describe('writing fixed text back (encodeLike)', () => {
  it.each(VARIANTS)('gives back the exact bytes of every example saved as $name', ({ encode }) => {
    for (const [name, text] of Object.entries(examples)) {
      const bytes = encode(text);
      const decoded = decodeBytes(bytes);
      expect(decoded.ok, name).toBe(true);
      if (decoded.ok) expect(Buffer.from(encodeLike(bytes, decoded.text)!).equals(bytes), name).toBe(true);
    }
  });

  it.each(VARIANTS)('keeps a fixed filing saved as $name in its encoding and BOM', ({ encoding, encode }) => {
    const original = encode(examples['004_94bc4c6928439b7e/疫情防控.yaml']);
    const decoded = decodeBytes(original);
    if (!decoded.ok) throw new Error('example not decoded');
    const fixed = decoded.text.replace('年度: 2022', '年度: 2023');
    const written = encodeLike(original, fixed)!;
    expect(decodeBytes(written)).toEqual({ ok: true, text: fixed, encoding, hadBom: decoded.hadBom });
    const changedAt = decoded.text.indexOf('年度: 2022') + '年度: 202'.length;
    const prefixBytes = Buffer.from(encodeLike(original, decoded.text.slice(0, changedAt))!);
    expect(Buffer.from(written).subarray(0, prefixBytes.length).equals(prefixBytes)).toBe(true);
  });

  it('refuses to encode for a file that was not decoded', () => {
    expect(encodeLike(Buffer.from([0x00, 0x01]), 'a: 1\n')).toBeUndefined();
  });
});

describe('findings on a re-encoded copy', () => {
  it('a refused encoding is one finding naming it, and the GBK filing beside it is linted', async () => {
    const folder = await tempFolder({
      'big5.yaml': iconv.encode('項目名稱: 社區黨建\n年度指標值: 滿意度≥90%\n', 'big5'),
      'gbk.yaml': iconv.encode(examples['004_94bc4c6928439b7e/疫情防控.yaml'], 'gbk'),
    });
    const run = await lintPaths([folder], folder, { resolver: new ConfigResolver({ onlyRules: ['vague-target'] }) });
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    const [big5, gbk] = run.results;
    expect(big5.findings.map((finding) => `${finding.ruleId} ${finding.start.line}:${finding.start.column} ${finding.message}`)).toEqual(['encoding-error 1:1 文件编码为 Big5，请另存为 UTF-8']);
    expect(gbk.kind).toBe('filing');
    expect(gbk.findings.map((finding) => finding.ruleId)).toEqual(['vague-target', 'vague-target', 'vague-target']);
  });

  it('equal, with the same lines and columns, those on the UTF-8 original for every variant', async () => {
    const original = await findingsOnExamples((text) => Buffer.from(text));
    expect(original.length).toBeGreaterThan(10);
    for (const variant of VARIANTS) expect(await findingsOnExamples(variant.encode), variant.name).toEqual(original);
  });
});
