import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../../src/config/config-resolver.js';
import { engineDiagnosticMeta } from '../../src/engine/engine-diagnostics.js';
import { placeholdersOf } from '../../src/engine/render-message.js';
import { BUILT_IN_FUNCTIONS } from '../../src/functions/index.generated.js';
import { parseYamlData } from '../../src/ruleset/load-yaml-file.js';
import { compileSchema } from '../../src/schema/ajv.js';
import { RULESET_SCHEMA } from '../../src/schema/schemas.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const catalogueFolder = join(repoRoot, 'rules', 'catalogue');
const ruleFiles = readdirSync(catalogueFolder).filter((name) => name.endsWith('.yaml'));
const index = readFileSync(join(repoRoot, 'docs', 'rules', 'README.md'), 'utf8');

/** ids of ../shared/spec/rules.md, the catalogue the rule set must implement */
const specIds = [...readFileSync(join(repoRoot, '..', 'shared', 'spec', 'rules.md'), 'utf8').matchAll(/^\| (?:★ )?([a-z][a-z0-9]*(?:-[a-z0-9]+)+) \|/gm)].map((match) => match[1]);

interface RuleDefinition {
  severity: string;
  description: { zh: string; en: string };
  message: { zh: string; en: string };
  messages?: Record<string, { zh: string; en: string }>;
  then: { function: string };
}

describe.each(ruleFiles.map((name) => [name.replace(/\.yaml$/, ''), name] as const))('rule %s', (id, name) => {
  const ruleset = parse(readFileSync(join(catalogueFolder, name), 'utf8')) as { rules: Record<string, RuleDefinition> };

  it('is the only rule in a file named after it', () => {
    expect(Object.keys(ruleset.rules)).toEqual([id]);
  });

  it('has a docs page with the sections users need', () => {
    const page = join(repoRoot, 'docs', 'rules', `${id}.md`);
    expect(existsSync(page), `docs/rules/${id}.md`).toBe(true);
    const text = readFileSync(page, 'utf8');
    for (const heading of ['## 检查内容', '## 为什么', '## 示例', '## 选项', '## English']) expect(text, heading).toContain(heading);
    expect(text).toMatch(/✗/);
    expect(text).toMatch(/✓/);
    expect(text).toMatch(/```yaml/);
  });

  it('has valid and invalid cases', () => {
    const casesPath = join(repoRoot, 'test', 'rules', 'cases', `${id}.yaml`);
    expect(existsSync(casesPath), `test/rules/cases/${id}.yaml`).toBe(true);
    const cases = parse(readFileSync(casesPath, 'utf8')) as { valid?: unknown[]; invalid?: unknown[] };
    expect(cases.valid?.length ?? 0).toBeGreaterThan(0);
    expect(cases.invalid?.length ?? 0).toBeGreaterThan(0);
  });

  it('is listed in the generated index', () => {
    expect(index).toContain(`[${id}](${id}.md)`);
  });

  it('has every message in Chinese and English with the same placeholders', () => {
    const rule = ruleset.rules[id];
    for (const text of [rule.message, rule.description, ...Object.values(rule.messages ?? {})]) {
      expect(text.zh.trim()).not.toBe('');
      expect(text.en.trim()).not.toBe('');
      expect(text.zh).toMatch(/\p{Script=Han}/u);
      expect(new Set(placeholdersOf(text.en))).toEqual(new Set(placeholdersOf(text.zh)));
    }
  });

  it('names a built-in function', () => {
    expect(Object.keys(BUILT_IN_FUNCTIONS)).toContain(ruleset.rules[id].then.function);
  });

  // A run trusts ptlint's own rule files; this is where they are held to the schema and to their options schema.
  it('follows the rule-set schema', () => {
    const loaded = parseYamlData(join(catalogueFolder, name), readFileSync(join(catalogueFolder, name)), RULESET_SCHEMA);
    expect(loaded.ok ? [] : loaded.problems.map((problem) => `${problem.start?.line}: ${problem.message.zh}`)).toEqual([]);
  });

  it("gives options its function accepts", () => {
    const rule = ruleset.rules[id] as RuleDefinition & { then: { options?: object } };
    const validate = compileSchema(BUILT_IN_FUNCTIONS[rule.then.function].optionsSchema);
    expect(validate(rule.then.options ?? {}), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('the catalogue as a whole', () => {
  it('the recommended rule set loads without problems', async () => {
    const configured = await new ConfigResolver().configFor(join(repoRoot, 'examples', 'filing.yaml'));
    expect(configured.ok ? [] : configured.problems).toEqual([]);
  });

  it('every id of the spec catalogue is implemented, and nothing else', () => {
    const ids = ruleFiles.map((name) => name.replace(/\.yaml$/, '')).sort();
    expect(specIds.length).toBeGreaterThan(40);
    expect(ids.filter((id) => !specIds.includes(id))).toEqual([]);
    expect(specIds.filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('every engine diagnostic has a docs page', () => {
    for (const meta of engineDiagnosticMeta()) expect(existsSync(join(repoRoot, 'docs', 'rules', `${meta.id}.md`)), meta.id).toBe(true);
  });

  it.each(['recommended', 'shanghai', 'strict'])('the %s profile follows the schema and its overrides give valid options', (profile) => {
    const path = join(repoRoot, 'rules', `${profile}.yaml`);
    const loaded = parseYamlData(path, readFileSync(path), RULESET_SCHEMA);
    expect(loaded.ok ? [] : loaded.problems.map((problem) => problem.message.zh)).toEqual([]);
    const overrides = (parse(readFileSync(path, 'utf8')) as { overrides?: Array<{ rules: Record<string, unknown> }> }).overrides ?? [];
    for (const override of overrides) {
      for (const [id, setting] of Object.entries(override.rules)) {
        const options = Array.isArray(setting) ? setting[1] : typeof setting === 'object' && setting !== null ? (setting as { options?: object }).options : undefined;
        if (!options) continue;
        const rule = (parse(readFileSync(join(catalogueFolder, `${id}.yaml`), 'utf8')) as { rules: Record<string, RuleDefinition & { then: { options?: object } }> }).rules[id];
        const validate = compileSchema(BUILT_IN_FUNCTIONS[rule.then.function].optionsSchema);
        expect(validate({ ...rule.then.options, ...options })).toBe(true);
      }
    }
  });

  it('every built-in function is used by some rule', () => {
    const used = new Set(
      ruleFiles.flatMap((name) => Object.values((parse(readFileSync(join(catalogueFolder, name), 'utf8')) as { rules: Record<string, RuleDefinition> }).rules).map((rule) => rule.then.function)),
    );
    expect(Object.keys(BUILT_IN_FUNCTIONS).filter((fn) => !used.has(fn))).toEqual([]);
  });
});
