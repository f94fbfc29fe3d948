import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { SchemaNode } from '../schema/schemas.js';
import type { Finding, Locale, RuleMeta, YamlPath } from '../types.js';
import type { ParsedTarget } from '../values/target.js';
import { indicatorFieldOf, type EditorDocument } from './editor-document.js';
import { lspMessage, TARGET_KIND_NAMES, TARGET_NOTE_NAMES } from './lsp-messages.js';
import { fieldSchemaAt } from './schema-fields.js';
import { nodeAtOffset } from './yaml-cursor.js';

export interface HoverRequest {
  offset: number;
  locale: Locale;
  parsed: EditorDocument;
  /** the schema of the document's role, for field titles and descriptions */
  schema: SchemaNode | undefined;
  /** findings of the current text (none when the lint is out of date) */
  findings: readonly Finding[];
  ruleMeta(ruleId: string): RuleMeta | undefined;
  /** whether the document is a filing, whose 指标值 are explained */
  isFiling: boolean;
}

/** Fields holding an indicator row's target, explained by how the engine reads them. */
const TARGET_FIELDS = new Set(['年度指标值', '中期指标值', '比较符', '数值', '计量单位']);

/** Findings under the cursor, then what the field under it means, or how its 指标值 reads. */
export function hoverAt(request: HoverRequest): Hover | null {
  const sections = request.findings
    .filter((finding) => finding.range.start <= request.offset && request.offset <= finding.range.end)
    .map((finding) => findingSection(finding, request.ruleMeta(finding.ruleId), request.locale));
  const node = nodeAtOffset(request.parsed.document.contents, request.offset);
  if (node?.part === 'key') {
    const field = fieldSection(node.path, request);
    if (field) sections.push(field);
  } else if (node && request.isFiling && TARGET_FIELDS.has(indicatorFieldOf(node.path) ?? '')) {
    sections.push(targetSection(node.path, request));
  }
  if (sections.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') } };
}

function findingSection(finding: Finding, meta: RuleMeta | undefined, locale: Locale): string {
  const lines = [`**${finding.message}**`, '', `${lspMessage('rule', locale)}: \`${finding.ruleId}\``];
  if (meta) lines.push('', meta.description[locale]);
  if (meta?.rationale) lines.push('', `*${lspMessage('why', locale)}*: ${meta.rationale[locale]}`);
  const example = meta?.docsUrl ? goodExample(meta.docsUrl) : undefined;
  if (example) lines.push('', '✓', '```yaml', example, '```');
  if (meta?.docsUrl) lines.push('', `[${lspMessage('docs', locale)}](${meta.docsUrl})`);
  return lines.join('\n');
}

function fieldSection(path: YamlPath, request: HoverRequest): string | undefined {
  const key = String(path[path.length - 1]);
  const rule = path.length === 2 && path[0] === 'rules' && !request.isFiling ? request.ruleMeta(key) : undefined;
  if (rule) return `**${key}**\n\n${rule.description[request.locale]}`;
  const field = request.schema ? fieldSchemaAt(request.schema, path) : undefined;
  if (!field?.description) return undefined;
  const title = field.title && field.title !== key ? `${key} · ${field.title}` : key;
  return `**${title}**\n\n${field.description}`;
}

function targetSection(path: YamlPath, request: HoverRequest): string {
  const { facts } = request.parsed;
  const target = path[2] === '中期指标值' ? facts.target(path) : facts.indicatorTarget(path.slice(0, 2)).target;
  const say = (id: Parameters<typeof lspMessage>[0]) => lspMessage(id, request.locale);
  const rows: Array<[string, string]> = [[say('kind'), TARGET_KIND_NAMES[target.kind][request.locale]]];
  if (target.comparator) rows.push([say('comparator'), written(target.comparator, target.comparatorText)]);
  if (target.value && target.valueText) rows.push([say('number'), written(target.value.toString(), target.valueText)]);
  if (target.upper && target.upperText) rows.push([say('upper'), written(target.upper.toString(), target.upperText)]);
  if (target.kind === 'quantity' || target.kind === 'range') rows.push([say('unit'), target.unit ? written(target.unit, target.unitText) : say('noUnit')]);
  if (target.deadline) rows.push([say('deadline'), deadlineText(target, request.locale)]);
  if (target.word) rows.push([say('words'), target.word]);
  if (target.notes) rows.push([say('notes'), target.notes.map((note) => TARGET_NOTE_NAMES[note]?.[request.locale] ?? note).join('；')]);
  const table = rows.map(([label, value]) => `| ${label} | ${escapeCell(value)} |`).join('\n');
  return `**${say('targetParsed')}**: \`${target.raw}\`\n\n| | |\n|---|---|\n${table}`;
}

/** The normalized reading, with the spelling as written when it differs: `≥ (>=)`. */
function written(normalized: string, asWritten: string | undefined): string {
  return asWritten && asWritten !== normalized ? `${normalized} (${asWritten})` : normalized;
}

function deadlineText(target: ParsedTarget, locale: Locale): string {
  const deadline = target.deadline!;
  const date = `${deadline.year ? `${deadline.year}-` : ''}${String(deadline.month).padStart(2, '0')}${deadline.day ? `-${String(deadline.day).padStart(2, '0')}` : ''}`;
  return `${target.comparator ?? '='} ${date}${deadline.endOfMonth ? ` (${lspMessage('endOfMonth', locale)})` : ''}`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

const examplesByUrl = new Map<string, string | undefined>();

/** The first ✓ example of a rule's documentation page: what the rule accepts. */
function goodExample(docsUrl: string): string | undefined {
  if (!examplesByUrl.has(docsUrl)) {
    let example: string | undefined;
    try {
      const page = readFileSync(fileURLToPath(docsUrl), 'utf8');
      example = /^✓[^\n]*\n+```ya?ml\n([\s\S]*?)\n```/m.exec(page)?.[1];
    } catch {
      example = undefined;
    }
    examplesByUrl.set(docsUrl, example);
  }
  return examplesByUrl.get(docsUrl);
}
