import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixFixtureFiles, lintFixtureFiles } from '../support/lint-fixture.js';

/**
 * Table-driven rule tests. Each test/rules/cases/<rule-id>.yaml holds `valid` cases (the rule reports nothing) and
 * `invalid` cases (the rule reports exactly the listed findings). A case gives one filing as `filing: |` text, or
 * several as `files: { name.yaml: | … }`; `options` (rule options) and `config` (extra .ptlintrc.yaml content,
 * e.g. a profile) apply to that case. Expected findings list messageId and line/column (1-based), and `file`
 * for multi-file cases; `severity`, `message` (a substring) and `suggestion` (a suggestion's replacement text)
 * are checked when given. `output` is the filing after --fix (checked, and a second --fix must not change it).
 */
interface ExpectedFinding {
  messageId?: string;
  line: number;
  column?: number;
  file?: string;
  severity?: string;
  message?: string;
  suggestion?: string;
}

interface RuleCase {
  name: string;
  filing?: string;
  files?: Record<string, string>;
  options?: Record<string, unknown>;
  config?: Record<string, unknown>;
  locale?: 'zh' | 'en';
  errors?: ExpectedFinding[];
  /** the filing after --fix, for single-filing cases of fixable rules */
  output?: string;
}

interface CaseFile {
  valid: RuleCase[];
  invalid: RuleCase[];
}

const casesFolder = join(import.meta.dirname, 'cases');
const caseFileNames = readdirSync(casesFolder).filter((name) => name.endsWith('.yaml'));

function caseFiles(ruleId: string, ruleCase: RuleCase): Record<string, string> {
  const files: Record<string, string> = { ...(ruleCase.files ?? { 'filing.yaml': ruleCase.filing ?? '' }) };
  const config: Record<string, unknown> = { ...(ruleCase.config ?? {}) };
  if (ruleCase.options) config.rules = { ...((config.rules as object) ?? {}), [ruleId]: { options: ruleCase.options } };
  if (Object.keys(config).length > 0) files['.ptlintrc.yaml'] = stringify(config);
  return files;
}

async function runCase(ruleId: string, ruleCase: RuleCase) {
  const { results } = await lintFixtureFiles(caseFiles(ruleId, ruleCase), { onlyRules: [ruleId], locale: ruleCase.locale });
  return results.flatMap((result) =>
    result.findings.filter((finding) => finding.ruleId === ruleId).map((finding) => ({ ...finding, file: basename(result.filePath) })),
  );
}

for (const caseFile of caseFileNames) {
  const ruleId = caseFile.replace(/\.yaml$/, '');
  const cases = parse(readFileSync(join(casesFolder, caseFile), 'utf8')) as CaseFile;

  describe(ruleId, () => {
    it.each(cases.valid.map((ruleCase) => [ruleCase.name, ruleCase] as const))('valid: %s', async (_name, ruleCase) => {
      const findings = await runCase(ruleId, ruleCase);
      expect(findings.map((finding) => `${finding.start.line}:${finding.start.column} ${finding.message}`)).toEqual([]);
    });

    it.each(cases.invalid.map((ruleCase) => [ruleCase.name, ruleCase] as const))('invalid: %s', async (_name, ruleCase) => {
      const findings = await runCase(ruleId, ruleCase);
      const expected = ruleCase.errors ?? [];
      expect(findings, findings.map((finding) => `${finding.file}:${finding.start.line}:${finding.start.column} ${finding.messageId} ${finding.message}`).join('\n')).toHaveLength(expected.length);
      expected.forEach((want, index) => {
        const got = findings[index];
        if (want.file) expect(got.file).toBe(want.file);
        if (want.messageId) expect(got.messageId).toBe(want.messageId);
        expect(got.start.line).toBe(want.line);
        if (want.column !== undefined) expect(got.start.column).toBe(want.column);
        if (want.severity) expect(got.severity).toBe(want.severity);
        if (want.message) expect(got.message).toContain(want.message);
        if (want.suggestion) expect(got.suggestions?.map((suggestion) => suggestion.fix.edits.map((edit) => edit.text).join(''))).toContain(want.suggestion);
        expect(got.message).not.toMatch(/\{\{/);
      });
      if (ruleCase.output !== undefined) {
        const fixed = await fixFixtureFiles(caseFiles(ruleId, ruleCase), { onlyRules: [ruleId] });
        expect(fixed['filing.yaml']).toBe(ruleCase.output);
        const again = await fixFixtureFiles({ ...caseFiles(ruleId, ruleCase), 'filing.yaml': ruleCase.output }, { onlyRules: [ruleId] });
        expect(again['filing.yaml'], 'a second --fix changes nothing').toBe(ruleCase.output);
      }
    });
  });
}
