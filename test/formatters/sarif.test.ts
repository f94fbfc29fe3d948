import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { format } from '../../src/formatters/sarif.js';
import {
  CWD,
  FILING_PATH,
  RULES,
  SUMMARY_PATH,
  fileResult,
  fundingFinding,
  makeContext,
  sampleResults,
} from './sample-results.js';

/** ajv-formats is CommonJS whose d.ts claims an ES default export; under NodeNext it is module.exports. */
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const SCHEMA_PATH = new URL('../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url);

function sarifValidator(): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);
}

const validate = sarifValidator();

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface Location {
  id?: number;
  message?: { text: string };
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Region };
}

interface Rule {
  id: string;
  name: string;
  shortDescription?: { text: string };
  fullDescription?: { text: string };
  help?: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration?: { level?: string; enabled?: boolean };
  properties?: { tags: string[] };
}

interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Location[];
  partialFingerprints: Record<string, string>;
  relatedLocations?: Location[];
  fixes?: Array<{
    description?: { text: string };
    artifactChanges: Array<{ replacements: Array<{ deletedRegion: { charOffset: number; charLength: number } }> }>;
  }>;
}

interface Log {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; semanticVersion: string; informationUri: string; rules: Rule[] } };
    language: string;
    originalUriBaseIds: Record<string, { uri: string }>;
    results: Result[];
    columnKind: string;
  }>;
}

function run(locale: 'zh' | 'en' = 'zh', results = sampleResults()): Log {
  return JSON.parse(format(results, makeContext({ locale }))) as Log;
}

function errorsOf(log: unknown): string {
  return validate(log) ? '' : JSON.stringify(validate.errors, null, 1);
}

describe('sarif formatter', () => {
  it('is valid against the OASIS SARIF 2.1.0 schema in both locales', () => {
    expect(errorsOf(run('zh'))).toBe('');
    expect(errorsOf(run('en'))).toBe('');
  });

  it('is valid with no results at all', () => {
    expect(errorsOf(run('zh', []))).toBe('');
    expect(run('zh', []).runs[0].results).toEqual([]);
  });

  it('uses a validator that rejects a region starting at line 0', () => {
    const log = run();
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(log)).toBe(false);
    expect(validate.errors?.some((error) => error.instancePath.endsWith('/region/startLine'))).toBe(true);
  });

  it('uses a validator that rejects a URI with raw Chinese characters', () => {
    const log = run();
    log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = '申报表/社区党建.yaml';
    expect(validate(log)).toBe(false);
  });

  it('describes the log, the tool and the run', () => {
    const log = run();
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const [sarifRun] = log.runs;
    expect(sarifRun.tool.driver).toMatchObject({ name: 'ptlint', version: '0.1.0', semanticVersion: '0.1.0' });
    expect(sarifRun.columnKind).toBe('utf16CodeUnits');
    expect(sarifRun.language).toBe('zh-CN');
    expect(run('en').runs[0].language).toBe('en-US');
  });

  it('anchors %SRCROOT% at the cwd as a file URI ending in a slash', () => {
    const base = run().runs[0].originalUriBaseIds['%SRCROOT%'].uri;
    expect(base).toBe(`${pathToFileURL(CWD).href}/`);
    expect(base).toContain('%E9%A2%84%E7%AE%97%20'); // 预算 + space
  });

  it('lists every rule of the run plus rules only seen in results', () => {
    const extra = fileResult(FILING_PATH, [{ ...fundingFinding, ruleId: 'not-registered', related: undefined }]);
    const rules = run('zh', [...sampleResults(), extra]).runs[0].tool.driver.rules;
    expect(rules.map((rule) => rule.id)).toEqual([...RULES.keys(), 'not-registered']);
    expect(rules.at(-1)).toEqual({ id: 'not-registered', name: 'NotRegistered' });
  });

  it('describes rules in the run locale', () => {
    const zh = run('zh').runs[0].tool.driver.rules[0];
    expect(zh).toMatchObject({
      id: 'funding-arithmetic',
      name: 'FundingArithmetic',
      shortDescription: { text: '资金合计应等于各分项之和' },
      fullDescription: { text: '资金合计应等于各分项之和\n\n合计与分项不符会导致预算审核退回。' },
      helpUri: 'https://ptlint.example/rules/funding-arithmetic',
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['ptlint', 'fixable'] },
    });
    expect(zh.help?.text).toContain('依据: 《项目支出绩效目标管理办法》第十条');
    expect(zh.help?.markdown).toContain('**资金合计应等于各分项之和**');
    expect(zh.help?.markdown).toContain('(https://ptlint.example/rules/funding-arithmetic)');
    const en = run('en').runs[0].tool.driver.rules[0];
    expect(en.shortDescription?.text).toBe('Funding totals must equal the sum of their parts');
    expect(en.help?.text).toContain('Source: ');
  });

  it('maps severities to levels and publishes only web help URIs', () => {
    const rules = new Map(run().runs[0].tool.driver.rules.map((rule) => [rule.id, rule]));
    expect(rules.get('target-wording')?.defaultConfiguration).toEqual({ level: 'note' });
    expect(rules.get('legacy-wording')?.defaultConfiguration).toEqual({ enabled: false });
    expect(rules.get('legacy-wording')).not.toHaveProperty('helpUri');
    expect(rules.get('unused-suppression')).not.toHaveProperty('helpUri');
    expect(rules.get('unused-suppression')?.help?.text).toBe('未使用的抑制注释');
    expect(rules.get('legacy-wording')?.help?.text).toBe('旧版措辞检查');
    expect(rules.get('legacy-wording')?.help?.markdown).toBe('**旧版措辞检查**');
  });

  it('points every result at its rule and maps info to note', () => {
    const [sarifRun] = run().runs;
    for (const result of sarifRun.results) {
      expect(sarifRun.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    }
    expect(sarifRun.results.map((result) => [result.ruleId, result.level])).toEqual([
      ['target-wording', 'note'],
      ['funding-arithmetic', 'error'],
      ['indicator-value-format', 'warning'],
      ['schema-violation', 'error'],
      ['parse-error', 'error'],
    ]);
  });

  it('locates results with percent-encoded relative URIs and 1-based regions', () => {
    const result = run().runs[0].results[1];
    expect(result.message.text).toBe(fundingFinding.message);
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: {
        uri: '%E7%94%B3%E6%8A%A5%E8%A1%A8/%E7%A4%BE%E5%8C%BA%E5%85%9A%E5%BB%BA.yaml',
        uriBaseId: '%SRCROOT%',
      },
      region: { startLine: 7, startColumn: 9, endLine: 7, endColumn: 16 },
    });
    const odd = run().runs[0].results[3].locations[0].physicalLocation.artifactLocation.uri;
    expect(odd).toBe('%E5%A5%87%E6%80%AA%2C%E5%90%8D%E5%AD%97%3A100%25.yaml');
    expect(decodeURIComponent(odd)).toBe('奇怪,名字:100%.yaml');
  });

  it('carries the fingerprint as a partial fingerprint', () => {
    expect(run().runs[0].results[1].partialFingerprints).toEqual({ 'ptlint/v1': 'funding-arithmetic:6f1e2a' });
  });

  it('writes related locations in other files with ids and messages', () => {
    expect(run().runs[0].results[1].relatedLocations).toEqual([
      {
        id: 1,
        message: { text: '单位汇总表中同一项目的金额' },
        physicalLocation: {
          artifactLocation: {
            uri: '%E7%94%B3%E6%8A%A5%E8%A1%A8/%E5%8D%95%E4%BD%8D%E6%B1%87%E6%80%BB.yaml',
            uriBaseId: '%SRCROOT%',
          },
          region: { startLine: 12, startColumn: 9, endLine: 12, endColumn: 16 },
        },
      },
    ]);
    expect(SUMMARY_PATH.endsWith('单位汇总.yaml')).toBe(true);
    expect(run().runs[0].results[0]).not.toHaveProperty('relatedLocations');
  });

  it('writes fixes and suggestions as offset-based replacements', () => {
    const [, funding, vague] = run().runs[0].results;
    const fundingFix = funding.fixes?.[0];
    expect(fundingFix?.artifactChanges[0].replacements[0].deletedRegion).toEqual({
      charOffset: fundingFinding.range.start,
      charLength: 7,
    });
    expect(vague.fixes).toHaveLength(1);
    expect(vague.fixes?.[0].description).toEqual({ text: '改为“党组织引领企业数量 >=1家”' });
    expect(vague.fixes?.[0].artifactChanges[0].replacements).toHaveLength(2);
  });
});
