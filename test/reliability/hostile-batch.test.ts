import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplesFolder } from './support/filings.js';

/**
 * The issue's hostile filings, each generated at run time beside valid filings of one unit, linted by the real
 * command (`bin/ptlint.js check <folder> --format json`): every hostile file ends as one error finding on that
 * file — no stack trace, no hang — and the valid filings get exactly the findings they get without the hostile
 * neighbours. Sizes are the issue's; big files are written sparse or generated here, never committed.
 */

const repoRoot = join(import.meta.dirname, '..', '..');
const exec = promisify(execFile);
const MB = 1024 * 1024;
const validUnit = join(examplesFolder, '004_94bc4c6928439b7e');

function billionLaughs(): string {
  let text = 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let level = 1; level < 10; level++) {
    const [name, previous] = [String.fromCharCode(97 + level), String.fromCharCode(96 + level)];
    text += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]\n`;
  }
  return text;
}

interface HostileCase {
  name: string;
  write: (path: string) => Promise<void>;
  finding: { ruleId: string; message: RegExp };
}

const LIMIT = /limit-exceeded/;
const hostile: HostileCase[] = [
  { name: 'alias-bomb.yaml', write: (path) => writeFile(path, billionLaughs()), finding: { ruleId: 'limit-exceeded', message: /^YAML 别名（\*名称）展开次数超过上限 100/ } },
  {
    name: 'nesting-flow-20000.yaml',
    write: (path) => writeFile(path, `项目名称: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`),
    finding: { ruleId: 'limit-exceeded', message: /^嵌套层数过深（超过 1000 层）/ },
  },
  {
    name: 'nesting-block-20000.yaml',
    write: (path) => writeFile(path, `${'- '.repeat(20_000)}x\n`),
    finding: { ruleId: 'limit-exceeded', message: /^嵌套层数过深（超过 1000 层）/ },
  },
  {
    // indented block mappings 20,000 deep need 200 MB of indentation; 3,000 levels (4.5 MB) is the most that fits
    name: 'nesting-block-mappings-3000.yaml',
    write: (path) => writeFile(path, Array.from({ length: 3000 }, (_, level) => `${' '.repeat(level)}k:\n`).join('') + `${' '.repeat(3000)}v\n`),
    finding: { ruleId: 'limit-exceeded', message: /^嵌套层数过深（超过 1000 层）/ },
  },
  {
    name: 'nesting-100.yaml',
    write: (path) => writeFile(path, `项目名称: ${'{a: '.repeat(100)}1${'}'.repeat(100)}\n`),
    finding: { ruleId: 'limit-exceeded', message: /^嵌套层数超过上限 64/ },
  },
  {
    // sparse: 50 MB on paper, nothing on disk; the size check must not read it
    name: 'size-50mb.yaml',
    write: async (path) => {
      await writeFile(path, '项目名称: 甲\n');
      await truncate(path, 50 * MB);
    },
    finding: { ruleId: 'limit-exceeded', message: /^文件有 50\.0 MB，超过了 10\.0 MB 的上限/ },
  },
  {
    name: 'one-line-over-10mb.yaml',
    write: (path) => writeFile(path, `项目名称: ${'x'.repeat(10 * MB)}\n`),
    finding: { ruleId: 'limit-exceeded', message: /^文件有 10,485,775 B，超过了 10,485,760 B 的上限/ },
  },
  { name: 'binary-garbage.yaml', write: (path) => writeFile(path, Buffer.concat([randomBytes(4096), Buffer.from([0])])), finding: { ruleId: 'encoding-error', message: /^文件不是文本|^文件编码为|^文件不是有效的 UTF-8/ } },
  {
    name: 'invalid-utf8.yaml',
    write: (path) => writeFile(path, Buffer.concat([Buffer.from('项目名称: 甲\n备注: '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), Buffer.from('\n')])),
    finding: { ruleId: 'encoding-error', message: /^文件(不是有效的 UTF-8 文本|编码为)/ },
  },
];

/** Findings of each file, as `ruleId: message`, keyed by file name. */
type FindingsByFile = Record<string, Array<{ ruleId: string; severity: number; message: string }>>;

async function check(folder: string): Promise<{ code: number; stderr: string; findings: FindingsByFile }> {
  const outcome = await exec('node', [join(repoRoot, 'bin/ptlint.js'), 'check', folder, '--format', 'json'], { cwd: folder, maxBuffer: 64 * MB })
    .then((done) => ({ code: 0, ...done }))
    .catch((error: { code: number; stdout: string; stderr: string }) => error);
  const results = JSON.parse(outcome.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; severity: number; message: string }> }>;
  const findings = Object.fromEntries(results.map((result) => [result.filePath.slice(folder.length + 1), result.messages.map(({ ruleId, severity, message }) => ({ ruleId, severity, message }))]));
  return { code: outcome.code, stderr: outcome.stderr, findings };
}

describe('a batch with hostile filings', () => {
  let folder: string;
  let alone: Awaited<ReturnType<typeof check>>;
  let mixed: Awaited<ReturnType<typeof check>>;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'ptlint-hostile-'));
    for (const name of await readdir(validUnit)) await copyFile(join(validUnit, name), join(folder, name));
    alone = await check(folder);
    for (const entry of hostile) await entry.write(join(folder, entry.name));
    mixed = await check(folder);
  }, 120_000);

  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('ends with exit code 1 and no stack trace', () => {
    expect(alone.code).toBe(1);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).not.toMatch(/\n\s+at |RangeError|heap out of memory/);
  });

  it.each(hostile.map((entry) => [entry.name, entry]))('%s becomes one error finding on that file', (name, entry) => {
    expect(mixed.findings[name]).toEqual([{ ruleId: entry.finding.ruleId, severity: 2, message: expect.stringMatching(entry.finding.message) }]);
    if (LIMIT.test(entry.finding.ruleId)) expect(mixed.findings[name][0].message).toMatch(/limits\.max(FileBytes|Aliases|Depth)/);
  });

  it.each(['html', 'sarif', 'junit', 'stylish'])('the %s report of the batch is written, naming every hostile file, without a stack trace', async (format) => {
    const outcome = await exec('node', [join(repoRoot, 'bin/ptlint.js'), 'check', folder, '--format', format], { cwd: folder, maxBuffer: 64 * MB }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect({ code: (outcome as { code?: number }).code, stderr: outcome.stderr }).toEqual({ code: 1, stderr: '' });
    for (const entry of hostile) expect(outcome.stdout).toContain(entry.name);
  }, 120_000);

  it('the valid filings beside them get the findings they get alone', () => {
    const valid = Object.keys(alone.findings);
    expect(valid.length).toBeGreaterThan(1);
    for (const name of valid) expect(mixed.findings[name], name).toEqual(alone.findings[name]);
  });
});
