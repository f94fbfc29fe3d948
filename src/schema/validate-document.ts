import type { ErrorObject } from 'ajv';
import { closest } from 'fastest-levenshtein';
import type { LintDocument } from '../document/lint-document.js';
import type { LocalizedText, Problem, SourceRange, YamlPath } from '../types.js';
import { chineseAjvMessage, pointerToPath, validatorFor } from './ajv.js';
import { schemaAt, schemaForKind, type SchemaNode } from './schemas.js';

const TYPE_WORDS: Record<string, LocalizedText> = {
  string: { zh: '文字', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  integer: { zh: '整数', en: 'an integer' },
  boolean: { zh: '是/否', en: 'true/false' },
  object: { zh: '若干栏目（键: 值）', en: 'a mapping' },
  array: { zh: '列表（每项以 - 开头）', en: 'a list' },
  null: { zh: '空', en: 'empty' },
};

/**
 * Schema violations of a filing or unit summary, as problems sitting on the offending node. Unknown keys sit on
 * the key and name the closest known one; everything else sits on the value.
 */
export function validateDocument(document: LintDocument): Problem[] {
  if (document.kind === 'unknown') {
    return [
      {
        code: 'schema-violation',
        severity: 'error',
        message: {
          zh: '文件内容不是一张申报表：顶层应为“栏目: 值”的形式（如 项目名称: …）',
          en: 'Not a filing: the top level must be a mapping of fields (e.g. 项目名称: …)',
        },
        range: document.rangeOf([]),
      },
    ];
  }
  return validateAgainst(document, schemaForKind(document.kind));
}

/** Schema violations of any YAML document (filings, rule sets, configs) against one of ptlint's schemas. */
export function validateAgainst(document: LintDocument, rootSchema: SchemaNode): Problem[] {
  const validate = validatorFor(String(rootSchema.$id));
  if (validate(document.data)) return [];
  const problems = (validate.errors ?? []).filter(isReportable).map((error) => toProblem(error, document, rootSchema));
  return dedupe(problems);
}

/** `if`/`anyOf`/`oneOf` wrappers repeat what their branches already said. */
function isReportable(error: ErrorObject): boolean {
  return !['if', 'anyOf', 'oneOf', 'allOf', 'not'].includes(error.keyword);
}

function toProblem(error: ErrorObject, document: LintDocument, rootSchema: SchemaNode): Problem {
  const path = pointerToPath(error.instancePath);
  const label = fieldLabel(rootSchema, path);
  const { message, range, problemPath } = describe(error, path, label, document, rootSchema);
  return { code: 'schema-violation', severity: 'error', message, range, path: problemPath };
}

interface Description {
  message: LocalizedText;
  range: SourceRange;
  problemPath: YamlPath;
}

function describe(error: ErrorObject, path: YamlPath, label: LocalizedText, document: LintDocument, rootSchema: SchemaNode): Description {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const keyPath = [...path, key];
      const known = Object.keys(schemaAt(rootSchema, path)?.properties ?? {});
      const nearest = known.length > 0 ? closest(key, known) : undefined;
      const hintZh = nearest ? `；是否应为“${nearest}”？` : '';
      const hintEn = nearest ? `; did you mean “${nearest}”?` : '';
      const where = path.length > 0 ? `“${label.zh}”中` : '';
      return {
        message: {
          zh: `${where}没有“${key}”这一栏${hintZh}${path.length === 0 && known.includes('其他信息') ? '（表样中的其他栏目可写在“其他信息”下）' : ''}`,
          en: `Unknown field “${key}”${path.length > 0 ? ` in “${label.en}”` : ''}${hintEn}`,
        },
        range: document.rangeOf(keyPath, 'key'),
        problemPath: keyPath,
      };
    }
    case 'required': {
      const missing = String(params.missingProperty);
      return {
        message: { zh: `“${label.zh}”缺少“${missing}”`, en: `“${label.en}” lacks “${missing}”` },
        range: document.rangeOf(path, 'key'),
        problemPath: path,
      };
    }
    case 'type': {
      const expected = String(params.type).split(',');
      const actual = describeValue(document.valueAt(path));
      return {
        message: {
          zh: `“${label.zh}”应为${expected.map((t) => TYPE_WORDS[t]?.zh ?? t).join('或')}，实际为${actual.zh}`,
          en: `“${label.en}” must be ${expected.map((t) => TYPE_WORDS[t]?.en ?? t).join(' or ')}, found ${actual.en}`,
        },
        range: document.rangeOf(path),
        problemPath: path,
      };
    }
    case 'propertyNames':
      return describeBadName(String(params.propertyName), path, label, document);
    case 'pattern': {
      if (typeof params.propertyName === 'string') return describeBadName(params.propertyName, path, label, document);
      if (!error.schemaPath.includes('金额')) {
        const written = document.sourceText(path) ?? String(document.valueAt(path));
        return {
          message: {
            zh: `“${label.zh}”的值“${written}”格式不正确（应匹配 ${String(params.pattern)}）`,
            en: `“${label.en}”: “${written}” does not match ${String(params.pattern)}`,
          },
          range: document.rangeOf(path),
          problemPath: path,
        };
      }
      const written = document.sourceText(path) ?? String(document.valueAt(path));
      return {
        message: {
          zh: `“${label.zh}”的值“${written}”无法识别为金额：应写作 1411700、1,100,000.00 或 102万`,
          en: `“${label.en}”: “${written}” is not an amount; write 1411700, 1,100,000.00 or 102万`,
        },
        range: document.rangeOf(path),
        problemPath: path,
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).filter((v) => v !== null).join('、');
      return {
        message: { zh: `“${label.zh}”应为以下之一：${allowed}`, en: `“${label.en}” must be one of: ${allowed}` },
        range: document.rangeOf(path),
        problemPath: path,
      };
    }
    default:
      return {
        message: { zh: `“${label.zh}”${chineseAjvMessage(error)}`, en: `“${label.en}” ${error.message ?? 'is invalid'}` },
        range: document.rangeOf(path),
        problemPath: path,
      };
  }
}

function describeBadName(name: string, path: YamlPath, label: LocalizedText, document: LintDocument): Description {
  const keyPath = [...path, name];
  return {
    message: {
      zh: `“${label.zh}”中的名称“${name}”无效：规则 id 应为英文小写、以连字符分隔，如 funding-arithmetic`,
      en: `“${name}” in “${label.en}” is not a valid name: rule ids are lowercase kebab-case, e.g. funding-arithmetic`,
    },
    range: document.rangeOf(keyPath, 'key'),
    problemPath: keyPath,
  };
}

/** The field's Chinese title with its position in the table, e.g. `绩效指标第3行 › 年度指标值`. */
export function fieldLabel(rootSchema: SchemaNode, path: YamlPath): LocalizedText {
  if (path.length === 0) return { zh: rootSchema.title ?? '文件', en: 'document' };
  const zh: string[] = [];
  const en: string[] = [];
  path.forEach((segment, index) => {
    if (typeof segment === 'number') {
      const previous = zh.pop() ?? '';
      zh.push(`${previous}第${segment + 1}行`);
      en.push(`${en.pop() ?? ''}[${segment + 1}]`);
    } else {
      zh.push(schemaAt(rootSchema, path.slice(0, index + 1))?.title ?? segment);
      en.push(segment);
    }
  });
  return { zh: zh.join(' › '), en: en.join('.') };
}

function describeValue(value: unknown): LocalizedText {
  if (value === null || value === undefined) return TYPE_WORDS.null;
  if (Array.isArray(value)) return TYPE_WORDS.array;
  if (typeof value === 'object') return TYPE_WORDS.object;
  if (typeof value === 'number') return { zh: `数字 ${value}`, en: `the number ${value}` };
  if (typeof value === 'boolean') return { zh: `是/否（${value}）`, en: `a boolean (${value})` };
  return { zh: `文字“${String(value)}”`, en: `the text “${String(value)}”` };
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.range.start}:${problem.range.end}:${problem.message.zh}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
