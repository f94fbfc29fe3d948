import { join, relative } from 'node:path';
import { yamlScalarText } from '../edits/scalar-text.js';
import { packageRoot } from '../package-root.js';
import { FILING_SCHEMA, resolveRef, schemaAt, type SchemaNode } from '../schema/schemas.js';
import type { YamlPath } from '../types.js';

export interface SkeletonOptions {
  projectName: string;
  year: number;
  /** 地区, e.g. 上海市 for the shanghai profile; blank when absent */
  region?: string;
  /** the `$schema` of the modeline, relative to the filing's folder; no modeline when absent */
  schemaUrl?: string;
}

const INDENT = '  ';

/**
 * A blank filing with every field of filing.schema.json in schema order, each under a comment giving its Chinese
 * title and description. Generated from the schema, so it follows the schema as it changes. Tables get one row per
 * example of their first column (the indicator table: one per 一级指标), comments on the first row only.
 */
export function filingSkeleton(options: SkeletonOptions): string {
  const lines: string[] = [];
  if (options.schemaUrl) lines.push(`# yaml-language-server: $schema=${options.schemaUrl}`);
  lines.push(`# ${FILING_SCHEMA.title}：${FILING_SCHEMA.description}`);
  const presets: Record<string, unknown> = {
    表名: FILING_SCHEMA.title,
    年度: options.year,
    地区: options.region,
    项目名称: options.projectName,
  };
  writeMapping(lines, FILING_SCHEMA, [], '', presets, true);
  return lines.join('\n') + '\n';
}

/** The modeline's `$schema` for a filing written in `folder`: ptlint's filing schema, relative to that folder. */
export function filingSchemaUrl(folder: string): string {
  return relative(folder, join(packageRoot(), 'schemas', 'filing.schema.json')).split('\\').join('/');
}

function writeMapping(
  lines: string[],
  node: SchemaNode,
  path: YamlPath,
  indent: string,
  presets: Record<string, unknown>,
  withComments: boolean,
  asListItem = false,
): void {
  Object.entries(node.properties ?? {}).forEach(([key, property], index) => {
    const field = resolveRef(FILING_SCHEMA, property);
    const opensItem = asListItem && index === 0;
    const dashIndent = indent.slice(INDENT.length);
    if (withComments) lines.push(`${opensItem ? dashIndent : indent}# ${commentFor(key, field)}`);
    const lead = `${opensItem ? `${dashIndent}- ` : indent}${key}:`;
    const fieldPath = [...path, key];
    if (key in presets) {
      lines.push(`${lead}${scalar(presets[key])}`);
    } else if (field.properties && Object.keys(field.properties).length > 0 && allows(field, 'object')) {
      lines.push(lead);
      writeMapping(lines, field, fieldPath, indent + INDENT, {}, withComments);
    } else if (allows(field, 'object') && !allows(field, 'null')) {
      lines.push(`${lead} {}`);
    } else if (allows(field, 'array') && itemSchema(fieldPath)) {
      lines.push(lead);
      writeRows(lines, fieldPath, indent + INDENT, withComments);
    } else {
      lines.push(`${lead}${scalar(field.default ?? (allows(field, 'null') ? undefined : emptyOf(field)))}`);
    }
  });
}

/** Rows of a table: one per example of its first column (the 一级指标 of the indicator table), else one blank row. */
function writeRows(lines: string[], path: YamlPath, dashIndent: string, withComments: boolean): void {
  const item = itemSchema(path)!;
  const [firstKey, firstColumn] = Object.entries(item.properties ?? {})[0];
  const examples = (resolveRef(FILING_SCHEMA, firstColumn).examples ?? []).filter((example) => typeof example === 'string');
  const rows: Array<Record<string, unknown>> = examples.length > 0 ? examples.map((example) => ({ [firstKey]: example })) : [{}];
  rows.forEach((presets, index) => writeMapping(lines, item, [...path, index], dashIndent + INDENT, presets, withComments && index === 0, true));
}

/** The schema of a table's rows, when rows are mappings. */
function itemSchema(path: YamlPath): SchemaNode | undefined {
  const item = schemaAt(FILING_SCHEMA, [...path, 0]);
  return item?.properties && Object.keys(item.properties).length > 0 ? item : undefined;
}

function commentFor(key: string, field: SchemaNode): string {
  const title = field.title && field.title !== key ? `${field.title} — ` : '';
  return `${title}${field.description ?? ''}`.replace(/\s+/g, ' ');
}

function allows(field: SchemaNode, type: string): boolean {
  if (field.enum) return field.enum.includes(null) ? type === 'null' : false;
  return Array.isArray(field.type) ? field.type.includes(type) : field.type === type;
}

/** A field that may not be blank starts as the empty value of its type. */
function emptyOf(field: SchemaNode): unknown {
  if (allows(field, 'string')) return '';
  if (allows(field, 'array')) return [];
  return undefined;
}

function scalar(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return ' []';
  return ` ${typeof value === 'string' ? yamlScalarText(value) : String(value)}`;
}
