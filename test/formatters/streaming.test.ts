import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/formatters/index.generated.js';
import { format as sarif } from '../../src/formatters/sarif.js';
import { writeReport, type StreamingFormatter } from '../../src/formatters/streaming/report-writer.js';
import { Spool } from '../../src/formatters/streaming/spool.js';
import type { FileResult } from '../../src/types.js';
import { CWD, FILING_SOURCE, fileResult, makeContext, sampleResults, vagueFinding } from './sample-results.js';

const formats = Object.entries(FORMATTERS as Record<string, StreamingFormatter>);

/** The report written unit by unit, as `ptlint check` writes it. */
function streamed(formatter: StreamingFormatter, units: ReadonlyArray<readonly FileResult[]>, context = makeContext()): string {
  return [...writeReport(formatter.createWriter(context), units)].join('');
}

/** Past the spool's memory limit (4 Mi characters) in every format: 1,100 files × a finding of 4,000 characters. */
const LONG_MESSAGE = '年度指标值“明显”无法衡量。'.repeat(300);

/** `count` files of one long finding each, `perUnit` files to a folder (unit). */
function manyFiles(count: number, perUnit: number): FileResult[][] {
  const units: FileResult[][] = [];
  for (let index = 0; index < count; index++) {
    const folder = path.join(CWD, `单位-${Math.floor(index / perUnit)}`);
    const finding = { ...vagueFinding, message: LONG_MESSAGE, fingerprint: `f-${index}` };
    const result = fileResult(path.join(folder, `申报表-${index}.yaml`), [finding], index % 100 === 0 ? FILING_SOURCE : undefined);
    if (index % perUnit === 0) units.push([]);
    units[units.length - 1].push(result);
  }
  return units;
}

const spoolFiles = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith('ptlint-spool-'));

describe('formatters written unit by unit', () => {
  it.each(formats)('%s: the same text as the whole run at once', (_, formatter) => {
    const results = sampleResults();
    const whole = formatter(results, makeContext());
    expect(streamed(formatter, results.map((result) => [result]))).toBe(whole);
    expect(streamed(formatter, [results.slice(0, 2), [], results.slice(2)])).toBe(whole);
  });

  it.each(formats)('%s: the same text for a run without results or findings', (_, formatter) => {
    const clean = [fileResult(path.join(CWD, 'a.yaml'), []), fileResult(path.join(CWD, 'b.yaml'), [])];
    expect(streamed(formatter, [[clean[0]], [clean[1]]])).toBe(formatter(clean, makeContext()));
    expect(streamed(formatter, [])).toBe(formatter([], makeContext()));
  });

  // html and junit sum the run up at the top, so they keep the body in a spool until the end
  it.each(formats.filter(([name]) => ['html', 'junit'].includes(name)))('%s: the same text when the body outgrows memory and is spooled to a file', (_, formatter) => {
    const units = manyFiles(1100, 10);
    const before = spoolFiles();
    expect(streamed(formatter, units)).toBe(formatter(units.flat(), makeContext()));
    expect(spoolFiles()).toEqual(before);
  });

  it('sarif: a rule missing from the context gets ruleIndex -1 when streamed; the whole run lists it', () => {
    const results = [fileResult(path.join(CWD, 'a.yaml'), [{ ...vagueFinding, ruleId: 'someone-elses-rule' }])];
    type Log = { runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; ruleIndex: number }> }> };
    const whole = JSON.parse(sarif(results, makeContext())) as Log;
    const rules = whole.runs[0].tool.driver.rules.map((rule) => rule.id);
    expect(whole.runs[0].results[0]).toMatchObject({ ruleId: 'someone-elses-rule', ruleIndex: rules.indexOf('someone-elses-rule') });
    const inStream = JSON.parse(streamed(sarif, [results])) as Log;
    expect(inStream.runs[0].tool.driver.rules.map((rule) => rule.id)).not.toContain('someone-elses-rule');
    expect(inStream.runs[0].results[0]).toMatchObject({ ruleId: 'someone-elses-rule', ruleIndex: -1 });
  });

  it('a writer stopped before its end leaves no spool file behind', () => {
    const before = spoolFiles();
    for (const name of ['html', 'junit'] as const) {
      const writer = (FORMATTERS[name] as StreamingFormatter).createWriter(makeContext());
      writer.begin();
      for (const unit of manyFiles(1100, 10)) writer.unit(unit);
      expect(spoolFiles().length).toBe(before.length + 1);
      writer.dispose();
      expect(spoolFiles()).toEqual(before);
    }
  });
});

describe('Spool', () => {
  it('gives back what was written, in order, from memory or from its file', () => {
    for (const memoryLimit of [1 << 20, 8]) {
      const spool = new Spool(memoryLimit);
      const pieces = Array.from({ length: 300 }, (_, index) => `第${index}行：预算绩效 ✓ 𠮷\n`.repeat(40));
      for (const piece of pieces) spool.write(piece);
      expect([...spool.drain()].join('')).toBe(pieces.join(''));
      expect([...spool.drain()].join('')).toBe('');
    }
  });
});
