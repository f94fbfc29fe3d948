import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Filing, UnitSummary } from '../../src/generated/schema-types.js';
import { importDocument, type ImportedFile } from '../../src/import/import-document.js';
import { formsDocument, formsWorkbook, type DocumentBlock } from './support/build-documents.js';
import { formGrid, narrativeLines, summaryLines } from './support/form-grid.js';

/**
 * The seed forms typed into Excel and Word (built here from examples/ with exceljs and docx, merged cells and all)
 * must import back to the hand-encoded examples.
 */
const repoRoot = join(import.meta.dirname, '..', '..');
const seeds = readdirSync(join(repoRoot, 'examples')).sort();
const SUMMARY = '单位汇总.yaml';

interface Example {
  summary?: UnitSummary;
  /** in the order of the forms in the seed (the summary's list where it has one) */
  filings: Array<{ fileName: string; data: Filing }>;
}

function example(seed: string): Example {
  const folder = join(repoRoot, 'examples', seed);
  const read = (name: string): unknown => parse(readFileSync(join(folder, name), 'utf8'));
  const names = readdirSync(folder).filter((name) => name.endsWith('.yaml') && name !== SUMMARY).sort();
  const summary = names.length < readdirSync(folder).length ? (read(SUMMARY) as UnitSummary) : undefined;
  const filings = names.map((fileName) => ({ fileName, data: read(fileName) as Filing }));
  const order = summary?.项目 ?? [];
  filings.sort((a, b) => order.indexOf(a.data.项目名称 ?? '') - order.indexOf(b.data.项目名称 ?? ''));
  return { ...(summary ? { summary } : {}), filings };
}

async function imported(bytes: Buffer, displayPath: string): Promise<{ files: Map<string, unknown>; unmapped: string[] }> {
  const result = await importDocument(bytes, { displayPath, outDir: join(repoRoot, 'out') });
  if (!result.ok) throw new Error(result.message.en);
  return {
    files: new Map(result.files.map((file: ImportedFile) => [file.fileName, parse(file.text) as unknown])),
    unmapped: result.issues.filter((issue) => issue.severity === 'unmapped').map((issue) => issue.message.en),
  };
}

function withoutNarrative(filing: Filing): Filing {
  const { 项目经费情况说明: _narrative, ...rest } = filing;
  return rest;
}

describe('an .xlsx of the seed forms imports back to examples/', () => {
  it.each(seeds)('%s, one form per worksheet', async (seed) => {
    const { filings, summary } = example(seed);
    const workbook = await formsWorkbook(filings.map(({ data }, index) => ({ name: `表${index + 1}`, forms: [formGrid(data)] })));
    const { files, unmapped } = await imported(workbook, `${seed}.xlsx`);
    expect(unmapped).toEqual([]);
    for (const { fileName, data } of filings) expect({ fileName, data: files.get(fileName) }).toEqual({ fileName, data: withoutNarrative(data) });
    // a summary stated only in the text cannot come back; one inferred from the amounts does
    if (files.has(SUMMARY)) expect(files.get(SUMMARY)).toEqual(summary);
    expect(files.size).toBe(filings.length + (files.has(SUMMARY) ? 1 : 0));
  });

  it('reads several forms stacked on one worksheet', async () => {
    const { filings } = example(seeds[1]);
    const workbook = await formsWorkbook([{ name: '汇总', forms: filings.map(({ data }) => formGrid(data)) }]);
    const { files, unmapped } = await imported(workbook, 'stacked.xlsx');
    expect(unmapped).toEqual([]);
    expect([...files.keys()].sort()).toEqual(filings.map(({ fileName }) => fileName).sort());
    for (const { fileName, data } of filings) expect(files.get(fileName)).toEqual(withoutNarrative(data));
  });
});

describe('a .docx of the seed forms imports back to examples/', () => {
  it.each(seeds)('%s, with its narratives and unit summary', async (seed) => {
    const { filings, summary } = example(seed);
    const blocks: DocumentBlock[] = summary?.说明 ? [{ paragraphs: summaryLines(summary) }] : [];
    filings.forEach(({ data }, index) => {
      if (data.项目经费情况说明) blocks.push({ paragraphs: narrativeLines(`项目经费情况说明${index + 1}`, data.项目经费情况说明) });
      blocks.push({ form: formGrid(data) });
    });
    const { files, unmapped } = await imported(await formsDocument(blocks), `${seed}.docx`);
    expect(unmapped).toEqual([]);
    for (const { fileName, data } of filings) expect({ fileName, data: files.get(fileName) }).toEqual({ fileName, data });
    expect(files.get(SUMMARY)).toEqual(summary);
    expect(files.size).toBe(filings.length + (summary ? 1 : 0));
  });
});
