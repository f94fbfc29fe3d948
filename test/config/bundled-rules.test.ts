import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import { BundledRules, type RulesSnapshot } from '../../src/ruleset/bundled-rules.js';
import { loadYamlFile, parseYamlData } from '../../src/ruleset/load-yaml-file.js';
import { resolveConfigRuleSet, type ResolvedRuleSet } from '../../src/ruleset/resolve-ruleset.js';
import { CONFIG_SCHEMA } from '../../src/schema/schemas.js';
import { tempFolder } from '../support/temp-folder.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** Reads every bundled file as YAML, as ptlint did before the snapshot. */
const withoutSnapshot = () => new BundledRules(packageRoot(), { listing: [], files: {} });

function bundledYamlFiles(folder = join(packageRoot(), 'rules')): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? bundledYamlFiles(join(folder, entry.name)) : entry.name.endsWith('.yaml') ? [join(folder, entry.name)] : [],
  );
}

/** Everything about a rule set that a run can observe: definitions, base severities, and what runs where. */
function observable(ruleSet: ResolvedRuleSet) {
  const rules = [...ruleSet.rules.values()].map((rule) => ({
    id: rule.id,
    meta: rule.meta,
    functionName: rule.functionName,
    field: rule.field,
    selectors: rule.selectors.length,
    messages: [...rule.messages],
    baseSeverity: ruleSet.baseSeverity(rule.id),
  }));
  const active = [2019, 2024, 2026, undefined].flatMap((year) =>
    ['', '上海市'].map((region) => ruleSet.activeRules(year, region).map((rule) => `${year}/${region}: ${rule.rule.id} ${rule.severity} ${JSON.stringify(rule.options)}`)),
  );
  return { rules, active, files: ruleSet.files, defaultRegion: ruleSet.defaultRegion };
}

describe('bundled rule sets served from the generated snapshot', () => {
  it('serve every bundled rule file, with the data the YAML loader produces', async () => {
    const bundled = new BundledRules();
    const files = bundledYamlFiles();
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const fromSnapshot = bundled.document(file);
      const fromYaml = await loadYamlFile(file, undefined);
      if (!fromYaml.ok) throw new Error(file);
      expect(fromSnapshot?.data, file).toEqual(fromYaml.document.data);
    }
  });

  it.each(['ptlint:recommended', 'ptlint:shanghai', 'ptlint:strict'])('build the same rule set as the YAML files for a config extending %s', async (profile) => {
    const folder = await tempFolder({});
    const config = parseYamlData(join(folder, '.ptlintrc.yaml'), new TextEncoder().encode(`extends: ${profile}\nrules:\n  goals-duplicated: [warning, { threshold: 0.5 }]\n`), CONFIG_SCHEMA);
    if (!config.ok) throw new Error('config');
    const fast = await resolveConfigRuleSet(config.document);
    const slow = await resolveConfigRuleSet(config.document, withoutSnapshot());
    if (!fast.ok || !slow.ok) throw new Error(JSON.stringify([fast, slow]));
    expect(observable(fast.ruleSet)).toEqual(observable(slow.ruleSet));
  });

  it('build the same default rule set as the YAML files when there is no config', async () => {
    const fast = await resolveConfigRuleSet(undefined);
    const slow = await resolveConfigRuleSet(undefined, withoutSnapshot());
    if (!fast.ok || !slow.ok) throw new Error('setup');
    expect(fast.ruleSet.rules.size).toBeGreaterThan(40);
    expect(observable(fast.ruleSet)).toEqual(observable(slow.ruleSet));
  });
});

describe('the snapshot is used only while it describes the files on disk', () => {
  const text = 'description:\n  zh: 甲\n  en: A\ninclude:\n  - catalogue/*.yaml\n';

  async function snapshotFolder(): Promise<{ root: string; snapshot: RulesSnapshot }> {
    const root = await tempFolder({ 'rules/profile.yaml': text, 'rules/catalogue/one.yaml': 'rules: {}\n' });
    const snapshot: RulesSnapshot = {
      listing: ['rules/catalogue/one.yaml', 'rules/profile.yaml'],
      // the data differs from the file on purpose, to tell which one was served
      files: { 'rules/profile.yaml': { sha256: sha256(text), includes: { 'catalogue/*.yaml': ['rules/catalogue/one.yaml'] }, json: '{"served":"snapshot"}' } },
    };
    return { root, snapshot };
  }

  it('serves a file whose bytes match, and reads one that changed as YAML', async () => {
    const { root, snapshot } = await snapshotFolder();
    const profile = join(root, 'rules', 'profile.yaml');
    expect(new BundledRules(root, snapshot).document(profile)?.data).toEqual({ served: 'snapshot' });
    await writeFile(profile, text.replace('甲', '乙'));
    expect(new BundledRules(root, snapshot).document(profile)).toBeUndefined();
    expect(new BundledRules(root, snapshot).document(join(root, 'rules', 'catalogue', 'one.yaml'))).toBeUndefined();
  });

  it('expands an include from the snapshot only while the files under rules/ are those recorded', async () => {
    const { root, snapshot } = await snapshotFolder();
    const profile = join(root, 'rules', 'profile.yaml');
    expect(new BundledRules(root, snapshot).includes(profile, 'catalogue/*.yaml')).toEqual([join(root, 'rules', 'catalogue', 'one.yaml')]);
    expect(new BundledRules(root, snapshot).includes(profile, 'other/*.yaml')).toBeUndefined();
    await writeFile(join(root, 'rules', 'catalogue', 'two.yaml'), 'rules: {}\n');
    expect(new BundledRules(root, snapshot).includes(profile, 'catalogue/*.yaml')).toBeUndefined();
  });

  it('gives positions in a served file as the YAML document does', async () => {
    const { root, snapshot } = await snapshotFolder();
    const profile = join(root, 'rules', 'profile.yaml');
    const served = new BundledRules(root, snapshot).document(profile)!;
    const parsed = parseYamlData(profile, await readFile(profile), undefined);
    if (!parsed.ok) throw new Error('parse');
    expect(served.rangeOf(['include', 0])).toEqual(parsed.document.rangeOf(['include', 0]));
    expect(served.rangeOf(['description', 'en'], 'key')).toEqual({ start: 23, end: 25 });
    expect(served.source.position(served.rangeOf(['include', 0]).start)).toEqual({ line: 5, column: 5 });
    await appendFile(profile, '# edited after it was served\n');
    // the positions come from the bytes that were checked, not from a later read
    expect(served.rangeOf(['include'])).toEqual(parsed.document.rangeOf(['include']));
  });
});
