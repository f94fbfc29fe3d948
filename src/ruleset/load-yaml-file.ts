import { readFile } from 'node:fs/promises';
import { DEFAULT_LIMITS } from '../config/limits.js';
import { LintDocument } from '../document/lint-document.js';
import { parseYaml } from '../parse/parse-yaml.js';
import { validateAgainst } from '../schema/validate-document.js';
import type { SchemaNode } from '../schema/schemas.js';
import { decodeBytes } from '../source/decode.js';
import { SourceFile } from '../source/source-file.js';
import type { LocalizedText, Problem, SetupProblem, SourceRange } from '../types.js';

export type LoadedYaml = { ok: true; document: LintDocument } | { ok: false; problems: SetupProblem[] };

/** Reads a rule set or config file and checks it against its schema; every failure names the file and position. */
/** `schema` undefined: the file is one of ptlint's own rule sets, already checked by its test suite. */
export async function loadYamlFile(filePath: string, schema: SchemaNode | undefined): Promise<LoadedYaml> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(filePath);
  } catch (error) {
    return { ok: false, problems: [unreadable(filePath, error)] };
  }
  return parseYamlData(filePath, bytes, schema);
}

export function parseYamlData(filePath: string, bytes: Uint8Array, schema: SchemaNode | undefined): LoadedYaml {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    return {
      ok: false,
      problems: [setupProblem(new SourceFile(filePath, ''), 'unreadable-file', { start: 0, end: 0 }, {
        zh: `文件不是 UTF-8 文本（${decoded.encoding}）`,
        en: `file is not UTF-8 text (${decoded.encoding})`,
      })],
    };
  }
  const parsed = parseYaml(filePath, decoded.text);
  const errors = parsed.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) return { ok: false, problems: errors.map((problem) => fromProblem(parsed.source, problem)) };
  let data: unknown;
  try {
    data = parsed.toData(DEFAULT_LIMITS.maxAliases);
  } catch (error) {
    // yaml refuses an alias bomb (or an alias it cannot resolve) while expanding it into data
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [
        setupProblem(parsed.source, 'limit-exceeded', { start: 0, end: 0 }, {
          zh: `YAML 别名（*名称）无法展开：展开次数超过上限 ${DEFAULT_LIMITS.maxAliases} 或别名无效（${reason}）`,
          en: `YAML aliases cannot be expanded: more than ${DEFAULT_LIMITS.maxAliases} expansions or an invalid alias (${reason})`,
        }),
      ],
    };
  }
  const document = new LintDocument(parsed.source, parsed.contents, data);
  const violations = schema ? validateAgainst(document, schema) : [];
  if (violations.length > 0) return { ok: false, problems: violations.map((problem) => fromProblem(parsed.source, problem)) };
  return { ok: true, document };
}

export function setupProblem(source: SourceFile, code: string, range: SourceRange, message: LocalizedText): SetupProblem {
  return { code, filePath: source.filePath, range, start: source.position(range.start), message };
}

function fromProblem(source: SourceFile, problem: Problem): SetupProblem {
  return setupProblem(source, problem.code, problem.range, problem.message);
}

export function unreadable(filePath: string, error: unknown): SetupProblem {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? { zh: '文件不存在', en: 'no such file' }
      : code === 'EACCES' || code === 'EPERM'
        ? { zh: '没有读取权限', en: 'permission denied' }
        : code === 'EISDIR'
          ? { zh: '这是文件夹，不是文件', en: 'is a directory' }
          : { zh: `无法读取（${code ?? String(error)}）`, en: `cannot be read (${code ?? String(error)})` };
  return { code: 'unreadable-file', filePath, message: reason };
}
