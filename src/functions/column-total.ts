import { Decimal } from 'decimal.js';
import type { LintDocument } from '../document/lint-document.js';
import { defineFilingFunction } from '../engine/function-api.js';
import { isBlankValue } from '../domain/blank-values.js';
import { perOptions } from '../domain/per-document.js';
import { UNSIGNED_NUMERAL, decimalFromNumeral, toHalfWidth } from '../values/numerals.js';
import type { YamlPath } from '../types.js';

interface Options {
  /** the column's name; templates differ, so the first of these a row carries is read */
  fields: string[];
  /** what the column must add up to */
  total: number;
  /** units a cell may carry after its number (e.g. 分, %) */
  units?: string[];
}

interface Cell {
  path: YamlPath;
  field: string;
  written: string;
  amount?: Decimal;
}

/**
 * Checks that a numeric column of a table (e.g. 权重 / 分值) adds up to `total`, exactly. Tables where no row fills
 * the column are not checked; blank cells count as 0 (blank-field reports them); a cell that is not a number is
 * reported and the sum is then not checked. Selected value: the table (e.g. 绩效指标).
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['fields', 'total'],
    properties: {
      fields: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      total: { type: 'number' },
      units: { type: 'array', items: { type: 'string', minLength: 1 } },
    },
  },
  messageIds: ['notNumber', 'sumMismatch'],
  run(target, options, context) {
    if (!Array.isArray(target.value)) return;
    const cells = filledCells(target.value, target.path, options, context.document);
    if (cells.length === 0) return;
    const malformed = cells.filter((cell) => cell.amount === undefined);
    for (const cell of malformed) context.report({ messageId: 'notNumber', data: { field: cell.field, value: cell.written }, path: cell.path });
    if (malformed.length > 0) return;
    const sum = cells.reduce((accumulated, cell) => accumulated.plus(cell.amount!), new Decimal(0));
    const total = new Decimal(options.total);
    if (sum.equals(total)) return;
    context.report({
      messageId: 'sumMismatch',
      data: { field: cells[0].field, sum: sum.toFixed(), total: total.toFixed(), difference: sum.minus(total).abs().toFixed() },
      part: 'key',
    });
  },
});

/** The column's filled cells, read from the source text so that no digit goes through a float. */
function filledCells(rows: readonly unknown[], tablePath: YamlPath, options: Options, document: LintDocument): Cell[] {
  const numberPattern = cellPattern(options);
  return rows.flatMap((row, index) => {
    if (row === null || typeof row !== 'object') return [];
    const fields = row as Record<string, unknown>;
    const field = options.fields.find((name) => !isBlankValue(fields[name]));
    if (!field) return [];
    const path = [...tablePath, index, field];
    const written = (document.sourceText(path) ?? String(fields[field])).trim();
    const number = numberPattern.exec(toHalfWidth(written))?.groups?.number;
    return [{ path, field, written, amount: number === undefined ? undefined : decimalFromNumeral(number) }];
  });
}

/** A number, optionally followed by one of the units: `10`, `10.5`, `10分`, `１０%`. Built once per rule. */
const cellPattern = perOptions((options: Options): RegExp => {
  const units = options.units ?? [];
  const unit = units.length > 0 ? String.raw`\s*(?:${units.map(escapeRegExp).join('|')})?` : '';
  return new RegExp(String.raw`^(?<number>[-+]?${UNSIGNED_NUMERAL})${unit}$`, 'u');
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
