import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../src/cli/main.js';
import { lintInputs } from '../../src/engine/run.js';
import { FILING_SCHEMA, resolveRef, type SchemaNode } from '../../src/schema/schemas.js';
import { filingSkeleton } from '../../src/skeleton/filing-skeleton.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'ptlint-new-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { cwd: folder, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), colorSupported: false });
  return { code, stdout, stderr };
}

/** Every field path the schema defines, with `[]` for the rows of a table. */
function schemaPaths(node: SchemaNode, prefix: string): string[] {
  const resolved = resolveRef(FILING_SCHEMA, node);
  const items = resolved.items && !Array.isArray(resolved.items) ? resolveRef(FILING_SCHEMA, resolved.items) : undefined;
  const fields = Object.entries(resolved.properties ?? {}).flatMap(([key, child]) => [`${prefix}${key}`, ...schemaPaths(child, `${prefix}${key}.`)]);
  return items?.properties ? [...fields, ...schemaPaths(items, `${prefix.slice(0, -1)}[].`)] : fields;
}

function dataPaths(value: unknown, prefix: string): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => dataPaths(item, `${prefix.slice(0, -1)}[].`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => [`${prefix}${key}`, ...dataPaths(child, `${prefix}${key}.`)]);
}

describe('the blank filing', () => {
  test('holds every field of the schema, each under a comment with its description (on a table\'s first row)', () => {
    const text = filingSkeleton({ projectName: '测试项目', year: 2026 });
    expect(new Set(dataPaths(parse(text), ''))).toEqual(new Set(schemaPaths(FILING_SCHEMA, '')));
    const lines = text.split('\n');
    const seen = new Set<string>();
    lines.forEach((line, index) => {
      const field = /^(\s*(?:- )?)([^\s#:][^:]*):/.exec(line);
      const place = field && `${field[1].length}:${field[2]}`;
      if (!place || seen.has(place)) return;
      seen.add(place);
      expect(lines[index - 1], `comment above ${field[2]}`).toMatch(/^\s*# \S/);
    });
    expect(seen.size).toBeGreaterThan(40);
    expect(text).toContain('# 项目资金总额合计 — 项目资金总额。\n    合计:');
  });

  test('is a filing the engine reads without schema violations', async () => {
    const text = filingSkeleton({ projectName: '测试: 项目', year: 2026, region: '上海市' });
    const run = await lintInputs([{ filePath: join(folder, 'x.yaml'), text }]);
    if (!run.ok) throw new Error('default config should load');
    const [result] = run.results;
    expect(result.kind).toBe('filing');
    expect(result.findings.filter((finding) => ['schema-violation', 'parse-error'].includes(finding.ruleId))).toEqual([]);
    expect(parse(text)).toMatchObject({ 项目名称: '测试: 项目', 年度: 2026, 地区: '上海市' });
  });
});

describe('ptlint new', () => {
  test('writes the blank filing, modeline first, and refuses to overwrite it', async () => {
    const written = await run('new', '社区党建', '--year', '2025', '--profile', 'shanghai', '--out', 'drafts');
    expect(written).toMatchObject({ code: 0, stderr: '' });
    expect(written.stdout).toContain(join('drafts', '社区党建.yaml'));
    const text = await readFile(join(folder, 'drafts', '社区党建.yaml'), 'utf8');
    const [modeline] = text.split('\n');
    const schemaUrl = /\$schema=(\S+)$/.exec(modeline)![1];
    expect(JSON.parse(await readFile(join(folder, 'drafts', schemaUrl), 'utf8')).$id).toBe('filing.schema.json');
    expect(parse(text)).toMatchObject({ 项目名称: '社区党建', 年度: 2025, 地区: '上海市' });

    const again = await run('new', '社区党建', '--out', 'drafts');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已存在');
    expect(await readFile(join(folder, 'drafts', '社区党建.yaml'), 'utf8')).toBe(text);
  });

  test('rejects a year that is not one', async () => {
    expect((await run('new', '项目', '--year', '22')).code).toBe(2);
  });
});
