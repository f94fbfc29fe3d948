import { defineFilingFunction, type SuggestionReport } from '../engine/function-api.js';
import { indicatorNames } from '../domain/indicator-rows.js';
import { perOptions } from '../domain/per-document.js';
import { indicatorTargetOf } from '../domain/target-cells.js';
import { yamlScalarText } from '../edits/scalar-text.js';

interface Rewrite {
  /** applies when the row's 二级指标 is one of these */
  level2?: string[];
  /** applies when the 三级指标 name ends with one of these */
  nameEndsWith?: string[];
  /** the measurable value offered as a suggestion */
  value: string;
}

interface Options {
  /** words that state no measurable standard; a qualitative value containing one is reported */
  words: string[];
  /** bare yes/no answers */
  yesNo?: string[];
  /** grade words; a value listing several of them (高/中/低) is an unchosen option list */
  grades?: string[];
  /** a qualitative value longer than this many characters is a sentence standing in for a value */
  sentenceLength?: number;
  /** measurable rewrites offered to the editor for vague words and sentences, first match wins */
  rewrites?: Rewrite[];
  /** the measurable form a message shows when no rewrite applies */
  defaultExample: string;
}

type Vagueness = 'vagueWord' | 'yesNo' | 'optionList' | 'sentence';

const LIST_SEPARATORS = /[/／、|｜，,\s]+/u;

/**
 * Reports indicator targets that give no number, deadline, grade or criterion: a known vague word, a bare
 * yes/no, an unchosen option list (高/中/低), or a sentence in place of a value. A row with its own 评分标准 (a
 * criterion) is not vague; 绩效标准 only names the kind of standard and does not count. Selected value: a row.
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['words', 'defaultExample'],
    properties: {
      words: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      yesNo: { type: 'array', items: { type: 'string', minLength: 1 } },
      grades: { type: 'array', items: { type: 'string', minLength: 1 } },
      sentenceLength: { type: 'integer', minimum: 2 },
      rewrites: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['value'],
          properties: {
            level2: { type: 'array', items: { type: 'string' } },
            nameEndsWith: { type: 'array', items: { type: 'string' } },
            value: { type: 'string', minLength: 1 },
          },
        },
      },
      defaultExample: { type: 'string', minLength: 1 },
    },
  },
  messageIds: ['vagueWord', 'yesNo', 'optionList', 'sentence', 'rewrite'],
  suggests: true,
  run(target, options, context) {
    if (target.value === null || typeof target.value !== 'object') return;
    const row = target.value as Record<string, unknown>;
    if (typeof row['评分标准'] === 'string' && row['评分标准'].trim() !== '') return;
    const { target: parsed, path } = indicatorTargetOf(context.facts(context.document), target.path, target.value);
    if (parsed.kind !== 'qualitative' || !parsed.word) return;
    const word = parsed.word.replace(/\s+/g, '');
    const messageId = classify(parsed.word, word, options);
    if (!messageId) return;
    const { name, level2 } = indicatorNames(context.document, row);
    const rewrite = messageId === 'vagueWord' || messageId === 'sentence' ? chooseRewrite(options.rewrites ?? [], level2, name) : undefined;
    const suggestions: SuggestionReport[] = rewrite
      ? [{ messageId: 'rewrite', data: { value: rewrite.value }, fix: { edits: [{ range: context.document.rangeOf(path), text: yamlScalarText(rewrite.value) }] } }]
      : [];
    context.report({ messageId, path, data: { name, value: parsed.word, example: rewrite?.value ?? options.defaultExample }, suggestions });
  },
});

/** The word lists as sets, built once per rule: every qualitative target is looked up in them. */
const wordSets = perOptions((options: Options) => ({ yesNo: new Set(options.yesNo ?? []), grades: new Set(options.grades ?? []) }));

function classify(written: string, word: string, options: Options): Vagueness | undefined {
  const { yesNo, grades } = wordSets(options);
  if (yesNo.has(word)) return 'yesNo';
  const items = written.split(LIST_SEPARATORS).filter(Boolean);
  if (items.length >= 2 && items.every((item) => grades.has(item))) return 'optionList';
  if (word.length > (options.sentenceLength ?? Number.POSITIVE_INFINITY)) return 'sentence';
  if (options.words.some((vague) => word.includes(vague))) return 'vagueWord';
  return undefined;
}

function chooseRewrite(rewrites: readonly Rewrite[], level2: string, name: string): Rewrite | undefined {
  return rewrites.find(
    (rewrite) =>
      (!rewrite.level2 || rewrite.level2.includes(level2)) && (!rewrite.nameEndsWith || rewrite.nameEndsWith.some((suffix) => name.endsWith(suffix))),
  );
}
