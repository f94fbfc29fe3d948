import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range as LspRange } from 'vscode-languageserver/node';
import { parse } from 'yaml';
import { indicatorRows, normalizeName } from '../domain/indicator-rows.js';
import type { SchemaNode } from '../schema/schemas.js';
import type { Locale, RuleMeta, SourceRange } from '../types.js';
import { PREFERRED_SPELLINGS } from '../values/comparators.js';
import type { DocumentRole } from './document-roles.js';
import { indicatorFieldOf, type EditorDocument } from './editor-document.js';
import { lspMessage } from './lsp-messages.js';
import { fieldSchemaAt } from './schema-fields.js';
import type { Taxonomy } from './taxonomy.js';
import { cursorContext, type CursorContext } from './yaml-cursor.js';

export interface CompletionRequest {
  text: string;
  offset: number;
  locale: Locale;
  role: DocumentRole;
  schema: SchemaNode | undefined;
  taxonomy: Taxonomy;
  /** rules that can be configured (engine diagnostics excluded) */
  rules: readonly RuleMeta[];
  /** the editor's text parsed, for units already used in this filing */
  parsed: EditorDocument | undefined;
  /** a blank filing; with a modeline unless the document already has one */
  skeleton(withModeline: boolean): string;
  rangeOf(range: SourceRange): LspRange;
}

/** Units seen in filings (domain.md §3), offered after the number of a 指标值 besides those this filing uses. */
const COMMON_UNITS = ['%', '次', '人次', '场', '家', '个', '人', '册', '种', '台', '件', '套', '篇', '份', '天', '元', '万元', '元/次', '元/人', '元/人/天', '册/年', '场/年'];

/** Fields whose value is a whole 指标值 (comparator, number and unit). */
const TARGET_FIELDS = new Set(['年度指标值', '中期指标值']);

export function completionsAt(request: CompletionRequest): CompletionItem[] {
  if (isBlank(request.text) && (request.role === 'filing' || request.role === 'other')) return [skeletonItem(request)];
  const { schema } = request;
  const cursor = schema ? cursorContext(request.text, request.offset) : undefined;
  if (!schema || !cursor) return [];
  return cursor.kind === 'key' ? keyItems(cursor, schema, request) : valueItems(cursor, schema, request);
}

function keyItems(cursor: CursorContext, schema: SchemaNode, request: CompletionRequest): CompletionItem[] {
  const range = request.rangeOf(cursor.replace);
  if (request.role !== 'filing' && cursor.path.length === 1 && cursor.path[0] === 'rules') {
    return request.rules
      .filter((rule) => !(rule.id in cursor.siblings))
      .map((rule) => ({
        label: rule.id,
        kind: CompletionItemKind.Value,
        detail: lspMessage('ruleDetail', request.locale),
        documentation: rule.description[request.locale],
        textEdit: { range, newText: `${rule.id}: ` },
      }));
  }
  const properties = fieldSchemaAt(schema, cursor.path)?.properties ?? {};
  return Object.entries(properties)
    .filter(([key]) => !(key in cursor.siblings))
    .map(([key], index) => {
      const field = fieldSchemaAt(schema, [...cursor.path, key]);
      return {
        label: key,
        kind: CompletionItemKind.Field,
        detail: field?.title && field.title !== key ? field.title : undefined,
        documentation: field?.description,
        sortText: String(index).padStart(3, '0'),
        textEdit: { range, newText: `${key}: ` },
      };
    });
}

function valueItems(cursor: CursorContext, schema: SchemaNode, request: CompletionRequest): CompletionItem[] {
  const field = indicatorFieldOf(cursor.path);
  if (request.role === 'filing' && field) {
    if (field === '一级指标') return names(request.taxonomy.level1, cursor, request);
    if (field === '二级指标') return names(request.taxonomy.level2Under(normalizeName(cursor.siblings['一级指标'])), cursor, request);
    if (field === '比较符') return comparatorItems(cursor, request);
    if (field === '计量单位') return unitItems('', cursor, request);
    if (TARGET_FIELDS.has(field)) return /\d$/.test(cursor.typed) ? unitItems(cursor.typed, cursor, request) : cursor.typed === '' ? comparatorItems(cursor, request) : [];
  }
  const valueSchema = fieldSchemaAt(schema, cursor.path);
  return names([...(valueSchema?.enum ?? []), ...(valueSchema?.examples ?? [])].filter((value) => value !== null && typeof value !== 'object').map(String), cursor, request);
}

function names(values: readonly string[], cursor: CursorContext, request: CompletionRequest): CompletionItem[] {
  const range = request.rangeOf(cursor.replace);
  return [...new Set(values)].map((value, index) => ({
    label: value,
    kind: CompletionItemKind.EnumMember,
    sortText: String(index).padStart(3, '0'),
    textEdit: { range, newText: value },
  }));
}

/** Comparators a plain YAML value can start with; `>` would need quotes and is left out. */
function comparatorItems(cursor: CursorContext, request: CompletionRequest): CompletionItem[] {
  const range = request.rangeOf(cursor.replace);
  return Object.values(PREFERRED_SPELLINGS.symbol)
    .filter(readsAsPlainText)
    .map((comparator, index) => ({
      label: comparator,
      kind: CompletionItemKind.Operator,
      detail: lspMessage('comparatorDetail', request.locale),
      sortText: String(index),
      textEdit: { range, newText: comparator },
    }));
}

/** Units after the number typed so far: those this filing already uses first, then common ones. */
function unitItems(typed: string, cursor: CursorContext, request: CompletionRequest): CompletionItem[] {
  const range = request.rangeOf(cursor.replace);
  const units = [...new Set([...unitsUsedIn(request.parsed), ...COMMON_UNITS])];
  return units.map((unit, index) => ({
    label: unit,
    kind: CompletionItemKind.Unit,
    detail: lspMessage('unitDetail', request.locale),
    sortText: String(index).padStart(3, '0'),
    filterText: `${typed}${unit}`,
    textEdit: { range, newText: `${typed}${unit}` },
  }));
}

function unitsUsedIn(parsed: EditorDocument | undefined): string[] {
  if (!parsed) return [];
  const table = parsed.document.valueAt(['绩效指标']);
  return indicatorRows(table, ['绩效指标'])
    .map((row) => parsed.facts.indicatorTarget(row.path).target.unit)
    .filter((unit): unit is string => unit !== undefined);
}

function skeletonItem(request: CompletionRequest): CompletionItem {
  const hasModeline = /^\s*#\s*yaml-language-server\s*:/m.test(request.text);
  return {
    label: lspMessage('skeleton', request.locale),
    kind: CompletionItemKind.Snippet,
    detail: 'ptlint new',
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range: request.rangeOf({ start: request.offset, end: request.offset }), newText: request.skeleton(!hasModeline) },
  };
}

function readsAsPlainText(text: string): boolean {
  try {
    return (parse(`value: ${text}1`) as { value: unknown }).value === `${text}1`;
  } catch {
    return false;
  }
}

/** Empty, or nothing but comments (such as a modeline). */
function isBlank(text: string): boolean {
  return text.split('\n').every((line) => line.trim() === '' || line.trim().startsWith('#'));
}
