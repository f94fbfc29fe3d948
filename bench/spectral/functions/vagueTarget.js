import { indicatorTarget, normalizeName } from './_target.js';

// Port of ptlint's vague-target: a qualitative target that is a vague word, a bare yes/no, an unchosen option list
// or a sentence, unless the row has its own 评分标准.
const LIST_SEPARATORS = /[/／、|｜，,\s]+/u;

export default function vagueTarget(row, options, context) {
  if (row === null || typeof row !== 'object') return [];
  if (typeof row['评分标准'] === 'string' && row['评分标准'].trim() !== '') return [];
  const { target, path } = indicatorTarget(row, context.path);
  if (target.kind !== 'qualitative' || !target.word) return [];
  const word = target.word.replace(/\s+/g, '');
  const yesNo = new Set(options.yesNo ?? []);
  const grades = new Set(options.grades ?? []);
  let kind;
  const items = target.word.split(LIST_SEPARATORS).filter(Boolean);
  if (yesNo.has(word)) kind = 'yesNo';
  else if (items.length >= 2 && items.every((item) => grades.has(item))) kind = 'optionList';
  else if (word.length > (options.sentenceLength ?? Infinity)) kind = 'sentence';
  else if (options.words.some((vague) => word.includes(vague))) kind = 'vagueWord';
  if (!kind) return [];
  const name = normalizeName(row['三级指标']);
  const level2 = normalizeName(row['二级指标']);
  const rewrite = kind === 'vagueWord' || kind === 'sentence'
    ? (options.rewrites ?? []).find((r) => (!r.level2 || r.level2.includes(level2)) && (!r.nameEndsWith || r.nameEndsWith.some((s) => name.endsWith(s))))
    : undefined;
  const example = rewrite?.value ?? options.defaultExample;
  const message = {
    vagueWord: `“${name}”的指标值“${target.word}”没有可衡量的标准，请改为数值、期限或分级标准，如“${example}”`,
    yesNo: `“${name}”的指标值“${target.word}”只有是/否，请改为可衡量的表述，如完成率、数量或完成期限`,
    optionList: `“${name}”的指标值“${target.word}”是未选定的选项，请选定其一并说明标准`,
    sentence: `“${name}”的指标值是一句描述而不是目标值，请改为数值、期限或分级标准，如“${example}”`,
  }[kind];
  return [{ message, path }];
}
