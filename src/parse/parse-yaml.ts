import type { Document, Node, YAMLError } from 'yaml';
import { PARSER_DEPTH_CEILING } from '../config/limits.js';
import { SourceFile } from '../source/source-file.js';
import { composeBounded } from './compose-bounded.js';
import { composeSimple } from './compose-simple.js';
import type { LocalizedText, Problem } from '../types.js';

export interface ParsedYaml {
  source: SourceFile;
  /** the root node, as yaml composes it (null for an empty document) */
  contents: Node | null;
  problems: Problem[];
  /** The plain data, as yaml's `toJS` gives it; throws as toJS does when aliases expand past `maxAliasCount`. */
  toData(maxAliasCount: number): unknown;
}

/** Chinese wording for the YAML errors authors meet most; others fall back to the parser's English text. */
const YAML_ERROR_WORDING: Record<string, string> = {
  DUPLICATE_KEY: '同一层级出现了重复的栏目名，后一个会覆盖前一个',
  BAD_INDENT: '缩进不正确',
  MISSING_CHAR: '缺少必需的符号（如引号、括号的另一半）',
  MULTIPLE_DOCS: '一个文件只能包含一张申报表（发现了多个以 --- 分隔的文档）',
  BLOCK_AS_IMPLICIT_KEY: '栏目名不能跨行',
  MULTILINE_IMPLICIT_KEY: '栏目名不能跨行',
  TAB_AS_INDENT: '不能用制表符（Tab）缩进，请改用空格',
  UNEXPECTED_TOKEN: '出现了意外的符号',
  BAD_SCALAR_START: '值不能以该符号开头：以 > | @ ` 等符号开头的值请加引号，如 ">=90%"',
  ALIAS_PROPS: '别名不能带标签或锚点',
  BAD_ALIAS: '别名格式不正确',
  BAD_DIRECTIVE: '指令格式不正确',
  BAD_DQ_ESCAPE: '双引号字符串中的转义符不正确',
  DUPLICATE_ALIAS: '锚点名称重复',
  KEY_OVER_1024_CHARS: '栏目名过长（超过 1024 个字符）',
  MULTIPLE_ANCHORS: '一个节点只能有一个锚点',
  MULTIPLE_TAGS: '一个节点只能有一个标签',
  TAG_RESOLVE_FAILED: '无法识别的标签',
  IMPOSSIBLE: '无法解析的内容',
  BAD_COLLECTION_TYPE: '集合类型不正确',
};


/**
 * The text's nodes, data and syntax problems. Most filings are read by the fast composer for their common subset of
 * YAML (compose-simple.ts, equal to yaml's result by contract); any other text is composed by yaml itself.
 */
export function parseYaml(filePath: string, text: string): ParsedYaml {
  const source = new SourceFile(filePath, text);
  const simple = composeSimple(text);
  if (simple) return { source, contents: simple.contents, problems: [], toData: () => simple.data };
  const composed = composeBounded(text, { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false, logLevel: 'error' });
  if (!composed.ok) return { source, contents: null, problems: [tooDeep(composed.offset, PARSER_DEPTH_CEILING)], toData: () => null };
  const document: Document.Parsed = composed.document;
  const problems = [...firstOfCascade(document.errors), ...document.warnings].map((error) => toProblem(error, text.length));
  return { source, contents: document.contents, problems, toData: (maxAliasCount) => document.toJS({ maxAliasCount }) };
}

function toProblem(error: YAMLError, textLength: number): Problem {
  const [rawStart, rawEnd] = error.pos;
  const start = Math.min(rawStart, textLength);
  const end = Math.max(start, Math.min(rawEnd, textLength));
  const english = firstLine(error.message);
  if (error.code === 'RESOURCE_EXHAUSTION') return tooDeep(start, undefined);
  const chinese = YAML_ERROR_WORDING[error.code] ?? english;
  const message: LocalizedText = {
    zh: error.code === 'DUPLICATE_KEY' ? chinese : `YAML 语法错误：${chinese}`,
    en: error.code === 'DUPLICATE_KEY' ? `Duplicate key: ${english}` : `YAML syntax error: ${english}`,
  };
  return {
    code: error.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'parse-error',
    severity: error.name === 'YAMLWarning' ? 'warning' : 'error',
    message,
    range: { start, end },
  };
}

/**
 * Nesting past what the parser reads (`levels` = PARSER_DEPTH_CEILING), or past what the call stack let it compose
 * (levels unknown: the yaml library caught its own stack overflow).
 */
function tooDeep(offset: number, levels: number | undefined): Problem {
  return {
    code: 'limit-exceeded',
    severity: 'error',
    message: {
      zh: `嵌套层数过深${levels === undefined ? '' : `（超过 ${levels} 层）`}，未检查（上限见 limits.maxDepth）`,
      en: `nested ${levels === undefined ? 'too' : `more than ${levels} levels`} deep; not linted (see limits.maxDepth)`,
    },
    range: { start: offset, end: offset },
  };
}

/**
 * After one syntax error the parser reports every later token as unexpected; only the first says where the
 * author's mistake is. Duplicate keys are independent of each other and all kept.
 */
function firstOfCascade(errors: readonly YAMLError[]): YAMLError[] {
  const duplicates = errors.filter((error) => error.code === 'DUPLICATE_KEY');
  const firstSyntaxError = errors.find((error) => error.code !== 'DUPLICATE_KEY');
  return firstSyntaxError ? [...duplicates, firstSyntaxError].sort((a, b) => a.pos[0] - b.pos[0]) : duplicates;
}

function firstLine(message: string): string {
  const newline = message.indexOf('\n');
  return newline === -1 ? message : message.slice(0, newline);
}
