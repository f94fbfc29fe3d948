import { defineFilingFunction, type SuggestionReport } from '../engine/function-api.js';
import { normalizeName } from '../domain/indicator-rows.js';
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
  /** a qualitative value longer than this many characters is a sentence standing in for a value */
  sentenceLength?: number;
  /** measurable rewrites offered to the editor, first match wins; the last entry without conditions is the fallback */
  rewrites?: Rewrite[];
}

const OPTION_LIST = /^[\p{Script=Han}]{1,3}(?:[/／、|｜][\p{Script=Han}]{1,3})+$/u;

/**
 * Reports indicator targets that give no number, deadline, grade or criterion: a known vague word, a bare
 * yes/no, an unchosen option list (高/中/低), or a sentence in place of a value. A row that states its own
 * criterion (评分标准 or 绩效标准) is not vague. Selected value: an indicator row.
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['words'],
    properties: {
      words: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      yesNo: { type: 'array', items: { type: 'string', minLength: 1 } },
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
    },
  },
  messageIds: ['vagueWord', 'yesNo', 'optionList', 'sentence', 'rewrite'],
  suggests: true,
  run(target, options, context) {
    const row = target.value as Record<string, unknown>;
    if (hasText(row['评分标准']) || hasText(row['绩效标准'])) return;
    const { target: parsed, path } = context.facts(context.document).indicatorTarget(target.path);
    if (parsed.kind !== 'qualitative' || !parsed.word) return;
    const word = parsed.word;
    const name = normalizeName(row['三级指标']);
    const messageId = classify(word, options);
    if (!messageId) return;
    const rewrite = chooseRewrite(options.rewrites ?? [], normalizeName(row['二级指标']), name);
    const range = context.document.rangeOf(path);
    const suggestions: SuggestionReport[] = rewrite
      ? [{ messageId: 'rewrite', data: { value: rewrite.value }, fix: { edits: [{ range, text: yamlScalarText(rewrite.value) }] } }]
      : [];
    context.report({ messageId, path, data: { name, value: word, example: rewrite?.value ?? '' }, suggestions });
  },
});

function classify(word: string, options: Options): 'vagueWord' | 'yesNo' | 'optionList' | 'sentence' | undefined {
  if ((options.yesNo ?? []).includes(word)) return 'yesNo';
  if (OPTION_LIST.test(word)) return 'optionList';
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

function hasText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}
