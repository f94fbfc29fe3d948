import { EventEmitter } from 'node:events';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tempFolder } from '../support/temp-folder.js';

const ONLY = ['--only', 'satisfaction-threshold', '--jobs', '1'];
const satisfactionRow = (value: string) => `绩效指标:\n  - { 一级指标: 满意度指标, 二级指标: 服务对象满意度指标, 三级指标: 群众满意度, 年度指标值: ${value} }\n`;

describe('ptlint check writes its report as it goes', () => {
  it('each unit reaches the output before the next unit is linted', async () => {
    // Two units (folders). When the report on unit a arrives, unit b's filing is changed on disk: a run that
    // collected every result before formatting would already have linted the old b; a streamed run lints the new.
    const folder = await tempFolder({ 'a/low.yaml': satisfactionRow('≥60%'), 'b/fine.yaml': satisfactionRow('≥90%') });
    let stdout = '';
    let changedB = false;
    const code = await main(['check', '.', ...ONLY, '--format', 'github'], {
      cwd: folder,
      stdout: (text) => {
        stdout += text;
        if (!changedB && stdout.includes('a/low.yaml')) {
          writeFileSync(join(folder, 'b/fine.yaml'), satisfactionRow('≥50%'));
          changedB = true;
        }
      },
      stderr: () => undefined,
      colorSupported: false,
    });
    expect(code).toBe(1);
    expect(changedB).toBe(true);
    expect(stdout).toContain('file=b/fine.yaml');
    expect(stdout.indexOf('file=a/low.yaml')).toBeLessThan(stdout.indexOf('file=b/fine.yaml'));
  });

  it('waits for a full stdout to drain before writing more', async () => {
    const folder = await tempFolder(Object.fromEntries(['a', 'b', 'c'].map((unit) => [`${unit}/low.yaml`, satisfactionRow('≥60%')])));
    const stream = new EventEmitter();
    let full = false;
    let writesWhileFull = 0;
    let stdout = '';
    const code = await main(['check', '.', ...ONLY, '--format', 'github'], {
      cwd: folder,
      // like process.stdout.write on a full pipe: buffered, `false`, and 'drain' once the reader catches up
      stdout: (text) => {
        if (full) writesWhileFull++;
        stdout += text;
        full = true;
        setImmediate(() => {
          full = false;
          stream.emit('drain');
        });
        return false;
      },
      stdoutStream: stream as unknown as NodeJS.WritableStream,
      stderr: () => undefined,
      colorSupported: false,
    });
    expect(code).toBe(1);
    expect(writesWhileFull).toBe(0);
    expect(stdout.match(/satisfaction-threshold/g)).toHaveLength(3);
  });

  it('--output streams into a temporary file and renames it: the report is complete and nothing is left over', async () => {
    const folder = await tempFolder({ 'a/low.yaml': satisfactionRow('≥60%'), 'b/low.yaml': satisfactionRow('≥70%'), 'report.sarif': 'old report' });
    const code = await main(['check', 'a', 'b', ...ONLY, '--format', 'sarif', '--output', 'report.sarif'], {
      cwd: folder,
      stdout: () => undefined,
      stderr: () => undefined,
      colorSupported: false,
    });
    expect(code).toBe(1);
    const log = JSON.parse(readFileSync(join(folder, 'report.sarif'), 'utf8')) as { runs: Array<{ results: unknown[] }> };
    expect(log.runs[0].results).toHaveLength(2);
    expect(readdirSync(folder).sort()).toEqual(['a', 'b', 'report.sarif']);
  });

  it.skipIf(process.platform === 'win32')('--output to a device writes to it rather than replacing it', async () => {
    const folder = await tempFolder({ 'low.yaml': satisfactionRow('≥60%') });
    let stderr = '';
    const code = await main(['check', '.', ...ONLY, '--format', 'json', '--output', '/dev/null'], {
      cwd: folder,
      stdout: () => undefined,
      stderr: (text) => {
        stderr += text;
      },
      colorSupported: false,
    });
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});
