import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { format } from '../../src/formatters/junit.js';
import type { FileResult } from '../../src/types.js';
import { FILING_PATH, ODD_MESSAGE, fileResult, fundingFinding, makeContext, sampleResults } from './sample-results.js';

interface Failure {
  message: string;
  type: string;
  '#text': string;
}

interface TestCase {
  classname: string;
  name: string;
  failure?: Failure;
  error?: Failure;
}

interface TestSuite {
  name: string;
  tests: string;
  failures: string;
  errors: string;
  testcase: TestCase[];
}

interface Document {
  testsuites: { name: string; tests: string; failures: string; errors: string; testsuite: TestSuite[] };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) => name === 'testsuite' || name === 'testcase',
});

function parse(results: FileResult[] = sampleResults()): Document {
  const xml = format(results, makeContext());
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as Document;
}

describe('junit formatter', () => {
  it('starts with an XML declaration', () => {
    expect(format(sampleResults(), makeContext()).startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  });

  it('counts tests, failures and errors over all files', () => {
    const { testsuites } = parse();
    expect(testsuites).toMatchObject({ name: 'ptlint', tests: '6', failures: '4', errors: '1' });
  });

  it('writes a suite per file named by its relative path', () => {
    const suites = parse().testsuites.testsuite;
    expect(suites.map((suite) => [suite.name, suite.tests, suite.failures, suite.errors])).toEqual([
      ['申报表/社区党建.yaml', '3', '3', '0'],
      ['奇怪,名字:100%.yaml', '1', '1', '0'],
      ['broken.yaml', '1', '0', '1'],
      ['申报表/公共图书经费.yaml', '1', '0', '0'],
    ]);
  });

  it('writes a failing test case per finding', () => {
    const [info, funding, vague] = parse().testsuites.testsuite[0].testcase;
    expect(funding.classname).toBe('funding-arithmetic');
    expect(funding.name).toBe('7:9 funding-arithmetic');
    expect(funding.failure).toEqual({
      message: fundingFinding.message,
      type: 'error',
      '#text': `7:9 ${fundingFinding.message} (funding-arithmetic)`,
    });
    expect(vague.failure?.type).toBe('warning');
    expect(info.failure?.type).toBe('info');
  });

  it('reports a file that could not be parsed as an error, not a failure', () => {
    const [testcase] = parse().testsuites.testsuite[2].testcase;
    expect(testcase.failure).toBeUndefined();
    expect(testcase.error).toMatchObject({ type: 'error', '#text': '2:3 第 2 行缩进不一致，无法解析 YAML (parse-error)' });
  });

  it('gives a file without findings one passing test case', () => {
    const suite = parse().testsuites.testsuite[3];
    expect(suite.testcase).toEqual([{ classname: 'ptlint', name: '申报表/公共图书经费.yaml' }]);
  });

  it('escapes markup, quotes and line breaks so they read back unchanged', () => {
    const [testcase] = parse().testsuites.testsuite[1].testcase;
    expect(testcase.failure?.message).toBe(ODD_MESSAGE);
    expect(testcase.failure?.['#text']).toBe(`1:1 ${ODD_MESSAGE} (schema-violation)`);
    const xml = format(sampleResults(), makeContext());
    expect(xml).toContain('message="值 &lt;&quot;a&quot; &amp; &apos;b&apos;&gt; 不合法');
    expect(xml).toContain('name="奇怪,名字:100%.yaml"');
  });

  it('replaces characters XML cannot carry', () => {
    const results = [fileResult(FILING_PATH, [{ ...fundingFinding, message: '坏\u0001字符\uD800' }])];
    const [testcase] = parse(results).testsuites.testsuite[0].testcase;
    expect(testcase.failure?.message).toBe('坏\uFFFD字符\uFFFD');
  });

  it('writes an empty report for no files', () => {
    const { testsuites } = parse([]);
    expect(testsuites).toMatchObject({ tests: '0', failures: '0', errors: '0' });
  });
});
