import { defineFilingFunction, type FilingContext } from '../engine/function-api.js';
import { fieldLabel } from '../domain/field-paths.js';
import { perOptions } from '../domain/per-document.js';
import { textRange, textsUnder, type DocumentText } from '../domain/text-values.js';
import { wordAlternation } from '../domain/word-alternation.js';
import type { SourceRange, TextEdit, YamlPath } from '../types.js';

interface Typo {
  /** a regular expression (Unicode) for text that is always a slip: 全年年, ，， */
  pattern: string;
  /** what it should read; `$1`, `$&` refer to the match */
  replacement: string;
}

interface Options {
  typos?: Typo[];
  /** English words that slip into Chinese prose between Chinese characters, and the Chinese they stand for */
  strayWords?: Record<string, string>;
  /** half-width punctuation between Chinese characters, and the full-width mark it should be */
  halfWidthPunctuation?: Record<string, string>;
  /** report half-width punctuation only in a text that also uses full-width punctuation (mixed styles) */
  onlyWhenMixed?: boolean;
  /** fields whose values are not prose (年度指标值…), left out with everything under them */
  skipFields?: string[];
}

/** A string value as written in the source: where it sits and its text there (quotes and block headers included). */
interface WrittenText {
  path: YamlPath;
  start: number;
  source: string;
}

/** Characters of Chinese prose: Han, CJK and full-width punctuation, Chinese quotation marks. */
const CHINESE_BEFORE = String.raw`[\p{Script=Han}\u3000-\u303f\uff01-\uff60”’]`;
const CHINESE_AFTER = String.raw`[\p{Script=Han}\u3000-\u303f\uff01-\uff60“‘]`;
const FULL_WIDTH_PUNCTUATION = /[\u3000-\u303f\uff01-\uff60]/u;

/**
 * Slips in Chinese prose, found in the source text of every string value under the selected node and fixed there:
 * known typos (`typo`), an English word between Chinese characters (`strayWord`, `思想 and 二十大` → `思想和二十大`),
 * and half-width punctuation between Chinese characters in a text that otherwise uses full-width marks
 * (`halfWidth`, one finding per value with every mark fixed). Matching runs on the source, so a match never spans a
 * line break of a folded scalar and every fix edits exactly what it matched. Selected value: any node, typically `$`.
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      typos: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['pattern', 'replacement'],
          properties: { pattern: { type: 'string', minLength: 1, format: 'regex' }, replacement: { type: 'string' } },
        },
      },
      strayWords: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
      halfWidthPunctuation: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
      onlyWhenMixed: { type: 'boolean' },
      skipFields: { type: 'array', items: { type: 'string', minLength: 1 } },
    },
  },
  messageIds: ['typo', 'strayWord', 'halfWidth'],
  fixable: true,
  run(target, options, context) {
    const { typos, strayWord, halfWidth, skipKeys } = compiled(options);
    for (const text of textsUnder(context.document, target.path, target.value, skipKeys)) {
      const written = writtenText(text, context);
      for (const typo of typos) if (typo.mayMatch.test(written.source)) reportTypos(written, typo.pattern, typo.replacement, context);
      if (strayWord && strayWord.mayMatch.test(written.source)) reportStrayWords(written, strayWord.pattern, options.strayWords ?? {}, context);
      if (halfWidth && (!options.onlyWhenMixed || FULL_WIDTH_PUNCTUATION.test(written.source)) && halfWidth.mayMatch.test(written.source)) {
        reportHalfWidth(written, halfWidth.pattern, options.halfWidthPunctuation ?? {}, context);
      }
    }
  },
});

/**
 * The options' patterns, compiled once per rule rather than per document. The global ones are only ever used through
 * matchAll, which copies them, so sharing them leaves no lastIndex behind. Each typo pattern also comes without the
 * global flag (`mayMatch`), to test a text before matchAll copies the global one: nearly every text has no typo.
 */
const compiled = perOptions((options: Options) => ({
  typos: (options.typos ?? []).map((typo) => ({
    pattern: new RegExp(typo.pattern, 'gu'),
    mayMatch: new RegExp(typo.pattern, 'u'),
    replacement: typo.replacement,
  })),
  strayWord: betweenChinese(Object.keys(options.strayWords ?? {}), 'iu'),
  halfWidth: betweenChinese(Object.keys(options.halfWidthPunctuation ?? {}), 'u'),
  skipKeys: new Set(options.skipFields ?? []),
}));

function writtenText(text: DocumentText, context: FilingContext): WrittenText {
  const range = textRange(context.document, text);
  return { path: text.path, start: range.start, source: context.document.text.slice(range.start, range.end) };
}

/**
 * Any of `words`, with the spaces around it, standing between two characters of Chinese prose (`pattern`, global);
 * and `mayMatch`, the bare words with the same flags: most texts hold none of them, and a text the bare words do
 * not match cannot match the pattern, whose every match contains one of them.
 */
function betweenChinese(words: readonly string[], flags: string): { pattern: RegExp; mayMatch: RegExp } | undefined {
  if (words.length === 0) return undefined;
  const alternation = wordAlternation(words);
  return {
    pattern: new RegExp(String.raw`(?<=${CHINESE_BEFORE})[ \t]*(?<word>${alternation})[ \t]*(?=${CHINESE_AFTER})`, `g${flags}`),
    mayMatch: new RegExp(alternation, flags),
  };
}

function reportTypos(written: WrittenText, pattern: RegExp, replacement: string, context: FilingContext): void {
  for (const match of written.source.matchAll(pattern)) {
    const range = rangeOf(written, match);
    const text = expandReplacement(replacement, match);
    context.report({ messageId: 'typo', path: written.path, range, data: { text: match[0], replacement: text, field: fieldLabel(written.path) }, fix: { edits: [{ range, text }] } });
  }
}

function reportStrayWords(written: WrittenText, pattern: RegExp, replacements: Record<string, string>, context: FilingContext): void {
  for (const match of written.source.matchAll(pattern)) {
    const word = match.groups?.word ?? '';
    const replacement = Object.entries(replacements).find(([stray]) => stray.toLowerCase() === word.toLowerCase())?.[1] ?? '';
    const range = rangeOf(written, match);
    const around = written.source.slice(Math.max(0, match.index - 4), match.index + match[0].length + 4);
    context.report({
      messageId: 'strayWord',
      path: written.path,
      range,
      data: { word, replacement, context: around.trim(), field: fieldLabel(written.path) },
      fix: { edits: [{ range, text: replacement }] },
    });
  }
}

function reportHalfWidth(written: WrittenText, pattern: RegExp, replacements: Record<string, string>, context: FilingContext): void {
  const matches = [...written.source.matchAll(pattern)];
  if (matches.length === 0) return;
  const edits: TextEdit[] = matches.map((match) => ({ range: rangeOf(written, match), text: replacements[match.groups?.word ?? ''] ?? '' }));
  const marks = [...new Set(matches.map((match) => match.groups?.word ?? ''))];
  context.report({
    messageId: 'halfWidth',
    path: written.path,
    range: edits[0].range,
    data: { count: matches.length, marks: marks.join(' '), fullWidth: marks.map((mark) => replacements[mark]).join(''), field: fieldLabel(written.path) },
    fix: { edits },
  });
}

function rangeOf(written: WrittenText, match: RegExpMatchArray): SourceRange {
  const start = written.start + (match.index ?? 0);
  return { start, end: start + match[0].length };
}

/** `$&` is the whole match, `$1`…`$9` its groups. */
function expandReplacement(replacement: string, match: RegExpMatchArray): string {
  return replacement.replace(/\$(&|[1-9])/gu, (_, reference: string) => (reference === '&' ? match[0] : (match[Number(reference)] ?? '')));
}
