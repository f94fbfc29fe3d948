import type { FileResult, Finding, FormatContext } from '../types.js';
import { relativePath } from './shared.js';
import { streamingFormatter, type CreateReportWriter } from './streaming/report-writer.js';
import { Spool } from './streaming/spool.js';

interface Suite {
  xml: string;
  tests: number;
  failures: number;
  errors: number;
}

/**
 * JUnit XML: a test suite per file, a failing test case per finding. A file that could not be
 * parsed was never checked, which JUnit calls an error rather than a failure. A file without
 * findings gets one passing test case so CI lists it.
 */
export const createWriter: CreateReportWriter = (context) => {
  // the totals open the report, so the suites wait in a spool until the last unit is in
  const suites = new Spool();
  const totals = { tests: 0, failures: 0, errors: 0 };
  return {
    begin: () => '',
    unit(results) {
      for (const result of results) {
        const written = suite(result, context);
        totals.tests += written.tests;
        totals.failures += written.failures;
        totals.errors += written.errors;
        suites.write(`${written.xml}\n`);
      }
      return '';
    },
    *end() {
      yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ${attrs({ name: 'ptlint', ...totals })}>\n`;
      yield* suites.drain();
      yield '</testsuites>\n';
    },
    dispose: () => suites.dispose(),
  };
};

export const format = streamingFormatter(createWriter);

function suite(result: FileResult, context: FormatContext): Suite {
  const name = relativePath(result.filePath, context.cwd);
  const errors = result.findings.filter(isError).length;
  const failures = result.findings.length - errors;
  const cases =
    result.findings.length === 0 ? [passingCase(name)] : result.findings.map((finding) => failingCase(finding));
  const tests = cases.length;
  const open = `  <testsuite ${attrs({ name, tests, failures, errors })}>`;
  return { xml: [open, ...cases, '  </testsuite>'].join('\n'), tests, failures, errors };
}

function isError(finding: Finding): boolean {
  return finding.ruleId === 'parse-error';
}

function passingCase(name: string): string {
  return `    <testcase ${attrs({ classname: 'ptlint', name })}/>`;
}

function failingCase(finding: Finding): string {
  const position = `${finding.start.line}:${finding.start.column}`;
  const element = isError(finding) ? 'error' : 'failure';
  const body = escapeText(`${position} ${finding.message} (${finding.ruleId})`);
  return [
    `    <testcase ${attrs({ classname: finding.ruleId, name: `${position} ${finding.ruleId}` })}>`,
    `      <${element} ${attrs({ message: finding.message, type: finding.severity })}>${body}</${element}>`,
    '    </testcase>',
  ].join('\n');
}

function attrs(values: Readonly<Record<string, string | number>>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}="${escapeAttribute(String(value))}"`)
    .join(' ');
}

// XML line-break normalisation would turn a raw CR into LF
const TEXT_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTRIBUTE_ENTITIES: Readonly<Record<string, string>> = {
  ...TEXT_ENTITIES,
  '"': '&quot;',
  "'": '&apos;',
  // attribute-value normalisation would turn raw whitespace into spaces
  '\n': '&#10;',
  '\t': '&#9;',
};

function escapeText(text: string): string {
  return withoutIllegalChars(text).replace(/[&<>\r]/g, (char) => TEXT_ENTITIES[char]);
}

function escapeAttribute(text: string): string {
  return withoutIllegalChars(text).replace(/[&<>"'\n\r\t]/g, (char) => ATTRIBUTE_ENTITIES[char]);
}

/** XML 1.0 cannot carry these even as character references, so they become U+FFFD. */
function withoutIllegalChars(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}
