import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createProgress, isContinuousIntegration } from '../../src/progress/progress-bar.js';
import { tempFolder } from '../support/temp-folder.js';

function captured(interactive: boolean) {
  const output = { text: '', interactive, stderr: (text: string) => (output.text += text) };
  return output;
}

describe('progress bar', () => {
  it('redraws one line per item on an interactive terminal and clears it when done', () => {
    const output = captured(true);
    const progress = createProgress({ output, env: {}, width: 4 });
    progress.update(1, 4, 'a.yaml');
    progress.update(2, 4, 'b.yaml');
    progress.done();
    expect(output.text.split('\r\u001b[2K')).toEqual(['', '[█░░░] 1/4 a.yaml', '[██░░] 2/4 b.yaml', '']);
  });

  it('stays silent when stderr is not a terminal', () => {
    const output = captured(false);
    const progress = createProgress({ output, env: {} });
    progress.update(1, 4, 'a.yaml');
    progress.done();
    expect(output.text).toBe('');
  });

  it('stays silent under CI, whatever the terminal', () => {
    const output = captured(true);
    const progress = createProgress({ output, env: { CI: 'true' } });
    progress.update(1, 4, 'a.yaml');
    progress.done();
    expect(output.text).toBe('');
  });

  it('reads CI as set unless it is empty, 0 or false', () => {
    expect(['true', '1', 'github', '', '0', 'false', 'FALSE'].map((value) => isContinuousIntegration({ CI: value }))).toEqual([true, true, true, false, false, false, false]);
    expect(isContinuousIntegration({})).toBe(false);
  });

  it('draws nothing for a batch of one', () => {
    const output = captured(true);
    createProgress({ output, env: {} }).update(1, 1, 'a.yaml');
    expect(output.text).toBe('');
  });

  it('shortens long names from the left so the file name stays visible', () => {
    const output = captured(true);
    createProgress({ output, env: {}, width: 2 }).update(1, 2, `${'很长的文件夹/'.repeat(10)}社区党建.yaml`);
    const name = output.text.split(' ').pop() ?? '';
    expect([name.length, name.startsWith('…'), name.endsWith('/社区党建.yaml')]).toEqual([40, true, true]);
  });
});

describe('progress in the CLI', () => {
  const filing = '项目名称: 测试\n绩效指标:\n  - { 一级指标: 产出指标, 二级指标: 数量指标, 三级指标: 培训人次, 年度指标值: ≥500人次 }\n';

  async function stderrOf(args: string[], folder: string): Promise<string> {
    let stderr = '';
    await main(args, { cwd: folder, stdout: () => {}, stderr: (text) => (stderr += text), colorSupported: false, interactive: true });
    return stderr;
  }

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('draws a bar for each file `check` lints on an interactive terminal, then clears it', async () => {
    vi.stubEnv('CI', '');
    const folder = await tempFolder({ 'a.yaml': filing, 'b.yaml': filing });
    const stderr = await stderrOf(['check', '.', '--format', 'json'], folder);
    expect(stderr).toContain('] 1/2 a.yaml');
    expect(stderr).toContain('] 2/2 b.yaml');
    expect(stderr.endsWith('\r\u001b[2K')).toBe(true);
  });

  it('draws nothing for `check` or `import` when CI is set', async () => {
    vi.stubEnv('CI', 'true');
    const folder = await tempFolder({ 'a.yaml': filing, 'b.yaml': filing, 'c.txt': '项目名称\t测试\n', 'd.txt': '项目名称\t测试\n' });
    expect(await stderrOf(['check', '.', '--format', 'json'], folder)).not.toContain('\r');
    expect(await stderrOf(['import', 'c.txt', 'd.txt', '--out', 'out'], folder)).not.toContain('\r');
  });

  it('draws a bar for each document `import` reads', async () => {
    vi.stubEnv('CI', '');
    const folder = await tempFolder({ 'c.txt': '项目名称\t测试\n', 'd.txt': '项目名称\t测试\n' });
    expect(await stderrOf(['import', 'c.txt', 'd.txt', '--out', 'out'], folder)).toContain('] 2/2 d.txt');
  });
});
