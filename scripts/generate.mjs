#!/usr/bin/env node
// Writes every generated file of the repository; `--check` fails (exit 1) when any is stale instead of writing.
// Generated: src/generated/schema-types.ts (types from schemas/), src/functions/index.generated.ts,
// src/formatters/index.generated.ts, docs/rules/README.md (the rule index), src/ruleset/bundled-rules.generated.ts
// (the rules/ folder as plain data).
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { compile } from 'json-schema-to-typescript';
import { glob } from 'tinyglobby';
import { parse, parseDocument } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const header = (what) => `// generated — run npm run generate (${what}); do not edit by hand\n`;

/** English type names for the Chinese schema titles; titles stay Chinese in the schemas for hovers. */
const TYPE_NAMES = {
  '财政项目支出绩效目标申报表': 'Filing',
  '单位绩效目标汇总': 'UnitSummary',
  '日期': 'DateText',
  '金额': 'Amount',
  '项目资金': 'Funding',
  '项目资金总额': 'ProjectTotal',
  '年度资金申请总额': 'AnnualRequest',
  '项目绩效目标': 'Goals',
  '绩效指标行': 'IndicatorRow',
  '资金测算项': 'BudgetItem',
  '项目经费情况说明': 'Narrative',
  '年度预算安排': 'BudgetArrangement',
  '资金测算': 'BudgetCalculation',
  '合并关系': 'UmbrellaRelation',
};

async function schemaTypes() {
  let out = header('types from schemas/*.schema.json');
  for (const file of ['filing.schema.json', 'unit.schema.json']) {
    const schema = keepNamedTitles(JSON.parse(await readFile(join(root, 'schemas', file), 'utf8')));
    out += await compile(schema, TYPE_NAMES[schema.title], {
      bannerComment: '',
      additionalProperties: false,
      declareExternallyReferenced: true,
      format: true,
      customName: (node) => (node.title && TYPE_NAMES[node.title] ? TYPE_NAMES[node.title] : undefined),
    });
  }
  return out;
}

/**
 * json-schema-to-typescript turns every titled node into a named type (`NoName…` for Chinese titles). Only the
 * nodes named in TYPE_NAMES become types; other titles are dropped from the copy compiled here, so leaf fields
 * are inlined with their descriptions as doc comments.
 */
function keepNamedTitles(node) {
  if (Array.isArray(node)) return node.map(keepNamedTitles);
  if (node === null || typeof node !== 'object') return node;
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'title' && typeof value === 'string' && !TYPE_NAMES[value]) continue;
    copy[key] = key === 'enum' || key === 'examples' || key === 'default' ? value : keepNamedTitles(value);
  }
  return copy;
}

const RESERVED_WORDS = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await'.split(' '),
);

/**
 * The four fixed schemas compiled by Ajv at build time ("standalone" code), so that a run does not spend its
 * start-up compiling them. Same options as src/schema/ajv.ts uses at run time.
 */
async function schemaValidators() {
  // unicode: false — minLength counts UTF-16 units, and the generated code needs no runtime helper import
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, unicode: false, logger: false, code: { source: true, esm: true } });
  const names = { filing: 'filing', unit: 'unit', ruleset: 'ruleset', config: 'config' };
  for (const name of Object.keys(names)) ajv.addSchema(JSON.parse(await readFile(join(root, 'schemas', `${name}.schema.json`), 'utf8')));
  const code = standaloneCode.default(ajv, Object.fromEntries(Object.keys(names).map((name) => [name, `${name}.schema.json`])));
  if (code.includes('require(')) throw new Error('standalone validators need a runtime helper; ESM output cannot load it');
  return `${header('Ajv standalone validators for schemas/*.schema.json')}// @ts-nocheck\n${code.replace(/^"use strict";/, '')}\n`;
}

async function moduleIndex(folder, exportName, describe, typeImport = '') {
  const files = (await readdir(join(root, folder)))
    .filter((name) => !name.endsWith('.d.ts'))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.generated.ts') && name !== 'shared.ts')
    .sort();
  const camelCase = (name) => name.replace(/\.ts$/, '').replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
  // a module named after a reserved word (commands/new.ts) cannot be imported under its own name
  const identifier = (name) => (RESERVED_WORDS.has(camelCase(name)) ? `${camelCase(name)}_` : camelCase(name));
  let out = header(`one entry per file in ${folder}/`) + typeImport;
  for (const name of files) out += `import { ${exportName} as ${identifier(name)} } from './${name.replace(/\.ts$/, '.js')}';\n`;
  out += `\n${describe}\n`;
  for (const name of files) out += `  '${name.replace(/\.ts$/, '')}': ${identifier(name)},\n`;
  out += describe.includes(': Readonly<') ? '};\n' : '} as const;\n';
  return out;
}

/** The format names alone, so that `ptlint --help` can list them without loading every formatter, and a loader per format. */
async function formatNames() {
  const names = (await readdir(join(root, 'src/formatters')))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.generated.ts') && name !== 'shared.ts' && !name.endsWith('.d.ts'))
    .map((name) => `'${name.replace(/\.ts$/, '')}'`)
    .sort();
  const loaders = names.map((name) => `  ${name}: () => import('./${name.slice(1, -1)}.js'),\n`).join('');
  return (
    `${header('one entry per file in src/formatters/')}export const FORMAT_NAMES = [${names.join(', ')}] as const;\n\n` +
    `/** Each format's module, loaded on demand: \`ptlint check\` imports only the format it writes. */\n` +
    `export const LOAD_FORMATTER = {\n${loaders}} as const;\n`
  );
}

async function ruleIndex() {
  const folder = join(root, 'rules', 'catalogue');
  const files = (await readdir(folder).catch(() => [])).filter((name) => name.endsWith('.yaml')).sort();
  let out = '<!-- generated — run npm run generate; do not edit by hand -->\n# 规则索引 · Rule index\n\n';
  out += '| id | 默认级别 severity | 检查内容 | checks | 依据 basis |\n|---|---|---|---|---|\n';
  for (const name of files) {
    const ruleset = parse(await readFile(join(folder, name), 'utf8'));
    for (const [id, rule] of Object.entries(ruleset.rules ?? {})) {
      const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
      out += `| [${id}](${id}.md) | ${rule.severity} | ${cell(rule.description?.zh)} | ${cell(rule.description?.en)} | ${cell(rule.source)} |\n`;
    }
  }
  return out;
}

/** Every file under `folder` (recursively), as sorted paths relative to the repository root with `/` separators. */
async function listFiles(folder) {
  const entries = await readdir(join(root, folder), { withFileTypes: true });
  const files = [];
  for (const entry of entries) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    else files.push(path);
  }
  return files.sort();
}

/**
 * ptlint's own rule sets (rules/) as plain data, so that a run need not parse ~45 YAML files at start-up. Each file
 * carries the SHA-256 of its bytes and the listing of rules/ is recorded: src/ruleset/bundled-rules.ts uses a
 * snapshot only while the file on disk still has those bytes (and an `include` expansion only while the listing is
 * unchanged), and otherwise parses the YAML as before. The data is what the loader would produce — parsed with the
 * options of src/parse/parse-yaml.ts and converted by `toJS({ maxAliasCount: 100 })` — and must survive JSON.
 */
async function bundledRules() {
  const listing = await listFiles('rules');
  const files = {};
  for (const path of listing.filter((name) => name.endsWith('.yaml'))) {
    const bytes = await readFile(join(root, path));
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false, logLevel: 'error' });
    if (document.errors.length > 0) throw new Error(`${path}: ${document.errors[0].message}`);
    const data = document.toJS({ maxAliasCount: 100 });
    const json = JSON.stringify(data);
    if (!isDeepStrictEqual(JSON.parse(json), data)) throw new Error(`${path}: its data does not survive JSON`);
    const includes = {};
    for (const pattern of [data?.include ?? []].flat()) {
      const matched = (await glob(pattern, { cwd: dirname(join(root, path)), absolute: true })).sort();
      const inside = matched.map((file) => relative(root, file).split(sep).join('/'));
      if (inside.some((file) => !listing.includes(file))) throw new Error(`${path}: include “${pattern}” reaches outside rules/`);
      includes[pattern] = inside;
    }
    files[path] = { sha256: createHash('sha256').update(bytes).digest('hex'), includes, json };
  }
  let out = header('rules/ as plain data; see src/ruleset/bundled-rules.ts') + "import type { RulesSnapshot } from './bundled-rules.js';\n\n";
  out += '/** Every file under rules/; an `include` expansion below holds only while this listing does. */\n';
  out += `export const BUNDLED_RULES: RulesSnapshot = {\n  listing: [\n${listing.map((path) => `    ${JSON.stringify(path)},\n`).join('')}  ],\n  files: {\n`;
  for (const [path, { sha256, includes, json }] of Object.entries(files)) {
    out += `    ${JSON.stringify(path)}: {\n      sha256: '${sha256}',\n      includes: ${JSON.stringify(includes)},\n      json: ${JSON.stringify(json)},\n    },\n`;
  }
  return out + '  },\n};\n';
}

const targets = [
  ['src/generated/schema-types.ts', schemaTypes],
  ['src/generated/schema-validators.ts', schemaValidators],
  ['src/functions/index.generated.ts', () =>
      moduleIndex(
        'src/functions',
        'ruleFunction',
        '/** Every built-in rule function, by name (= file name). */\nexport const BUILT_IN_FUNCTIONS: Readonly<Record<string, RuleFunction>> = {',
        "import type { RuleFunction } from '../engine/function-api.js';\n",
      )],
  ['src/formatters/index.generated.ts', () => moduleIndex('src/formatters', 'format', '/** Every output format, by name (= file name). */\nexport const FORMATTERS = {')],
  ['src/cli/commands/index.generated.ts', () => moduleIndex('src/cli/commands', 'command', '/** Every ptlint subcommand, by name (= file name). */\nexport const COMMANDS = {')],
  ['src/formatters/names.generated.ts', formatNames],
  ['docs/rules/README.md', ruleIndex],
  ['src/ruleset/bundled-rules.generated.ts', bundledRules],
];

let stale = 0;
for (const [path, make] of targets) {
  const wanted = await make();
  const current = await readFile(join(root, path), 'utf8').catch(() => undefined);
  if (current === wanted) continue;
  if (check) {
    stale++;
    console.error(`stale: ${relative(process.cwd(), join(root, path))} — run npm run generate`);
  } else {
    await import('node:fs').then(({ mkdirSync }) => mkdirSync(dirname(join(root, path)), { recursive: true }));
    await writeFile(join(root, path), wanted);
    console.log(`wrote ${path}`);
  }
}
process.exit(stale > 0 ? 1 : 0);
