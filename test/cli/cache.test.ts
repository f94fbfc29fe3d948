import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempFolder } from '../support/temp-folder.js';

const row = (value: string) => `绩效指标:\n  - { 一级指标: 满意度指标, 二级指标: 服务对象满意度指标, 三级指标: 群众满意度, 年度指标值: ${value} }\n`;
const ARGS = ['check', '.', '--only', 'satisfaction-threshold', '--format', 'json', '--cache'];
const messagesOf = (stdout: string) => (JSON.parse(stdout) as Array<{ filePath: string; messages: Array<{ message: string }> }>).map((file) => [file.filePath.split('/').slice(-2).join('/'), file.messages.map((message) => message.message)]);

/** Marks every cached message, so that a later run shows whether it reused the cache or linted afresh. */
function markCache(folder: string): void {
  const path = join(folder, '.ptlintcache');
  const cache = JSON.parse(readFileSync(path, 'utf8')) as { units: Record<string, { results: Array<{ findings: Array<{ message: string }> }> }> };
  for (const unit of Object.values(cache.units)) for (const result of unit.results) for (const finding of result.findings) finding.message = `CACHED ${finding.message}`;
  writeFileSync(path, JSON.stringify(cache));
}

describe('--cache', () => {
  it('reuses the results of unchanged folders and re-lints a folder whose file changed', async () => {
    const folder = await tempFolder({ 'a/f.yaml': row('≥60%'), 'b/g.yaml': row('≥70%') });
    const first = await runCli(ARGS, folder);
    markCache(folder);
    writeFileSync(join(folder, 'b/g.yaml'), row('≥75%'));
    const second = await runCli(ARGS, folder);
    expect(messagesOf(second.stdout)).toEqual([
      ['a/f.yaml', ['CACHED 满意度指标“群众满意度”的目标 ≥60% 低于 80%']],
      ['b/g.yaml', ['满意度指标“群众满意度”的目标 ≥75% 低于 80%']],
    ]);
    expect(second.code).toBe(first.code);
  });

  it('is invalidated by a changed rule option in the config', async () => {
    const folder = await tempFolder({ 'f.yaml': row('≥85%'), '.ptlintrc.yaml': 'rules:\n  satisfaction-threshold: [error, { min: 80 }]\n' });
    expect(messagesOf((await runCli(ARGS, folder)).stdout)[0][1]).toEqual([]);
    markCache(folder);
    writeFileSync(join(folder, '.ptlintrc.yaml'), 'rules:\n  satisfaction-threshold: [error, { min: 90 }]\n');
    const after = messagesOf((await runCli(ARGS, folder)).stdout);
    expect(after[0][1]).toEqual(['满意度指标“群众满意度”的目标 ≥85% 低于 90%']);
  });

  it('stores no source text, and gives a report that shows source the same text from a cache hit', async () => {
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'examples', '004_94bc4c6928439b7e', '业务培训.yaml'), 'utf8');
    const files = { 'u/plain.yaml': text, 'u/bom.yaml': `\ufeff${text}`, 'u/crlf.yaml': text.replace(/\n/g, '\r\n') };
    for (const format of ['json', 'html']) {
      const folder = await tempFolder(files);
      const uncached = await runCli(['check', '.', '--format', format], folder);
      const first = await runCli(['check', '.', '--format', format, '--cache'], folder);
      markCache(folder);
      const cache = readFileSync(join(folder, '.ptlintcache'), 'utf8');
      expect(cache).not.toContain('"source"');
      const hit = await runCli(['check', '.', '--format', format, '--cache'], folder);
      expect(first.stdout).toBe(uncached.stdout);
      // the hit's messages are the marked ones; everything drawn from the source (json fixes, html quotes) is the same
      expect(hit.stdout).toContain('CACHED ');
      expect(hit.stdout.replaceAll('CACHED ', '')).toBe(uncached.stdout);
    }
    // json fixes need the source: a hit that lost it would drop them
    expect((await runCli(['check', '.', '--format', 'json', '--cache'], await tempFolder(files))).stdout).toContain('"fix":');
  });

  it('is invalidated by a changed rule selection and survives a corrupt cache file', async () => {
    const folder = await tempFolder({ 'f.yaml': row('≥60%') });
    await runCli(ARGS, folder);
    markCache(folder);
    const otherRules = await runCli(['check', '.', '--only', 'satisfaction-threshold,vague-target', '--format', 'json', '--cache'], folder);
    expect(messagesOf(otherRules.stdout)[0][1]).toEqual(['满意度指标“群众满意度”的目标 ≥60% 低于 80%']);
    writeFileSync(join(folder, '.ptlintcache'), '{ not json');
    expect(messagesOf((await runCli(ARGS, folder)).stdout)[0][1]).toEqual(['满意度指标“群众满意度”的目标 ≥60% 低于 80%']);
  });
});
