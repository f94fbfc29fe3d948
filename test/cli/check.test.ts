import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempFolder } from '../support/temp-folder.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const satisfactionRow = (value: string) => `绩效指标:\n  - { 一级指标: 满意度指标, 二级指标: 服务对象满意度指标, 三级指标: 群众满意度, 年度指标值: "${value}" }\n`;
const vagueRow = '绩效指标:\n  - { 一级指标: 效益指标, 二级指标: 社会效益指标, 三级指标: 抗疫效果, 年度指标值: 明显 }\n';
/** The CLI tests run two rules only, so that rules added to the catalogue later do not change what they see. */
const ONLY = ['--only', 'satisfaction-threshold,vague-target'];

describe('ptlint check: exit codes', () => {
  it('0 for a clean filing, and nothing printed', async () => {
    const folder = await tempFolder({ 'clean.yaml': satisfactionRow('≥90%') });
    expect(await runCli(['check', '.', ...ONLY], folder)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('0 with warnings only; 1 when they exceed --max-warnings', async () => {
    const folder = await tempFolder({ 'vague.yaml': vagueRow });
    expect((await runCli(['check', '.', ...ONLY], folder)).code).toBe(0);
    expect((await runCli(['check', '.', ...ONLY, '--max-warnings', '1'], folder)).code).toBe(0);
    const over = await runCli(['check', '.', ...ONLY, '--max-warnings', '0'], folder);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('警告数 1 超过了 --max-warnings 0');
  });

  it('1 for an error finding', async () => {
    const folder = await tempFolder({ 'low.yaml': satisfactionRow('≥60%') });
    const run = await runCli(['check', 'low.yaml', ...ONLY], folder);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('low.yaml');
    expect(run.stdout).toMatch(/2:\d+\s+错误\s+满意度指标“群众满意度”的目标 ≥60% 低于 80%\s+satisfaction-threshold/);
  });

  it('2 for a config whose aliases expand past the limit (an alias bomb), naming the file, without a stack trace', async () => {
    const bomb = ['a0: &a0 [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, level) => `a${level + 1}: &a${level + 1} [${Array(9).fill(`*a${level}`).join(', ')}]`)];
    const folder = await tempFolder({ '.ptlintrc.yaml': `${bomb.join('\n')}\nrules: {}\n`, 'vague.yaml': vagueRow });
    const run = await runCli(['check', '.'], folder);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.ptlintrc.yaml:1:1: YAML 别名（*名称）无法展开');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('1 for a malformed filing, and the other files are still linted', async () => {
    const folder = await tempFolder({ 'a-broken.yaml': '项目名称: [未闭合\n', 'b-vague.yaml': vagueRow });
    const run = await runCli(['check', '.', ...ONLY, '--format', 'json'], folder);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; column: number }> }>;
    expect(report.map((file) => [file.filePath.split('/').pop(), file.messages.map((message) => `${message.ruleId}@${message.line}`)])).toEqual([
      ['a-broken.yaml', ['parse-error@2']],
      ['b-vague.yaml', ['vague-target@2']],
    ]);
  });

  it('1 for a field of the wrong type', async () => {
    const folder = await tempFolder({ 'typed.yaml': '年度: 二〇二六\n' });
    const run = await runCli(['check', '.', ...ONLY], folder);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/1:5\s+错误\s+“年度”应为整数，实际为文字“二〇二六”\s+schema-violation/);
  });

  it('2 for a path that does not exist, naming it', async () => {
    const folder = await tempFolder({});
    const run = await runCli(['check', 'missing.yaml'], folder);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('missing.yaml: 文件不存在 (missing-path)');
  });

  it('2 for a broken config, naming file, line and column', async () => {
    const folder = await tempFolder({ '.ptlintrc.yaml': 'rules:\n  vague-targt: off\n', 'f.yaml': vagueRow });
    const run = await runCli(['check', '.'], folder);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.ptlintrc.yaml:2:3: 没有名为“vague-targt”的规则；是否应为“vague-target”？ (unknown-rule)');
  });

  it('2 for a broken rule file', async () => {
    const folder = await tempFolder({
      '.ptlintrc.yaml': 'ruleFiles: [mine.yaml]\n',
      'mine.yaml': 'rules:\n  my-rule:\n    severity: eror\n',
      'f.yaml': vagueRow,
    });
    const run = await runCli(['check', '.'], folder);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/mine\.yaml:3:15: .*\(schema-violation\)/);
  });

  it('2 for usage errors: unknown format, bad --max-warnings, unknown --only rule, unknown option', async () => {
    const folder = await tempFolder({ 'f.yaml': vagueRow });
    const runs = await Promise.all([
      runCli(['check', '.', '--format', 'xml'], folder),
      runCli(['check', '.', '--max-warnings', 'many'], folder),
      runCli(['check', '.', '--only', 'no-such-rule'], folder),
      runCli(['check', '.', '--frobnicate'], folder),
    ]);
    expect(runs.map((run) => run.code)).toEqual([2, 2, 2, 2]);
    expect(runs[0].stderr).toContain('未知的输出格式“xml”');
    expect(runs[2].stderr).toContain('没有这些规则：no-such-rule');
  });
});

describe('ptlint check: options', () => {
  it('--output writes the report to a file and keeps the exit code', async () => {
    const folder = await tempFolder({ 'low.yaml': satisfactionRow('≥60%') });
    const run = await runCli(['check', '.', ...ONLY, '--format', 'json', '--output', 'report.json'], folder);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    const report = JSON.parse(readFileSync(join(folder, 'report.json'), 'utf8')) as Array<{ errorCount: number }>;
    expect(report[0].errorCount).toBe(1);
  });

  it('--output to a folder that cannot be written reports it and keeps the exit code', async () => {
    const folder = await tempFolder({ 'low.yaml': satisfactionRow('≥60%') });
    const run = await runCli(['check', '.', ...ONLY, '--output', 'no/such/dir/report.txt'], folder);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('无法写入 --output 文件 no/such/dir/report.txt');
  });

  it('--quiet reports errors only', async () => {
    const folder = await tempFolder({ 'mixed.yaml': `${vagueRow}  - { 一级指标: 满意度指标, 二级指标: 服务对象满意度指标, 三级指标: 群众满意度, 年度指标值: ≥60% }\n` });
    const run = await runCli(['check', '.', ...ONLY, '--quiet', '--format', 'json'], folder);
    const [file] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string }> }>;
    expect(file.messages.map((message) => message.ruleId)).toEqual(['satisfaction-threshold']);
  });

  it('--locale en prints English messages and summary', async () => {
    const folder = await tempFolder({ 'low.yaml': satisfactionRow('≥60%') });
    const run = await runCli(['check', '.', ...ONLY, '--locale', 'en'], folder);
    expect(run.stdout).toContain('Satisfaction target “群众满意度” ≥60% is below 80%');
    expect(run.stdout).toContain('1 problem (1 error');
  });

  it('globs and folders find .yaml and .yml files but not the config', async () => {
    const folder = await tempFolder({ 'a/one.yaml': vagueRow, 'a/two.yml': vagueRow, 'a/.ptlintrc.yaml': 'extends: ptlint:recommended\n', 'b/three.yaml': vagueRow });
    const run = await runCli(['check', 'a', 'b/*.yaml', ...ONLY, '--format', 'json'], folder);
    const files = (JSON.parse(run.stdout) as Array<{ filePath: string }>).map((file) => file.filePath.slice(folder.length + 1));
    expect(files).toEqual(['a/one.yaml', 'a/two.yml', 'b/three.yaml']);
  });

  it.each(['sarif', 'junit', 'github', 'stylish', 'json'])('--format %s produces output', async (format) => {
    const folder = await tempFolder({ 'low.yaml': satisfactionRow('≥60%') });
    const run = await runCli(['check', '.', ...ONLY, '--format', format], folder);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('satisfaction-threshold');
  });
});

describe('ptlint rules', () => {
  it('lists every rule with severity and description', async () => {
    const run = await runCli(['rules', '--format', 'json'], repoRoot);
    const rules = JSON.parse(run.stdout) as Array<{ id: string; severity: string; description: string }>;
    expect(rules.find((rule) => rule.id === 'satisfaction-threshold')).toMatchObject({ severity: 'error', description: expect.stringContaining('满意度') });
    expect(rules.map((rule) => rule.id)).toEqual([...rules.map((rule) => rule.id)].sort());
  });
});

/** Runs the compiled CLI; `npm test` builds dist/ first (the pretest script). */
describe('the installed command', () => {
  const exec = promisify(execFile);

  it('bin/ptlint.js runs, exits with the code, and shows no stack trace for a user mistake', async () => {
    const failure = await exec('node', [join(repoRoot, 'bin/ptlint.js'), 'check', 'does-not-exist.yaml'], { cwd: repoRoot }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('does-not-exist.yaml: 文件不存在');
    expect((failure as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
  });

  it.each(['stylish', 'json'])('a reader that closes the pipe early (| head) gets no EPIPE stack trace, and the exit code stands (%s)', async (format) => {
    const child = spawn('node', [join(repoRoot, 'bin/ptlint.js'), 'check', 'examples', '--format', format], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'close')) as [number];
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
  });

  it('lints the bundled examples like the README says', async () => {
    const result = await exec('node', [join(repoRoot, 'bin/ptlint.js'), 'check', 'examples', '--format', 'json'], { cwd: repoRoot }).catch((error: { code: number; stdout: string }) => error);
    const report = JSON.parse((result as { stdout: string }).stdout) as unknown[];
    expect(report.length).toBeGreaterThanOrEqual(12);
  });
});

