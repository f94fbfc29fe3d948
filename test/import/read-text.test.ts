import { describe, expect, it } from 'vitest';
import { readTextDocument } from '../../src/import/read-text.js';
import type { SourceDocument } from '../../src/import/source-model.js';

function read(text: string | Uint8Array): SourceDocument {
  const result = readTextDocument('form.txt', typeof text === 'string' ? Buffer.from(text) : text);
  if (!result.ok) throw new Error(result.message.en);
  return result.document;
}

const cells = (document: SourceDocument) => document.rows.map((row) => row.cells.map((cell) => [cell.column, cell.text]));

describe('text with one cell per line', () => {
  const document = read(['标题', '', '\t项目资金', '（元）', '\t项目资金总额', '\t1020000', '', '\t', '\t其中：财政资金', '\t1020000', ' '].join('\n'));

  it('reads paragraphs, and rows separated by blank lines whose continuation lines stay in their cell', () => {
    expect(cells(document)).toEqual([
      [[0, '标题']],
      [[0, '项目资金\n（元）'], [1, '项目资金总额'], [2, '1020000']],
      [[1, '其中：财政资金'], [2, '1020000']],
    ]);
  });

  it('counts a line holding only a tab as an empty cell', () => {
    expect(document.rows[2].cells[0].column).toBe(1);
  });

  it('gives each cell its line', () => {
    expect(document.rows[2].cells.map((cell) => cell.position)).toEqual([
      { kind: 'text', line: 9, column: 2 },
      { kind: 'text', line: 10, column: 2 },
    ]);
  });
});

describe('text with tab-separated rows', () => {
  const document = read(['## 财政项目支出绩效目标填报表', '- 1、第一条', '项目名称\t党建\t\t项目类别\t经常性项目\t', '\t\t<p>1、甲</p> <p>2、乙</p>'].join('\n'));

  it('strips markdown heading and item markers and says which each was', () => {
    expect(document.rows.slice(0, 2).map((row) => [row.marker, row.cells[0].text])).toEqual([
      ['heading', '财政项目支出绩效目标填报表'],
      ['list-item', '1、第一条'],
    ]);
  });

  it('keeps the column of every cell and the character column of its position', () => {
    expect(cells(document)[2]).toEqual([[0, '项目名称'], [1, '党建'], [3, '项目类别'], [4, '经常性项目']]);
    expect(document.rows[2].cells[2].position).toEqual({ kind: 'text', line: 3, column: 10 });
  });

  it('turns HTML paragraphs left in a cell into lines', () => {
    expect(document.rows[3].cells[0].text).toBe('1、甲\n2、乙');
  });

  it('does not trust the columns of extracted text', () => {
    expect(document.columnsReliable).toBe(false);
  });
});

describe('encodings', () => {
  it('reads GB18030 text that is not UTF-8', () => {
    // “项目名称	党建” in GB18030
    const bytes = Uint8Array.from([0xcf, 0xee, 0xc4, 0xbf, 0xc3, 0xfb, 0xb3, 0xc6, 0x09, 0xb5, 0xb3, 0xbd, 0xa8]);
    expect(cells(read(bytes))).toEqual([[[0, '项目名称'], [1, '党建']]]);
  });

  it('refuses binary content with a message instead of guessing', () => {
    expect(readTextDocument('x.txt', Uint8Array.from([0x50, 0x00, 0x4b]))).toMatchObject({ ok: false });
  });
});
