import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempFolder } from '../support/temp-folder.js';

const repoRoot = join(import.meta.dirname, '..', '..');

function yamlFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => join(folder, name))
    .sort();
}

/** Adds a comment above every indicator row and at the end of every value line that can carry one. */
function withComments(text: string): string {
  return text
    .split('\n')
    .map((line, index) => (line.startsWith('  - { 一级指标') ? `  # 审核意见 ${index}\n${line} # 行尾注释 ${index}` : line))
    .join('\n');
}

const commentsOf = (text: string) => text.split('\n').filter((line) => line.includes('#')).map((line) => line.slice(line.indexOf('#')));

describe('--fix on a copy of examples/ with comments added', () => {
  it('clears what the fixable rules report, keeps every comment, and a second --fix changes nothing', async () => {
    const folder = await tempFolder({});
    cpSync(join(repoRoot, 'examples'), folder, { recursive: true });
    for (const file of yamlFiles(folder)) writeFileSync(file, withComments(readFileSync(file, 'utf8')));
    const before = new Map(yamlFiles(folder).map((file) => [file, readFileSync(file, 'utf8')]));

    const report = async () => {
      const run = await runCli(['check', '.', '--format', 'json'], folder);
      return JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; fix?: unknown }> }>;
    };
    const fixableBefore = (await report()).flatMap((file) => file.messages.filter((message) => message.fix));
    expect(fixableBefore.length).toBeGreaterThan(30);

    await runCli(['check', '.', '--fix'], folder);
    const afterFirst = new Map(yamlFiles(folder).map((file) => [file, readFileSync(file, 'utf8')]));
    expect([...afterFirst.keys()].map((file) => relative(folder, file))).toEqual([...before.keys()].map((file) => relative(folder, file)));
    for (const [file, text] of afterFirst) expect(commentsOf(text), relative(folder, file)).toEqual(commentsOf(before.get(file)!));
    expect([...afterFirst].filter(([file, text]) => text !== before.get(file)).length).toBeGreaterThan(3);

    const fixableAfter = (await report()).flatMap((file) => file.messages.filter((message) => message.fix).map((message) => `${file.filePath}: ${message.ruleId}`));
    expect(fixableAfter).toEqual([]);

    await runCli(['check', '.', '--fix'], folder);
    for (const [file, text] of afterFirst) expect(readFileSync(file, 'utf8'), relative(folder, file)).toBe(text);
  });
});

describe('--fix keeps a file in its own encoding', () => {
  it('a GBK filing stays GBK, with the fix applied', async () => {
    const iconv = (await import('iconv-lite')).default;
    const { decodeBytes } = await import('../../src/source/decode.js');
    const filing = '# 申报表\n绩效指标:\n  - { 一级指标: 产出指标, 二级指标: 数量指标, 三级指标: 全年党建活动开展次数, 年度指标值: ≥10.00(次) }\n';
    const folder = await tempFolder({ 'gbk.yaml': iconv.encode(filing, 'gbk') });
    await runCli(['check', '.', '--fix', '--only', 'number-format'], folder);
    const decoded = decodeBytes(readFileSync(join(folder, 'gbk.yaml')));
    expect(decoded).toMatchObject({ ok: true, encoding: 'GB18030' });
    expect(decoded.ok && decoded.text).toBe(filing.replace('≥10.00(次)', '≥10次'));
  });
});
