import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempFolder } from '../support/temp-folder.js';

const ONLY = ['--only', 'satisfaction-threshold,vague-target', '--format', 'json'];
const filing = [
  '# 申报表',
  '绩效指标:',
  '  - { 一级指标: 效益指标, 二级指标: 社会效益指标, 三级指标: 抗疫效果, 年度指标值: 明显 }',
  '  - { 一级指标: 满意度指标, 二级指标: 服务对象满意度指标, 三级指标: 群众满意度, 年度指标值: ≥60% }',
  '',
].join('\n');

const ruleIdsIn = (stdout: string) => (JSON.parse(stdout) as Array<{ messages: Array<{ ruleId: string }> }>).flatMap((file) => file.messages.map((message) => message.ruleId));

describe('baseline', () => {
  it('records today\'s findings and then reports only new ones', async () => {
    const folder = await tempFolder({ 'f.yaml': filing });
    const written = await runCli(['check', '.', ...ONLY, '--write-baseline', 'ptlint-baseline.json'], folder);
    expect(ruleIdsIn(written.stdout)).toEqual(['vague-target', 'satisfaction-threshold']);
    const baseline = JSON.parse(readFileSync(join(folder, 'ptlint-baseline.json'), 'utf8')) as { entries: Array<{ file: string; ruleId: string }> };
    expect(baseline.entries.map((entry) => [entry.file, entry.ruleId])).toEqual([
      ['f.yaml', 'vague-target'],
      ['f.yaml', 'satisfaction-threshold'],
    ]);

    const unchanged = await runCli(['check', '.', ...ONLY, '--baseline', 'ptlint-baseline.json'], folder);
    expect(unchanged.code).toBe(0);
    expect(ruleIdsIn(unchanged.stdout)).toEqual([]);
  });

  it('an entry survives lines moving but not the value changing; stale entries are reported', async () => {
    const folder = await tempFolder({ 'f.yaml': filing });
    await runCli(['check', '.', ...ONLY, '--write-baseline', 'b.json'], folder);
    const moved = filing.replace('# 申报表\n', '# 申报表\n# 第二行注释\n\n').replace('≥60%', '≥50%');
    writeFileSync(join(folder, 'f.yaml'), moved);
    const run = await runCli(['check', '.', ...ONLY, '--baseline', 'b.json'], folder);
    expect(ruleIdsIn(run.stdout)).toEqual(['satisfaction-threshold']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('基线 b.json 中有 1 条记录已不再出现');
  });

  it('a baseline that cannot be read stops the run', async () => {
    const folder = await tempFolder({ 'f.yaml': filing, 'bad.json': '{"version": 2}' });
    const missing = await runCli(['check', '.', ...ONLY, '--baseline', 'none.json'], folder);
    const invalid = await runCli(['check', '.', ...ONLY, '--baseline', 'bad.json'], folder);
    expect([missing.code, invalid.code]).toEqual([2, 2]);
    expect(invalid.stderr).toContain('基线文件格式不正确');
  });
});
