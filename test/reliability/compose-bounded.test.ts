import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, type Document, type YAMLError } from 'yaml';
import { PARSER_DEPTH_CEILING } from '../../src/config/limits.js';
import { composeBounded } from '../../src/parse/compose-bounded.js';
import { parseYaml } from '../../src/parse/parse-yaml.js';
import { examples, mutatedText } from './support/filings.js';
import { fuzzBudget, fuzzTimeout } from './support/fuzz-budget.js';

/**
 * composeBounded replaces yaml.parseDocument in the loader: the same document, errors and warnings for any text,
 * except that nesting past PARSER_DEPTH_CEILING stops it early and duplicate keys are found in linear time.
 */

const OPTIONS = { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false, logLevel: 'error' } as const;
const MB = 1024 * 1024;

function summary(document: Document.Parsed) {
  const issues = (list: readonly YAMLError[]) => list.map((error) => `${error.code}@${error.pos.join('-')}`).sort();
  const attempt = (read: () => unknown) => {
    try {
      return read();
    } catch (error) {
      return `throws ${String(error)}`;
    }
  };
  return {
    errors: issues(document.errors.filter((error) => error.code !== 'DUPLICATE_KEY')),
    duplicateKeys: document.errors.filter((error) => error.code === 'DUPLICATE_KEY').map((error) => error.pos[0]).sort((a, b) => a - b),
    warnings: issues(document.warnings),
    data: attempt(() => document.toJS({ maxAliasCount: 100 })),
    text: document.errors.length === 0 ? attempt(() => document.toString()) : undefined,
  };
}

/**
 * The two agree on everything but where a duplicate key sits: composeBounded puts it on the key itself; yaml puts it
 * on the line break before the key when the entry before has no value (`a:⏎a:` → offset 2, the end of line 1), and
 * anywhere after a syntax error has thrown its reading of the structure off.
 */
function expectSameAsParseDocument(text: string): void {
  const composed = composeBounded(text, OPTIONS);
  if (!composed.ok) throw new Error(`refused as ${composed.reason}`);
  const { duplicateKeys, ...rest } = summary(composed.document);
  const { duplicateKeys: yamlDuplicateKeys, ...yamlRest } = summary(parseDocument(text, OPTIONS));
  expect(rest).toEqual(yamlRest);
  expect(duplicateKeys).toHaveLength(yamlDuplicateKeys.length);
  if (rest.errors.length > 0) return;
  duplicateKeys.forEach((offset, index) => {
    const yamlOffset = yamlDuplicateKeys[index];
    expect(offset === yamlOffset || (offset > yamlOffset && /^\s*$/.test(text.slice(yamlOffset, offset))), `duplicate key at ${offset}, yaml says ${yamlOffset}`).toBe(true);
  });
}

/** YAML made of fragments that provoke duplicate keys in every position the yaml library checks them. */
const keyFragment = fc.constantFrom(
  'a: 1\n', 'a: 2\n', '"a": 3\n', "'a': 4\n", '1: x\n', '"1": y\n', '~: n\n', 'null: n\n', ': empty\n', '? a\n: 5\n', '&k a: 6\n', '!!str a: 7\n',
  'b:\n  c: 1\n  c: 2\n', '- a: 1\n  a: 2\n', 'f: {a: 1, a: 2, "a": 3}\n', 's: [a: 1, a: 2]\n', '.nan: 1\n', '.nan: 2\n', '0: z\n', '-0: z\n', '0x0: z\n',
  '? [a, a]\n: 8\n', '? {a: 1, a: 2}\n: 9\n', 'x: &r {a: 1}\n', 'y: *r\n', '--- \n', '# note\n', 'k: |\n  a: 1\n  a: 1\n', '\t', '[', '}', '"',
);

describe('composeBounded', () => {
  it('equals yaml.parseDocument on the examples', () => {
    for (const text of Object.values(examples)) expectSameAsParseDocument(text);
  });

  it(
    'equals yaml.parseDocument on damaged filings and on duplicate-key fragments',
    () => {
      const texts = fc.oneof(mutatedText(Object.values(examples)), fc.array(keyFragment, { maxLength: 12 }).map((fragments) => fragments.join('')));
      fc.assert(
        fc.property(texts, (text) => expectSameAsParseDocument(text)),
        fuzzBudget(300, 20261122),
      );
    },
    fuzzTimeout,
  );

  it('puts a duplicate key on the repeated key, also after an entry without a value', () => {
    const text = '项目名称:\n项目名称:\n绩效指标:\n  - 三级指标:\n    三级指标: 甲\n';
    const parsed = parseYaml('duplicates.yaml', text);
    expect(parsed.problems.map((problem) => [problem.code, parsed.source.position(problem.range.start)])).toEqual([
      ['duplicate-key', { line: 2, column: 1 }],
      ['duplicate-key', { line: 5, column: 5 }],
    ]);
  });

  it('finds duplicate keys among 40,000 entries without comparing every pair', () => {
    // yaml's own check compares each key with all earlier ones: ~40 s for this mapping
    const lines = Array.from({ length: 40_000 }, (_, index) => `键${index}: 值`);
    lines.push('键7: 重复', '键39999: 重复');
    const parsed = parseYaml('many-keys.yaml', lines.join('\n'));
    expect(parsed.problems.map((problem) => [problem.code, parsed.source.position(problem.range.start).line])).toEqual([
      ['duplicate-key', 40_001],
      ['duplicate-key', 40_002],
    ]);
  });

  it.each([
    ['open brackets', () => 'a: ' + '['.repeat(9 * MB)],
    ['balanced flow sequences', () => 'a: ' + '['.repeat(4 * MB) + ']'.repeat(4 * MB)],
    ['flow mappings', () => 'a: ' + '{b: '.repeat(2 * MB)],
    ['compact block sequences', () => '- '.repeat(4 * MB) + 'x'],
  ])('stops reading %s (8–9 MB, within the size limit) at the parser ceiling', (_, makeText) => {
    // before the ceiling these took 40 s to several minutes and 2–4 GB, or ran out of memory
    const parsed = parseYaml('deep.yaml', makeText());
    expect(parsed.problems).toEqual([
      {
        code: 'limit-exceeded',
        severity: 'error',
        message: { zh: `嵌套层数过深（超过 ${PARSER_DEPTH_CEILING} 层），未检查（上限见 limits.maxDepth）`, en: `nested more than ${PARSER_DEPTH_CEILING} levels deep; not linted (see limits.maxDepth)` },
        range: { start: expect.any(Number), end: expect.any(Number) },
      },
    ]);
    expect(parsed.problems[0].range.start).toBeLessThan(10 * PARSER_DEPTH_CEILING);
  });

  it('reads nesting up to the ceiling and leaves the exact limit to limits.maxDepth', () => {
    const atCeiling = `${'- '.repeat(PARSER_DEPTH_CEILING)}x\n`;
    expect(parseYaml('deep.yaml', atCeiling).problems).toEqual([]);
    expect(parseYaml('deep.yaml', `- ${atCeiling}`).problems.map((problem) => problem.code)).toEqual(['limit-exceeded']);
  });
});
