import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempFolder } from '../support/temp-folder.js';

const seedsFolder = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');
const ODD_TEXT = ['财政项目支出绩效目标申报表', '(2024年度)', '项目名称\t测试', '备注栏\t', '一级指标\t二级指标\t三级指标\t年度指标值', '产出指标\t数量指标\t培训人次\t≥500人次\t多出一格', ''].join('\n');

describe('ptlint import', () => {
  it('writes the filings of a seed into --out and names them on stdout', async () => {
    const folder = await tempFolder({});
    copyFileSync(join(seedsFolder, '004_94bc4c6928439b7e.txt'), join(folder, '004.txt'));
    const run = await runCli(['import', '004.txt', '--out', 'filings', '--strict'], folder);
    expect(run.code).toBe(0);
    expect(readdirSync(join(folder, 'filings')).sort()).toEqual(['业务培训.yaml', '党组织建设.yaml', '单位汇总.yaml', '宣传与推广.yaml', '疫情防控.yaml']);
    expect(run.stdout).toBe('004.txt → 5 个文件写入 filings\n');
    expect(readFileSync(join(folder, 'filings', '党组织建设.yaml'), 'utf8')).toContain('# 来源：004.txt 第1张表（党组织建设）');
  });

  it('gives each of several inputs its own subfolder', async () => {
    const folder = await tempFolder({ 'a.txt': ODD_TEXT, 'b.txt': ODD_TEXT.replace('测试', '另一项') });
    const run = await runCli(['import', 'a.txt', 'b.txt', '--out', 'out'], folder);
    expect(run.code).toBe(0);
    expect([existsSync(join(folder, 'out', 'a', '测试.yaml')), existsSync(join(folder, 'out', 'b', '另一项.yaml'))]).toEqual([true, true]);
  });

  it('reports unmapped content with file:line:column and fails only under --strict', async () => {
    const folder = await tempFolder({ 'odd.txt': ODD_TEXT });
    const lenient = await runCli(['import', 'odd.txt', '--out', 'out'], folder);
    const strict = await runCli(['import', 'odd.txt', '--out', 'out', '--strict', '--locale', 'en'], folder);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain('odd.txt:4:1: 未映射: 未能映射（表头）的内容“备注栏”');
    expect(lenient.stderr).toContain('odd.txt:6:');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/--strict: 2 pieces of content could not be mapped/);
    expect(readFileSync(join(folder, 'out', '测试.yaml'), 'utf8')).toContain('三级指标: 培训人次, 年度指标值: ≥500人次 }');
    expect(strict.stderr).toContain('could not map “多出一格”');
  });

  it('stops with exit code 2 on a file it cannot read or has no reader for', async () => {
    const folder = await tempFolder({ 'form.pdf': '%PDF-1.4' });
    const missing = await runCli(['import', 'none.txt', '--out', 'out'], folder);
    const unsupported = await runCli(['import', 'form.pdf', '--out', 'out'], folder);
    expect([missing.code, unsupported.code]).toEqual([2, 2]);
    expect(unsupported.stderr).toContain('form.pdf: 不支持的文件类型');
  });

  it('draws no progress bar when stderr is not a terminal', async () => {
    const folder = await tempFolder({ 'a.txt': ODD_TEXT, 'b.txt': ODD_TEXT });
    const run = await runCli(['import', 'a.txt', 'b.txt', '--out', 'out'], folder);
    expect(run.stderr).not.toContain('\r');
  });
});
