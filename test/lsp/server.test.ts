import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DiagnosticSeverity, MarkupContent, type Diagnostic } from 'vscode-languageserver/node';
import { lintPaths } from '../../src/engine/run.js';
import { ruleDocsUrl } from '../../src/package-root.js';
import { startInProcess, type ClientOptions, type LspTestClient } from './support/lsp-test-client.js';
import { applyEdits, exampleWorkspace } from './support/workspace.js';

const FILING = '两新党建.yaml';

let workspace: Awaited<ReturnType<typeof exampleWorkspace>>;
let session: ReturnType<typeof startInProcess> | undefined;

beforeEach(async () => {
  workspace = await exampleWorkspace();
});

afterEach(async () => {
  await session?.dispose();
  session = undefined;
  await workspace.remove();
});

async function connect(options: ClientOptions = {}, folder = workspace.folder): Promise<LspTestClient> {
  session = startInProcess(options);
  await session.client.initialize(folder);
  return session.client;
}

async function openFiling(client: LspTestClient, name = FILING, text?: string): Promise<{ uri: string; text: string; diagnostics: Diagnostic[] }> {
  const content = text ?? (await workspace.read(name));
  const uri = await client.open(join(workspace.folder, name), content);
  const published = await client.diagnostics(uri);
  return { uri, text: content, diagnostics: published.diagnostics };
}

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length - 1;
}

function hoverText(hover: { contents: unknown } | null): string {
  return (hover?.contents as MarkupContent | undefined)?.value ?? '';
}

describe('diagnostics', () => {
  test('match what ptlint check reports on the saved file, with rule ids and documentation links', async () => {
    const client = await connect();
    const { diagnostics } = await openFiling(client);
    const run = await lintPaths([workspace.folder], workspace.folder);
    if (!run.ok) throw new Error('the example folder should lint');
    const expected = run.results.find((result) => result.filePath.endsWith(FILING))!.findings;
    expect(expected.length).toBeGreaterThan(0);
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.message])).toEqual(
      expected.map((finding) => [finding.ruleId, finding.start.line - 1, finding.start.column - 1, finding.message]),
    );
    for (const diagnostic of diagnostics) {
      expect(diagnostic.source).toBe('ptlint');
      expect(diagnostic.codeDescription?.href).toBe(ruleDocsUrl(String(diagnostic.code)));
    }
    expect(diagnostics.find((diagnostic) => diagnostic.code === 'vague-target')?.severity).toBe(DiagnosticSeverity.Warning);
  });

  test('sit on the right UTF-16 columns after Chinese text, full-width punctuation and a character outside the BMP, as do hovers', async () => {
    const client = await connect();
    const original = await workspace.read(FILING);
    const row = '  - { 一级指标: 满意度指标, 二级指标: 服务对象满意度指标, 三级指标: 𠀀“两新”（党员）群众满意度，调查, 年度指标值: ≥75% }';
    const text = original.replace(/^ {2}- \{ 一级指标: 满意度指标.*$/m, row);
    const { uri, diagnostics } = await openFiling(client, FILING, text);
    const finding = diagnostics.find((diagnostic) => diagnostic.code === 'satisfaction-threshold');
    const line = lineOf(text, row);
    const column = row.indexOf('≥75%');
    expect(row.slice(0, column)).toContain('\u{20000}');
    expect(column).toBe([...row.slice(0, column)].length + 1); // 𠀀 takes two UTF-16 code units
    expect(finding?.range).toEqual({ start: { line, character: column }, end: { line, character: column + '≥75%'.length } });

    const hover = hoverText(await client.hover(uri, { line, character: column + 1 }));
    expect(hover).toContain(finding!.message);
    expect(hover).toMatch(/✓\n```yaml\n绩效指标:\n/);
    expect(hover).toContain('| 比较符 | ≥ |');
  });

  test('lint only the latest version after quick changes, and survive YAML that cannot be read', async () => {
    const client = await connect();
    const { uri, text } = await openFiling(client);
    await client.change(uri, 2, text.replace('明显', '显著'));
    await client.change(uri, 3, `${text}\n绩效目标: [unclosed\n`);
    const broken = await client.diagnostics(uri, (params) => params.version === 3);
    expect(client.published.filter((params) => params.uri === uri).map((params) => params.version)).toEqual([1, 3]);
    const parseError = broken.diagnostics.find((diagnostic) => diagnostic.code === 'parse-error');
    expect(parseError?.severity).toBe(DiagnosticSeverity.Error);
    expect(parseError?.range.start.line).toBeGreaterThanOrEqual(lineOf(text, '绩效指标:'));

    await client.change(uri, 4, text);
    const repaired = await client.diagnostics(uri, (params) => params.version === 4);
    expect(repaired.diagnostics.some((diagnostic) => diagnostic.code === 'parse-error')).toBe(false);
    expect(repaired.diagnostics.some((diagnostic) => diagnostic.code === 'vague-target')).toBe(true);
  });

  test('batch rules see the other filings of the folder, open ones as edited', async () => {
    const name = '党群综合服务.yaml';
    const unitNames = (diagnostics: Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.code === 'unit-name-consistency').map((diagnostic) => diagnostic.message);
    const alone = await openFiling(await connect(), name);
    expect(unitNames(alone.diagnostics)).toEqual([expect.stringContaining('3 处')]);
    const related = alone.diagnostics.find((diagnostic) => diagnostic.code === 'unit-name-consistency')!.relatedInformation ?? [];
    expect(related).toHaveLength(3);
    for (const { location } of related) {
      const line = (await readFile(fileURLToPath(location.uri), 'utf8')).split('\n')[location.range.start.line];
      expect(line.slice(location.range.start.character, location.range.end.character)).toBe('上海市松江区广富林街道社区党群服务中心');
    }
    await session!.dispose();

    // in the editor, the other filings now spell the unit as this one does
    const client = await connect();
    const respelled = (text: string) => text.replace('实施单位: 上海市松江区广富林街道社区党群服务中心', '实施单位: 上海市松江区广富林街道社区党建服务中心');
    for (const peer of ['两新党建.yaml', '社区党建.yaml']) await client.open(join(workspace.folder, peer), respelled(await workspace.read(peer)));
    const withEditedPeers = await openFiling(client, name);
    expect(unitNames(withEditedPeers.diagnostics)).toEqual([expect.stringContaining('1 处')]);

    // and an edit to an open peer re-lints this filing too
    const peerUri = client.published.find((params) => params.uri.endsWith(encodeURIComponent('两新党建.yaml')))!.uri;
    const republished = client.nextDiagnostics(withEditedPeers.uri, (params) => unitNames(params.diagnostics).some((message) => message.includes('2 处')));
    await client.change(peerUri, 2, await workspace.read('两新党建.yaml'));
    expect(unitNames((await republished).diagnostics)).toHaveLength(1);
  });

  test('after edits and a neighbour changed on disk, match what ptlint check reports on the folder as it then is', async () => {
    // the server keeps the neighbours' per-file work between edits; what it publishes must not tell
    const name = '党群综合服务.yaml';
    const unitNames = (diagnostics: Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.code === 'unit-name-consistency').map((diagnostic) => diagnostic.message);
    const client = await connect();
    const { uri, text, diagnostics } = await openFiling(client, name);
    expect(unitNames(diagnostics)).toEqual([expect.stringContaining('3 处')]);
    const edited = text.replace('明显', '显著');
    for (const version of [2, 3]) {
      const next = client.nextDiagnostics(uri, (params) => params.version === version);
      await client.change(uri, version, version === 2 ? text : edited);
      await next;
    }
    const respelled = (peerText: string) => peerText.replace('实施单位: 上海市松江区广富林街道社区党群服务中心', '实施单位: 上海市松江区广富林街道社区党建服务中心');
    const peer = join(workspace.folder, '两新党建.yaml');
    await writeFile(peer, respelled(await workspace.read('两新党建.yaml')));
    const relinted = client.nextDiagnostics(uri, (params) => params.version === 3);
    await client.fileChanged(peer);
    const published = (await relinted).diagnostics;
    expect(unitNames(published)).toEqual([expect.stringContaining('2 处')]);

    await writeFile(join(workspace.folder, name), edited);
    const run = await lintPaths([workspace.folder], workspace.folder);
    if (!run.ok) throw new Error('the example folder should lint');
    const expected = run.results.find((result) => result.filePath.endsWith(name))!.findings;
    expect(published.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.message])).toEqual(
      expected.map((finding) => [finding.ruleId, finding.start.line - 1, finding.start.column - 1, finding.message]),
    );
  });

  test('a new .ptlintrc.yaml re-lints the open filings', async () => {
    const client = await connect();
    const { uri, diagnostics } = await openFiling(client);
    expect(diagnostics.some((diagnostic) => diagnostic.code === 'vague-target')).toBe(true);
    await writeFile(join(workspace.folder, '.ptlintrc.yaml'), 'rules:\n  vague-target: off\n');
    const relinted = client.nextDiagnostics(uri);
    await client.fileChanged(join(workspace.folder, '.ptlintrc.yaml'));
    expect((await relinted).diagnostics.some((diagnostic) => diagnostic.code === 'vague-target')).toBe(false);
    expect(client.registrations.map((registration) => registration.method)).toContain('workspace/didChangeWatchedFiles');
  });

  test('English editors get English messages', async () => {
    const client = await connect({ locale: 'en' });
    const { diagnostics } = await openFiling(client);
    expect(diagnostics.find((diagnostic) => diagnostic.code === 'vague-target')?.message).toMatch(/states no measurable standard/);
  });
});

describe('settings', () => {
  test('YAML that is not a filing stays quiet unless ptlint.files lists it', async () => {
    const compose = 'services:\n  web:\n    image: nginx\n';
    const quiet = await connect({ settings: null });
    const uri = await quiet.open(join(workspace.folder, 'compose.yaml'), compose);
    expect((await quiet.diagnostics(uri)).diagnostics).toEqual([]);
    await session!.dispose();

    const listed = await connect({ settings: { files: ['*.yaml'] } });
    const listedUri = await listed.open(join(workspace.folder, 'compose.yaml'), compose);
    expect((await listed.diagnostics(listedUri)).diagnostics.map((diagnostic) => diagnostic.code)).toContain('schema-violation');
  });

  test('ptlint.configPath names the config for every filing, relative to the workspace folder', async () => {
    await writeFile(join(workspace.folder, 'quiet.yaml'), 'rules:\n  vague-target: off\n');
    const client = await connect({ settings: { configPath: 'quiet.yaml' } });
    const { diagnostics } = await openFiling(client);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.some((diagnostic) => diagnostic.code === 'vague-target')).toBe(false);
  });

  test('ptlint.enable: false publishes nothing', async () => {
    const client = await connect({ settings: { enable: false } });
    const { diagnostics } = await openFiling(client);
    expect(diagnostics).toEqual([]);
  });

  test('config and rule-set files are checked against their schemas', async () => {
    const client = await connect();
    const configUri = await client.open(join(workspace.folder, '.ptlintrc.yaml'), 'extends: ptlint:recommended\nrulez:\n  vague-target: off\n');
    const config = await client.diagnostics(configUri);
    expect(config.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line])).toEqual([['schema-violation', 1]]);

    const ruleSetText = '# yaml-language-server: $schema=../schemas/ruleset.schema.json\nrules:\n  my-rule:\n    severity: loud\n';
    const ruleSetUri = await client.open(join(workspace.folder, 'my-rules.yaml'), ruleSetText);
    const ruleSet = await client.diagnostics(ruleSetUri);
    expect(ruleSet.diagnostics.length).toBeGreaterThan(0);
    expect(ruleSet.diagnostics.every((diagnostic) => diagnostic.code === 'schema-violation' && diagnostic.range.start.line >= 2)).toBe(true);
  });
});

describe('code actions', () => {
  test('offer the suggestion and a disable comment that silences the finding', async () => {
    const client = await connect();
    const { uri, text, diagnostics } = await openFiling(client);
    const vague = diagnostics.find((diagnostic) => diagnostic.code === 'vague-target')!;
    const actions = await client.codeActions(uri, vague.range, [vague]);

    const disable = actions.find((action) => action.title === '在本行禁用 vague-target')!;
    const suggestions = actions.filter((action) => action !== disable);
    expect(suggestions).toHaveLength(1);
    const [replacement] = suggestions[0].edit!.changes![uri];
    expect(replacement.range).toEqual(vague.range);
    expect(replacement.newText).not.toBe('明显');

    const [insertion] = disable.edit!.changes![uri];
    expect(insertion.newText).toBe('  # ptlint-disable-next-line vague-target -- \n');
    expect(insertion.range.start).toEqual({ line: vague.range.start.line, character: 0 });

    const silenced = applyEdits(text, [insertion]);
    await client.change(uri, 2, silenced);
    const after = await client.diagnostics(uri, (params) => params.version === 2);
    const vagueLines = after.diagnostics.filter((diagnostic) => diagnostic.code === 'vague-target').map((diagnostic) => diagnostic.range.start.line);
    expect(vagueLines).not.toContain(vague.range.start.line + 1);
    expect(after.diagnostics.some((diagnostic) => diagnostic.code === 'unused-suppression')).toBe(false);
  });

  test('fix all applies every fix at once, leaving nothing to fix', async () => {
    const client = await connect();
    const { uri, text } = await openFiling(client, '党群综合服务.yaml');
    const wholeFile = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
    const [fixAll] = await client.codeActions(uri, wholeFile, [], ['source.fixAll']);
    expect(fixAll.kind).toBe('source.fixAll.ptlint');
    const fixed = applyEdits(text, fixAll.edit!.changes![uri]);
    expect(fixed).not.toBe(text);

    await client.change(uri, 2, fixed);
    await client.diagnostics(uri, (params) => params.version === 2);
    expect(await client.codeActions(uri, wholeFile, [], ['source.fixAll'])).toEqual([]);
  });

  test('are withheld while the lint is older than the text', async () => {
    const client = await connect();
    const { uri, text, diagnostics } = await openFiling(client);
    const vague = diagnostics.find((diagnostic) => diagnostic.code === 'vague-target')!;
    await client.change(uri, 2, `# 修改中\n${text}`);
    expect(await client.codeActions(uri, vague.range, [vague])).toEqual([]);
  });
});

describe('hover', () => {
  test('on a finding: its message, the rule and its documentation', async () => {
    const client = await connect();
    const { uri, diagnostics } = await openFiling(client);
    const vague = diagnostics.find((diagnostic) => diagnostic.code === 'vague-target')!;
    const text = hoverText(await client.hover(uri, vague.range.start));
    expect(text).toContain(vague.message);
    expect(text).toContain('`vague-target`');
    expect(text).toContain(ruleDocsUrl('vague-target') ?? '财预〔2011〕285号');
  });

  test('on a field: its title and description from the schema', async () => {
    const client = await connect();
    const { uri, text } = await openFiling(client);
    const line = lineOf(text, '  单位: 元');
    const hover = hoverText(await client.hover(uri, { line, character: 3 }));
    expect(hover).toContain('**单位 · 金额单位**');
    expect(hover).toContain('表中金额的计量单位');
  });

  test('on a 指标值: how it reads', async () => {
    const client = await connect();
    const { uri, text } = await openFiling(client);
    const line = lineOf(text, '新经济组织党组织覆盖率');
    const character = text.split('\n')[line].indexOf('>=50%');
    const hover = hoverText(await client.hover(uri, { line, character: character + 1 }));
    expect(hover).toContain('| 比较符 | ≥ (>=) |');
    expect(hover).toContain('| 数值 | 50 |');
    expect(hover).toContain('| 计量单位 | % |');
  });
});

describe('completion', () => {
  async function completeAt(client: LspTestClient, name: string, text: string, marker = '|'): Promise<string[]> {
    const offset = text.indexOf(marker);
    const clean = text.slice(0, offset) + text.slice(offset + marker.length);
    const uri = await client.open(join(workspace.folder, name), clean);
    const before = clean.slice(0, offset).split('\n');
    const items = await client.completion(uri, { line: before.length - 1, character: before[before.length - 1].length });
    return items.map((item) => (item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : item.label));
  }

  const head = '# yaml-language-server: $schema=../../schemas/filing.schema.json\n项目名称: 测试\n';

  test('offers the keys the schema allows where the cursor is, minus those present', async () => {
    const client = await connect();
    const keys = await completeAt(client, 'a.yaml', `${head}项目资金:\n  单位: 元\n  |\n`);
    expect(keys).toEqual(['项目资金总额: ', '年度资金申请总额: ']);
  });

  test('offers 一级 names, and the 二级 names valid under the row’s 一级', async () => {
    const client = await connect();
    const level1 = await completeAt(client, 'a.yaml', `${head}绩效指标:\n  - { 一级指标: | }\n`);
    expect(level1).toEqual(expect.arrayContaining(['成本指标', '产出指标', '效益指标', '满意度指标']));
    const level2 = await completeAt(client, 'b.yaml', `${head}绩效指标:\n  - 一级指标: 产出指标\n    二级指标: |\n`);
    expect(level2).toEqual(expect.arrayContaining(['数量指标', '质量指标', '时效指标']));
    expect(level2).not.toContain('社会效益指标');
    const satisfaction = await completeAt(client, 'c.yaml', `${head}绩效指标:\n  - { 一级指标: 满意度指标, 二级指标: | }\n`);
    expect(satisfaction).toContain('服务对象满意度指标');
    expect(satisfaction).not.toContain('数量指标');
  });

  test('completion in a hostile filing answers without crashing: an alias bomb beside the cursor, nesting past the parser ceiling', async () => {
    const client = await connect();
    const bomb = ['a0: &a0 [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, level) => `a${level + 1}: &a${level + 1} [${Array(9).fill(`*a${level}`).join(', ')}]`)].join('\n');
    const keys = await completeAt(client, 'bomb.yaml', `${head}${bomb}\n|\n`);
    expect(keys).toContain('主管部门: ');
    const deep = await completeAt(client, 'deep.yaml', `${head}绩效指标: ${'['.repeat(5000)}|\n`);
    expect(deep).toEqual([]);
    expect(await completeAt(client, 'after.yaml', `${head}项目资金:\n  单位: 元\n  |\n`)).toEqual(['项目资金总额: ', '年度资金申请总额: ']);
  });

  test('offers comparators, then units after the number of a 指标值', async () => {
    const client = await connect();
    const comparators = await completeAt(client, 'a.yaml', `${head}绩效指标:\n  - { 一级指标: 产出指标, 年度指标值: | }\n`);
    expect(comparators).toEqual(expect.arrayContaining(['≥', '≤', '=']));
    expect(comparators).not.toContain('>');
    const units = await completeAt(client, 'b.yaml', `${head}绩效指标:\n  - { 一级指标: 产出指标, 年度指标值: ≥90| }\n`);
    expect(units.slice(0, 3)).toEqual(['≥90%', '≥90次', '≥90人次']);
  });

  test('offers profiles, rule ids and severities in .ptlintrc.yaml', async () => {
    const client = await connect();
    expect(await completeAt(client, 'a/.ptlintrc.yaml', 'extends: |\n')).toEqual(['ptlint:recommended', 'ptlint:shanghai', 'ptlint:strict']);
    const ruleIds = await completeAt(client, 'b/.ptlintrc.yaml', 'rules:\n  satisfaction-threshold: warning\n  |\n');
    expect(ruleIds).toContain('vague-target: ');
    expect(ruleIds).not.toContain('satisfaction-threshold: ');
    expect(ruleIds).not.toContain('parse-error: ');
    expect(await completeAt(client, 'c/.ptlintrc.yaml', 'rules:\n  vague-target: |\n')).toEqual(['off', 'info', 'warning', 'error']);
  });

  test('offers the fields of a rule definition in a rule file, from its JSON Schema', async () => {
    const client = await connect();
    const ruleFile = '# yaml-language-server: $schema=../schemas/ruleset.schema.json\nrules:\n  my-rule:\n    severity: warning\n    |\n';
    const fields = await completeAt(client, 'my-rules.yaml', ruleFile);
    expect(fields).toEqual(expect.arrayContaining(['description: ', 'given: ', 'then: ', 'options: ']));
    expect(fields).not.toContain('severity: ');
  });

  test('offers the blank filing in an empty file', async () => {
    const client = await connect();
    const [skeleton] = await completeAt(client, '新项目.yaml', '|');
    expect(skeleton.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*filing\.schema\.json$/);
    expect(skeleton).toContain('项目名称: 新项目\n');
  });
});

test('the outline runs project → goals → 一级 → 二级 → 三级', async () => {
  const client = await connect();
  const { uri } = await openFiling(client);
  const [project] = await client.symbols(uri);
  expect(project.name).toBe('“两新”党建');
  const [goals] = project.children!;
  expect(goals.name).toBe('绩效目标');
  expect(goals.children!.map((symbol) => symbol.name)).toEqual(['产出指标', '效益指标', '满意度指标']);
  const output = goals.children![0];
  expect(output.children!.map((symbol) => symbol.name)).toEqual(['数量指标', '质量指标', '时效指标']);
  expect(output.children![0].children!.map((symbol) => [symbol.name, symbol.detail])).toEqual([
    ['两新重点领域组织覆盖率', '=100%'],
    ['新经济组织党组织覆盖率', '>=50%'],
    ['新建“两新”党组织', '>=1家'],
    ['“两新”组织主题党日活动次数', '>=1次'],
    ['“两新”组织专题培训次数', '>=5次'],
  ]);
});
